package dev.goroscope.engine.lang.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.lang.GoSyntaxError;
import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.ast.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The checker's contract on anything the parser accepts: an {@link Info} or a
 * {@link GoCompileError}, never another exception (nor an "internal compiler error"
 * diagnostic, which is how an escaped Java exception would show), within a second.
 *
 * <p>Inputs are corpus programs with token-level edits: identifiers swapped for others
 * (types for values, builtins, keywords), literals changed, operators replaced, lines
 * duplicated or dropped. Token edits keep most mutants parseable, which is the point.
 */
class CheckerRobustnessProperties {

    private static final List<String> CORPUS =
            Programs.corpus().stream().map(Programs::read).collect(Collectors.toList());

    private static final List<String> WORDS = List.of("x", "int", "string", "nil", "iota", "len", "append", "make",
            "new", "_", "true", "main", "fmt", "T", "error", "any", "byte", "float64", "uint8", "[]int", "*int",
            "map[int]string", "chan int", "struct{}", "interface{}", "func()", "1", "0", "-1", "300", "1.5", "'a'",
            "\"s\"", "1 << 70", "(1)", "f()", "x.y", "x[0]", "x[1:2]", "<-x", "&x", "*x", "x.(int)", "panic(1)",
            "recover()", "min", "max", "clear", "runtime", "time.Second", "sync.Mutex{}", "[...]int{1}", "struct{ a T }");

    private static final List<String> OPS = List.of("+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^", "==",
            "!=", "<", ">=", "&&", "||", "=", ":=", "+=", "<-", "...");

    /** One token-level edit; positions are fractions of the text so that they shrink well. */
    record Edit(int kind, double at, double to, int pick) {}

    @Property(tries = 1000)
    void mutatedProgramsCheckOrFailCleanly(@ForAll("mutants") String src) {
        SourceFile f;
        try {
            f = Parser.parse("fuzz.go", src);
        } catch (GoSyntaxError e) {
            Statistics.label("outcome").collect("syntax error");
            return;
        }
        List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (GoVersion v : GoVersion.values()) {
                try {
                    Info info = Checker.check(f, v);
                    assertThat(info).isNotNull();
                    outcomes.add("checked " + v);
                } catch (GoCompileError e) {
                    outcomes.add("type errors " + v);
                    assertThat(e.diagnostics()).hasSizeBetween(1, GoCompileError.MAX);
                    for (Diagnostic d : e.diagnostics()) {
                        assertThat(d.file()).isEqualTo("fuzz.go");
                        assertThat(d.line()).isPositive();
                        assertThat(d.col()).isPositive();
                        assertThat(d.message()).isNotBlank().doesNotContain("internal compiler error");
                    }
                }
            }
        }, () -> "checker did not finish within 1 s on:\n" + src);
        for (String o : outcomes) {
            Statistics.label("outcome").collect(o);
        }
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Double> frac = Arbitraries.doubles().between(0, 1);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4), frac, frac,
                Arbitraries.integers().between(0, 1000)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(CORPUS), edit.list().ofMinSize(1).ofMaxSize(4))
                .as(CheckerRobustnessProperties::apply);
    }

    static String apply(String s, List<Edit> edits) {
        String out = s;
        for (Edit e : edits) {
            out = apply(out, e);
        }
        return out;
    }

    private static String apply(String s, Edit e) {
        int n = s.length();
        if (n == 0) {
            return s;
        }
        int i = Math.min(n - 1, (int) (e.at() * n));
        switch (e.kind()) {
            case 0: { // replace the identifier or number at i
                int[] w = word(s, i);
                return w == null ? s : s.substring(0, w[0]) + WORDS.get(e.pick() % WORDS.size()) + s.substring(w[1]);
            }
            case 1: { // replace an operator near i
                for (int j = i; j < Math.min(n, i + 40); j++) {
                    for (String op : OPS) {
                        if (op.length() <= 2 && s.startsWith(op, j) && " ".equals(s.substring(j - 1 < 0 ? 0 : j - 1, j))) {
                            return s.substring(0, j) + OPS.get(e.pick() % OPS.size()) + s.substring(j + op.length());
                        }
                    }
                }
                return s;
            }
            case 2: { // duplicate a line
                int a = s.lastIndexOf('\n', i) + 1;
                int b = s.indexOf('\n', i);
                b = b < 0 ? n : b + 1;
                int to = Math.min(n, (int) (e.to() * n));
                int at = s.lastIndexOf('\n', to) + 1;
                return s.substring(0, at) + s.substring(a, b) + s.substring(at);
            }
            case 3: { // delete a line
                int a = s.lastIndexOf('\n', i) + 1;
                int b = s.indexOf('\n', i);
                return b < 0 ? s.substring(0, a) : s.substring(0, a) + s.substring(b + 1);
            }
            default: { // swap two identifiers
                int[] w1 = word(s, i);
                int[] w2 = word(s, Math.min(n - 1, (int) (e.to() * n)));
                if (w1 == null || w2 == null || w1[0] == w2[0]) {
                    return s;
                }
                int[] lo = w1[0] < w2[0] ? w1 : w2;
                int[] hi = w1[0] < w2[0] ? w2 : w1;
                if (lo[1] > hi[0]) {
                    return s;
                }
                return s.substring(0, lo[0]) + s.substring(hi[0], hi[1]) + s.substring(lo[1], hi[0])
                        + s.substring(lo[0], lo[1]) + s.substring(hi[1]);
            }
        }
    }

    /** The bounds of the identifier or number at or after i (within 30 chars), or null. */
    private static int[] word(String s, int i) {
        int j = i;
        while (j < s.length() && j < i + 30 && !Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        if (j >= s.length() || !Character.isLetterOrDigit(s.charAt(j))) {
            return null;
        }
        int a = j;
        while (a > 0 && (Character.isLetterOrDigit(s.charAt(a - 1)) || s.charAt(a - 1) == '_')) {
            a--;
        }
        int b = j;
        while (b < s.length() && (Character.isLetterOrDigit(s.charAt(b)) || s.charAt(b) == '_')) {
            b++;
        }
        return new int[] {a, b};
    }
}
