package dev.goroscope.engine.runtime;

import java.util.PriorityQueue;

/**
 * Sleeping goroutines on the virtual clock ({@code time.Sleep}): a heap of wake-up times. Ties
 * wake in the order the goroutines went to sleep, so runs stay deterministic.
 */
final class Timers {
    private record Timer(long when, long seq, Goroutine g) {}

    private final PriorityQueue<Timer> q = new PriorityQueue<>((a, b) ->
            a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.seq, b.seq));
    private long seq;

    void add(long when, Goroutine g) {
        q.add(new Timer(when, seq++, g));
    }

    boolean isEmpty() {
        return q.isEmpty();
    }

    long next() {
        return q.peek().when;
    }

    /** Removes and returns the goroutine whose timer fires first. */
    Goroutine pop() {
        return q.poll().g;
    }
}
