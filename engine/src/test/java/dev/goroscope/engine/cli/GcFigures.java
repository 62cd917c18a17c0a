package dev.goroscope.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How lessons 10 and 11 are compared with their recordings: every line exactly, except the GC
 * figures, which depend on timing in real Go too.
 *
 * <p>GC counts are within 15% (lesson 10) or 10% (lesson 11) of the recording, and at least one
 * either way: a loop's last cycle can start just before or just after the loop ends. Heap goals
 * are within 5%, except two that real Go itself scatters widely, checked against the range 20
 * runs of the recorded binary gave (go1.19.8, this machine), with the same 5% margin:
 * <ul>
 *   <li>lesson 10, {@code GOGC=off GOMEMLIMIT=64MiB}, the goal after {@code runtime.GC()}:
 *       26.3-52.3 MiB (median 47.4). It is the limit less the runtime's own memory and less
 *       whatever of the heap the previous loop grew the background scavenger has not yet given
 *       back, and the scavenger runs only in the milliseconds {@code runtime.GC()} leaves it;
 *   <li>lesson 10, {@code GOGC=200}, the goal after the loop: 51.6-88.3 MiB. It is three times
 *       the heap the loop's last cycle marked, most of it garbage allocated black during that
 *       cycle, and so depends on where the loop ends within it.
 * </ul>
 * Lesson 10's millisecond timings are the machine's wall clock and are not compared. In
 * lesson 11 the recording may count one more allocation of 8 bytes in the loop that allocates a
 * buffer per request: in 16 of 30 runs the background scavenger slept during that loop, and its
 * timer's first {@code addtimer} grows the P's timer slice.
 */
final class GcFigures {
    private GcFigures() {}

    private static final Pattern LESSON10 = Pattern.compile(
            "^(.{26}) goal +([\\d.]+) MiB \\| +(\\d+) GCs, last goal +([\\d.]+) MiB, (\\d+) ms$");
    private static final Pattern LESSON11 = Pattern.compile(
            "^(.{34}) +(\\d+) allocations +(\\d+) bytes +(\\d+) GCs$");

    /** Measured ranges (MiB) of the goals real Go scatters: label -> {after runtime.GC(), after the loop}. */
    private static final Map<String, double[][]> SCATTERED = Map.of(
            "GOGC=off GOMEMLIMIT=64MiB ", new double[][] {{26.3, 52.3}, null},
            "GOGC=200                  ", new double[][] {null, {51.6, 88.3}});

    /** Whether this lesson's GC figures are compared with tolerances. */
    static boolean applies(String lesson) {
        return lesson.equals("10-gogc-memlimit") || lesson.equals("11-pool-and-escape");
    }

    static void assertMatches(String lesson, String ours, List<String> recorded) {
        List<String> a = ours.lines().toList();
        assertThat(a).as(lesson + ": stdout lines").hasSameSizeAs(recorded);
        for (int k = 0; k < a.size(); k++) {
            String got = a.get(k);
            String want = recorded.get(k);
            Matcher g = (lesson.startsWith("10") ? LESSON10 : LESSON11).matcher(got);
            Matcher w = (lesson.startsWith("10") ? LESSON10 : LESSON11).matcher(want);
            if (!w.matches()) {
                assertThat(got).as("%s line %d", lesson, k + 1).isEqualTo(want);
                continue;
            }
            assertThat(g.matches()).as("%s line %d: %s", lesson, k + 1, got).isTrue();
            String label = w.group(1);
            assertThat(g.group(1)).as("%s line %d", lesson, k + 1).isEqualTo(label);
            String line = lesson + " line " + (k + 1) + " (" + label.trim() + "): " + got;
            if (lesson.startsWith("10")) {
                double[][] range = SCATTERED.get(label);
                goal(line, "goal after runtime.GC()", g.group(2), w.group(2), range == null ? null : range[0]);
                count(line, g.group(3), w.group(3), 0.15);
                goal(line, "goal after the loop", g.group(4), w.group(4), range == null ? null : range[1]);
            } else {
                long allocs = Long.parseLong(w.group(2)) - Long.parseLong(g.group(2));
                long bytes = Long.parseLong(w.group(3)) - Long.parseLong(g.group(3));
                assertThat(allocs == 0 && bytes == 0 || allocs == 1 && bytes == 8)
                        .as("%s: allocations and bytes as recorded (or one 8-byte timer allocation fewer)", line)
                        .isTrue();
                count(line, g.group(4), w.group(4), 0.10);
            }
        }
    }

    private static void goal(String line, String what, String got, String want, double[] range) {
        double x = Double.parseDouble(got);
        if (range != null) {
            assertThat(x).as("%s: %s within real Go's range %s-%s MiB (+-5%%)", line, what, range[0], range[1])
                    .isBetween(range[0] * 0.95, range[1] * 1.05);
            return;
        }
        double y = Double.parseDouble(want);
        assertThat(Math.abs(x - y)).as("%s: %s %s MiB within 5%% of %s", line, what, got, want).isLessThanOrEqualTo(y * 0.05);
    }

    private static void count(String line, String got, String want, double pct) {
        long x = Long.parseLong(got);
        long y = Long.parseLong(want);
        assertThat((double) Math.abs(x - y)).as("%s: %d GCs against %d", line, x, y)
                .isLessThanOrEqualTo(Math.max(1, y * pct));
    }
}
