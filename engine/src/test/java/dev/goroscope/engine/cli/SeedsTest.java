package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goroscope.engine.lang.gotool.GoToolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 3: every program in the seed articles runs as written, and tells the same story as under
 * real Go. Each file of {@code src/test/resources/lang/seeds/} runs under {@code go run} and under
 * Goroscope with gc's frames and with estimated ones: the same stdout, exit status and fatal
 * lines, and where the article's code does not compile (seed 001's worker pool), the same
 * compile errors. Runs where Go is installed (CI installs golang-go).
 */
class SeedsTest {

    /**
     * Seeds that need a feature still being built, with what the compiler says about them today:
     * each must still be refused that way before anything runs, so the list cannot go stale
     * silently. None is pending now: seed 001's method calls on a net.Conn run since dynamic
     * dispatch.
     */
    private static final Map<String, String> PENDING = Map.of();

    /**
     * Seeds whose last line races main's exit: seed 004's monitor ticks every 5 s while main
     * sleeps 30 s, so its sixth tick and main's wake-up fall due within the same timer-slack
     * window. Real Go wakes main first and exits; the simulator fires both timers in one wake-up
     * and may let the monitor print once more. One extra final line is tolerated (README,
     * "Where Goroscope differs"); any other difference fails.
     */
    private static final java.util.Set<String> TIE_AT_THE_END = java.util.Set.of("004_monitor.go");

    /** Seeds whose goroutines print concurrently, so the order of lines is not the program's. */
    private static final java.util.Set<String> UNORDERED = java.util.Set.of("004_spawn_many.go");

    @TestFactory
    Stream<DynamicTest> everySeedProgramRunsLikeRealGo() throws Exception {
        assumeTrue(GoToolchain.find().isPresent(), "no Go toolchain on the PATH");
        Path dir = Path.of("src/test/resources/lang/seeds");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".go")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    /** Rechecked against fresh real runs on a mismatch ({@link DifferentialTest#againstFreshRealRuns}). */
    private static void compare(Path file) throws Exception {
        DifferentialTest.againstFreshRealRuns(() -> compareOnce(file));
    }

    private static void compareOnce(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (PENDING.containsKey(name)) {
            DifferentialTest.Output us = DifferentialTest.goroscope(file, "estimate");
            assertThat(String.join("\n", us.stderr())).as("%s is still refused before it runs", name)
                    .contains(PENDING.get(name));
            assertThat(us.stdout()).isEmpty();
            return;
        }
        DifferentialTest.Output go = DifferentialTest.goRun(file);
        for (String frames : List.of("go", "estimate")) {
            DifferentialTest.Output us = DifferentialTest.goroscope(file, frames);
            // Seed 000 prints StackInuse as "Before:" and "After:"; real Go's figure varies by a span.
            // Where goroutines print concurrently the order is the scheduler's: lines compare as a
            // multiset (real Go's own order differs from run to run).
            boolean concurrent = UNORDERED.contains(name);
            String ours = countsWithin(us.stdout(), go.stdout(), 0.001);
            if (TIE_AT_THE_END.contains(name) && ours.lines().count() == go.stdout().lines().count() + 1) {
                ours = ours.substring(0, ours.lastIndexOf('\n', ours.length() - 2) + 1);
            }
            DifferentialTest.assertSameStdout(concurrent ? sorted(ours) : ours,
                    concurrent ? sorted(go.stdout()) : go.stdout(),
                    java.util.regex.Pattern.compile("StackInuse|^Before: |^After: "));
            assertThat(us.status()).as("exit status, frames=%s", frames).isEqualTo(go.status());
            assertThat(DifferentialTest.fatalLines(us.stderr())).as("fatal lines, frames=%s", frames)
                    .isEqualTo(DifferentialTest.fatalLines(go.stderr()));
            assertThat(compileErrors(us.stderr(), name)).as("compile errors, frames=%s", frames)
                    .isEqualTo(compileErrors(go.stderr(), name));
        }
    }

    private static final java.util.regex.Pattern ALLOCATIONS = java.util.regex.Pattern.compile("~(\\d+) heap allocations");

    /**
     * Seed 003 prints a count of heap allocations that real Go itself varies by a few from run to
     * run (100,004 to 100,006 here: the runtime's own allocations during the loop's GC cycles):
     * where our count is within {@code share} of real Go's, our line takes real Go's figure;
     * otherwise it stays as it is and the comparison fails.
     */
    private static String countsWithin(String ours, String theirs, double share) {
        List<String> a = ours.lines().toList();
        List<String> b = theirs.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < a.size(); k++) {
            String line = a.get(k);
            java.util.regex.Matcher m = ALLOCATIONS.matcher(line);
            if (k < b.size() && m.find()) {
                java.util.regex.Matcher n = ALLOCATIONS.matcher(b.get(k));
                if (n.find() && Math.abs(Long.parseLong(m.group(1)) - Long.parseLong(n.group(1)))
                        <= share * Long.parseLong(n.group(1))) {
                    line = b.get(k);
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String sorted(String out) {
        return out.lines().sorted().collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /** The {@code ./file.go:L:C: message} lines, with the file name as go run printed it. */
    private static List<String> compileErrors(List<String> err, String name) {
        return err.stream().filter(l -> l.matches("\\./[^:]+\\.go:\\d+:\\d+: .*"))
                .map(l -> l.replaceFirst("^\\./[^:]+\\.go:", "./" + name + ":")).toList();
    }
}
