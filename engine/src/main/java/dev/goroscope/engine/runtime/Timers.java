package dev.goroscope.engine.runtime;

import java.util.PriorityQueue;

/**
 * Timers on the virtual clock (time.go, {@code checkTimers}): sleeping goroutines
 * ({@code time.Sleep}) and {@link Ticker}s. Ties fire in the order the timers were set, so runs
 * stay deterministic.
 *
 * <p>Due timers run whenever the scheduler runs ({@link #runDue}: at every scheduling point and
 * preemption check, as {@code schedule} calls {@code checkTimers}); when nothing can run, the
 * clock jumps to the next timer ({@link #advance}). A sleeping M never wakes exactly on time:
 * it wakes {@link #WAKE_SLACK} late, the OS's timer slack, and fires every timer due by then in
 * one batch; a tick carries the time it was sent, as {@code sendTime} sends {@code Now()}, a
 * little after the tick was due. The goroutines a batch makes ready go to the
 * {@code runnext} of the P running it, each one pushing the previous to the back of its run
 * queue ({@code goready} puts the readied goroutine in {@code runnext}), and that P runs first.
 */
final class Timers {
    /** How late an idle M wakes for its next timer: Linux's default timer slack, 50 µs. */
    static final long WAKE_SLACK = 50_000;

    /** A timer: wakes {@code g}, or runs {@code action}; {@code p} is the P whose heap holds it. */
    record Timer(long when, long seq, int p, Goroutine g, Runnable action) {}

    private final GoRuntime rt;
    private final PriorityQueue<Timer> q = new PriorityQueue<>((a, b) ->
            a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.seq, b.seq));
    private long seq;
    /** While a batch fires: the P whose runnext receives the goroutines it readies; else -1. */
    int firingP = -1;

    Timers(GoRuntime rt) {
        this.rt = rt;
    }

    /** {@code time.Sleep}: wakes {@code g} at {@code when}. */
    void sleep(Goroutine g, long when) {
        q.add(new Timer(when, seq++, g.p, g, null));
    }

    boolean isEmpty() {
        return q.isEmpty();
    }

    long next() {
        return q.peek().when;
    }

    /** Arms (or re-arms) {@code t} to fire at {@code when}; its object is held while pending. */
    void arm(Ticker t, long when, int p) {
        if (!t.pending) {
            rt.addRoot(t.addr);
        }
        t.pending = true;
        t.when = when;
        int gen = ++t.gen;
        q.add(new Timer(when, seq++, p, null, () -> fire(t, gen, p)));
    }

    /** {@code deltimer}: true if the timer was pending (so this call stopped it). */
    boolean stop(Ticker t) {
        boolean was = t.pending;
        if (was) {
            t.pending = false;
            rt.removeRoot(t.addr);
        }
        t.gen++;
        return was;
    }

    private void fire(Ticker t, int gen, int p) {
        if (gen != t.gen || !t.pending) {
            return; // stopped or reset since this arming
        }
        if (t.f != null) {
            stop(t);
            t.f.run(); // goFunc: the function starts in a goroutine of its own
            return;
        }
        if (t.c.len() < t.c.cap()) {
            rt.timerSend(t.c, t.value.apply(rt.clock));
        }
        if (t.period > 0) {
            // A late tick re-arms for the next period still ahead, skipping missed ones (runOneTimer).
            long late = rt.clock - t.when;
            arm(t, t.when + t.period * (1 + late / t.period), p);
        } else {
            stop(t);
        }
    }

    /** Fires every timer due by now; returns the P that ran them, or -1 if none was due. */
    int runDue() {
        if (q.isEmpty() || q.peek().when > rt.clock) {
            return -1;
        }
        int p = q.peek().p;
        firingP = p;
        try {
            while (!q.isEmpty() && q.peek().when <= rt.clock) {
                run(q.poll());
            }
        } finally {
            firingP = -1;
        }
        return p;
    }

    /**
     * Nothing can run: the M sleeps until the next timer and wakes {@link #WAKE_SLACK} late; every
     * timer due by then fires. Returns the P that ran them.
     */
    int advance() {
        rt.advanceClock(q.peek().when + WAKE_SLACK);
        return runDue();
    }

    private void run(Timer t) {
        if (t.g() != null) {
            rt.ready(t.g());
        } else {
            t.action().run();
        }
    }
}
