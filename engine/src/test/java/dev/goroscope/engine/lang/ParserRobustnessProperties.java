package dev.goroscope.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser's contract on hostile input: it returns a tree or throws {@link GoSyntaxError},
 * never anything else, and it always finishes quickly. The inputs are random token soups and
 * the corpus programs with random character-level damage.
 *
 * <p>The parse runs on a fresh thread (assertTimeoutPreemptively), whose stack is smaller
 * than the test runner's, which also exercises the nesting limit.
 */
class ParserRobustnessProperties {

    private static final List<String> CORPUS =
            Corpus.files().stream().map(Corpus::read).collect(Collectors.toList());

    /** One edit: {@code at} and {@code to} are fractions of the text length, so they shrink nicely. */
    record Mutation(int kind, double at, double to, char c) {}

    @Property(tries = 400)
    void mutatedProgramsParseOrFailCleanly(@ForAll("mutants") String src) {
        check(src);
    }

    @Property(tries = 400)
    void tokenSoupsParseOrFailCleanly(@ForAll("soups") String src) {
        check(src);
    }

    static void check(String src) {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                Parser.parse("fuzz.go", src);
            } catch (GoSyntaxError e) {
                Diagnostic d = e.first();
                assertThat(d.file()).isEqualTo("fuzz.go");
                assertThat(d.line()).isBetween(1, (int) src.chars().filter(ch -> ch == '\n').count() + 1);
                assertThat(d.col()).isPositive();
                assertThat(d.message()).isNotBlank();
            }
        }, () -> "parser did not finish within 1 s on:\n" + src);
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '(', ')', '[', ']', '"', '\'', '`', ';', ',', '.',
                ':', '=', '<', '-', '\n', '\t', ' ', '@', 'é', 'x', '0', '/', '*', 'i', '_', '\\', '\u0000',
                '\uFEFF', '~', '&', '^', '|', '!');
        Arbitrary<Double> frac = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> m = Combinators.combine(Arbitraries.integers().between(0, 5), frac, frac, chars)
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(CORPUS), m.list().ofMinSize(1).ofMaxSize(6))
                .as(ParserRobustnessProperties::apply);
    }

    static String apply(String s, List<Mutation> ms) {
        StringBuilder sb = new StringBuilder(s);
        for (Mutation m : ms) {
            int n = sb.length();
            if (n == 0) {
                sb.append(m.c());
                continue;
            }
            int i = Math.min(n - 1, (int) (m.at() * n));
            int j = Math.min(n - 1, (int) (m.to() * n));
            int lo = Math.min(i, j);
            int hi = Math.min(Math.max(i, j), lo + 40);
            switch (m.kind()) {
                case 0: sb.deleteCharAt(i); break;
                case 1: sb.insert(i, m.c()); break;
                case 2: {
                    char a = sb.charAt(i);
                    sb.setCharAt(i, sb.charAt(j));
                    sb.setCharAt(j, a);
                    break;
                }
                case 3: sb.delete(lo, hi); break;
                case 4: sb.insert(lo, sb.substring(lo, hi)); break;
                default: sb.setCharAt(i, m.c()); break;
            }
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> soups() {
        Arbitrary<String> tok = Arbitraries.of("package", "main", "func", "(", ")", "{", "}", "[", "]", "x", "y",
                "1", "0x", "1.5e", "0b2", "'a'", "\"s\"", "`r`", "\"", "'", "`", "chan", "<-", "map", "struct",
                "interface", "type", "var", "const", "import", "if", "else", "for", "range", "switch", "case",
                "default", "select", "go", "defer", "return", ":=", "=", "+=", ",", ";", ".", "...", ":", "\n",
                "+", "*", "&", "|", "^", "!", "~", "iota", "nil", "/*", "*/", "//", "goto", "break", "fallthrough",
                "L:", "@", "\\", "3i", "\"\\q\"");
        Arbitrary<String> prefix = Arbitraries.of("", "package main\n", "package main\nfunc f() {\n",
                "package main\nvar v = ", "package main\ntype T ");
        return Combinators.combine(prefix, tok.list().ofMaxSize(200))
                .as((p, ts) -> p + String.join(" ", ts));
    }
}
