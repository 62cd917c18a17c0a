package dev.goroscope.engine.runtime;

import java.util.PriorityQueue;

/**
 * Timers on the virtual clock: sleeping goroutines ({@code time.Sleep}) and channel timers
 * ({@code time.After}, tickers). Ties fire in the order the timers were set, so runs stay
 * deterministic.
 */
final class Timers {
    /** A timer: wakes {@code g}, or runs {@code action}. */
    record Timer(long when, long seq, Goroutine g, Runnable action) {}

    private final PriorityQueue<Timer> q = new PriorityQueue<>((a, b) ->
            a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.seq, b.seq));
    private long seq;

    void add(long when, Goroutine g) {
        q.add(new Timer(when, seq++, g, null));
    }

    void add(long when, Runnable action) {
        q.add(new Timer(when, seq++, null, action));
    }

    boolean isEmpty() {
        return q.isEmpty();
    }

    long next() {
        return q.peek().when;
    }

    /** Removes and returns the timer that fires first. */
    Timer pop() {
        return q.poll();
    }
}
