package dev.goroscope.engine.runtime;

import java.util.function.LongFunction;

/**
 * A runtime timer (time.go's {@code runtimeTimer}) behind {@code time.Timer},
 * {@code time.Ticker}, {@code time.After} and {@code time.AfterFunc}. A channel timer sends the
 * time on a one-element channel when it fires, and a tick that finds the channel full is
 * dropped, as Go's {@code sendTime} drops it; a function timer starts its function instead
 * ({@code goFunc}). A periodic timer re-arms itself; {@link GoRuntime#stopTimer} and
 * {@link GoRuntime#resetTimer} change a pending one. While it is in its P's timer heap (pending,
 * or stopped but not yet cleaned out), the timer's object (the {@code time.Timer} or
 * {@code time.Ticker}) is held by the runtime, so the collector keeps it and its channel alive
 * even when the program has dropped them.
 */
public final class Ticker {
    final Channel c;
    final Runnable f;
    final LongFunction<Object> value;
    final long addr;
    long period;
    long when;
    boolean pending;
    /** Bumped by every arming: a queued firing of an older one is ignored. */
    int gen;
    /** The P whose {@code pp.timers} holds it, or -1; and whether it is there only as deleted. */
    int heapP = -1;
    boolean deleted;

    Ticker(Channel c, Runnable f, LongFunction<Object> value, long addr, long period) {
        this.c = c;
        this.f = f;
        this.value = value;
        this.addr = addr;
        this.period = period;
    }

    /** The channel the ticks arrive on ({@code t.C}); null for a function timer. */
    public Channel channel() {
        return c;
    }

    /** The {@code time.Timer} or {@code time.Ticker} object on the heap (0: none). */
    public long addr() {
        return addr;
    }

    /** Whether the timer will still fire (it has neither fired, as a one-shot, nor been stopped). */
    public boolean pending() {
        return pending;
    }

    /** When it fires next, in virtual nanoseconds. */
    public long when() {
        return when;
    }
}
