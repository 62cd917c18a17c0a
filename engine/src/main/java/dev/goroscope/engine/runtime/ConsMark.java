package dev.goroscope.engine.runtime;

/**
 * The pacer's estimate of the cons/mark ratio (mgcpacer.go {@code endCycle}): bytes the program
 * allocates per CPU-second over bytes the collector scans per CPU-second. It decides how early
 * the next cycle starts (the runway, go-runtime-facts.md §4.7).
 *
 * <p>The two releases smooth the noisy per-cycle measurement differently. Go 1.19 feeds it to a
 * PI controller ({@code consMarkController}: kp 0.9, ti 4, tt 1000, output clamped to
 * [-1000, 1000]) whose output becomes the estimate; Go 1.21 and later (1.23 here) take the
 * largest of this cycle's value and the last four, which biases a noisy measurement toward
 * starting cycles earlier.
 */
final class ConsMark {
    /** {@code consMarkController} (1.19): kp 0.9, ti 4, tt 1000, output in [-1000, 1000]. */
    private final PiController controller;
    private double value;
    /** The last four measured values, oldest first (1.21+). */
    private final double[] last = new double[4];

    ConsMark(GoProfile profile) {
        this.controller = profile == GoProfile.GO_1_19 ? new PiController(0.9, 4, 1000, -1000, 1000) : null;
    }

    /** The current estimate ({@code c.consMark}). */
    double value() {
        return value;
    }

    /** Takes one cycle's measurement; returns the estimate it replaced (gcpacertrace prints that). */
    double update(double current) {
        double old = value;
        if (controller != null) {
            double v = controller.next(value, current, 1);
            value = Double.isNaN(v) ? 0 : v; // "controller reset": consMark = 0
        } else {
            value = current;
            for (double v : last) {
                value = Math.max(value, v);
            }
            System.arraycopy(last, 1, last, 0, last.length - 1);
            last[last.length - 1] = current;
        }
        return old;
    }
}
