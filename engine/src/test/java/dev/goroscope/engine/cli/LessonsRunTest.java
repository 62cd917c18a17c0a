package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The built-in lessons against what real go1.19.8 printed for them (recorded in each lesson's
 * {@code expected-go1.19.txt}), with no Go toolchain needed. Lessons the compiler runs in full
 * must match: stdout (StackInuse lines within one 32 KiB span; GC counts and heap goals of
 * lessons 10 and 11 within the tolerances of {@link GcFigures}), the exit status, and for a
 * fatal error its lines. Every other lesson must stop with a clear {@code unsupported:} compile
 * error, never an internal error.
 *
 * <p>Where real Go's own figures vary from run to run because its Ps race each other (lesson 4:
 * which goroutines the second P runs while main spawns more depends on when the OS wakes its
 * thread; lesson 8: how the tasks split among the workers; lesson 7: which of the runtime's own
 * allocations fall inside a measured phase), the lesson also has
 * {@code spread-go1.19.txt} with more real runs: a line that differs between them may hold any
 * figure within their range ({@link #withinSpread}).
 */
class LessonsRunTest {
    /** Lessons whose every construct the compiler runs today and whose output matches real Go. */
    private static final Set<String> MATCHING = Set.of("01-stack-overflow", "02-buffer-dropped", "03-stackinuse",
            "05-stack-shrink", "06-max-stack", "10-gogc-memlimit", "11-pool-and-escape", "12-goroutine-leak");
    /** Lessons that match the range of several real runs ({@code spread-go1.19.txt} besides the recording). */
    private static final Set<String> SPREAD = Set.of("04-thousand-goroutines", "07-recursion-vs-heap", "08-per-task-vs-pool");

    /** One recorded run: its environment ({@code --- run with K=V: exit status N}), output and status. */
    record Expected(Map<String, String> env, int status, List<String> stdout, List<String> stderr) {}

    static List<Expected> expected(Path f) throws IOException {
        List<Expected> runs = new ArrayList<>();
        List<String> cur = null;
        for (String l : Files.readAllLines(f)) {
            if (l.startsWith("--- run")) {
                String head = l.substring("--- run".length(), l.lastIndexOf(": exit status "));
                Map<String, String> env = new java.util.HashMap<>();
                if (head.startsWith(" with ")) {
                    String kv = head.substring(" with ".length()).trim();
                    env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                }
                int status = Integer.parseInt(l.substring(l.lastIndexOf(": exit status ") + 14).trim());
                runs.add(new Expected(env, status, new ArrayList<>(), new ArrayList<>()));
                cur = null;
            } else if (l.startsWith("--- stdout")) {
                cur = runs.get(runs.size() - 1).stdout();
            } else if (l.startsWith("--- stderr")) {
                cur = runs.get(runs.size() - 1).stderr();
            } else if (l.startsWith("--- ")) {
                cur = null;
            } else if (cur != null) {
                cur.add(l);
            }
        }
        return runs;
    }

    @TestFactory
    Stream<DynamicTest> lessonsMatchRealGoOrAreClearlyUnsupported() throws IOException {
        Path root = Path.of("../resources/scenarios");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).hasSize(12);
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    private void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        if (name.equals("09-lost-object")) {
            // Goroscope only: with Go's barrier C survives; with none it is swept while still
            // reachable, and the program's next use of it is the runtime's fatal error.
            String[] r = run(dir, Map.of());
            assertThat(r[0]).isEqualTo("barrier hybrid: after the GC, keep points to C\n");
            assertThat(r[2]).isEqualTo("2");
            assertThat(r[1]).contains("main.box at 0x").contains("fatal error: found pointer to free object");
            return;
        }
        if (SPREAD.contains(name)) {
            List<Expected> runs = new ArrayList<>(expected(dir.resolve("expected-go1.19.txt")));
            runs.addAll(expected(dir.resolve("spread-go1.19.txt")));
            String[] r = run(dir, Map.of());
            assertThat(r[1]).as("never an internal error").doesNotContain("internal error");
            assertThat(Integer.parseInt(r[2])).as("exit status of " + name).isEqualTo(runs.get(0).status());
            withinSpread(r[0].lines().toList(), runs);
            return;
        }
        if (!MATCHING.contains(name)) {
            String[] r = run(dir, Map.of());
            assertThat(r[1]).as("never an internal error").doesNotContain("internal error");
            if (r[2].equals("1")) {
                assertThat(r[1]).as(name).contains("# command-line-arguments").contains(": unsupported: ");
            }
            return;
        }
        for (Expected x : expected(dir.resolve("expected-go1.19.txt"))) {
            String[] r = run(dir, x.env());
            compare(name + " " + x.env(), x, r[0], r[1], Integer.parseInt(r[2]));
        }
    }

    /**
     * Every line as in all the real runs, or, where they differ, the same words with every figure
     * within the range of the runs' figures: byte counts (32 KiB and more) one span either side,
     * figures with decimals (KiB per goroutine) 1% either side, and small counts such as lesson 8's
     * tasks per worker or lesson 7's allocations exactly within the range.
     */
    static void withinSpread(List<String> ours, List<Expected> runs) {
        String figure = "-?\\d+(\\.\\d+)?";
        java.util.regex.Pattern num = java.util.regex.Pattern.compile(figure);
        for (Expected x : runs) {
            assertThat(ours).as("stdout lines").hasSameSizeAs(x.stdout());
        }
        for (int k = 0; k < ours.size(); k++) {
            int line = k;
            List<String> theirs = runs.stream().map(x -> x.stdout().get(line)).toList();
            if (theirs.stream().distinct().count() == 1) {
                assertThat(ours.get(k)).as("stdout line %d", k + 1).isEqualTo(theirs.get(0));
                continue;
            }
            String skeleton = ours.get(k).replaceAll(figure, "#").replaceAll("\\s+", " ");
            List<double[]> figures = new ArrayList<>();
            for (String t : theirs) {
                assertThat(skeleton).as("stdout line %d", k + 1)
                        .isEqualTo(t.replaceAll(figure, "#").replaceAll("\\s+", " "));
                figures.add(num.matcher(t).results().mapToDouble(m -> Double.parseDouble(m.group())).toArray());
            }
            List<String> mine = num.matcher(ours.get(k)).results().map(m -> m.group()).toList();
            for (int i = 0; i < mine.size(); i++) {
                int f = i;
                double lo = figures.stream().mapToDouble(a -> a[f]).min().orElseThrow();
                double hi = figures.stream().mapToDouble(a -> a[f]).max().orElseThrow();
                double slack = lo >= 32 * 1024 ? 32 * 1024 : mine.get(i).contains(".") ? hi / 100 : 0;
                assertThat(Double.parseDouble(mine.get(i))).as("line %d: %s, real runs %s", k + 1, ours.get(k), theirs)
                        .isBetween(lo - slack, hi + slack);
            }
        }
    }

    /** {stdout, stderr, status}. */
    private static String[] run(Path dir, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Run.run(new String[] {dir.resolve("main.go").toString()}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Integer.toString(status)};
    }

    private static void compare(String name, Expected x, String o, String e, int status) {
        assertThat(e).as("never an internal error").doesNotContain("internal error");
        assertThat(status).as("exit status of " + name).isEqualTo(x.status());
        String lesson = name.substring(0, name.indexOf(' '));
        if (x.status() == 0 && GcFigures.applies(lesson)) {
            GcFigures.assertMatches(lesson, o, x.stdout()); // GC counts and goals within tolerances
        } else if (x.status() == 0) {
            DifferentialTest.assertSameStdout(o, String.join("\n", x.stdout()) + "\n");
        } else {
            List<String> lines = e.lines().toList();
            assertThat(lines.get(0)).isEqualTo(x.stderr().get(0));
            assertThat(lines.get(2)).isEqualTo(x.stderr().get(2));
        }
    }
}
