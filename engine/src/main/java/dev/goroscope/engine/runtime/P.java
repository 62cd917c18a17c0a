package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;

/** A processor ({@code runtime.p}): a local run queue, {@code runnext}, and a cache of dead Gs. */
final class P {
    final int id;
    final ArrayDeque<Goroutine> runq = new ArrayDeque<>();
    Goroutine runnext;
    /** The goroutine running on this P, or null. */
    Goroutine current;
    /** {@code p.gFree}: dead Gs kept for reuse, most recent first. */
    final ArrayDeque<DeadG> gFree = new ArrayDeque<>();

    P(int id) {
        this.id = id;
    }

    /** A dead G: the struct that is never freed, and the stack it may have kept. */
    record DeadG(long gstruct, long lo, long hi, long lastGid) {
        boolean hasStack() {
            return hi != 0;
        }

        DeadG withoutStack() {
            return new DeadG(gstruct, 0, 0, lastGid);
        }
    }
}
