package dev.goroscope.engine.runtime;

/**
 * A {@code time.Ticker} (or the timer behind {@code time.After}): it sends the virtual time on a
 * one-element channel every period; a tick that finds the channel full is dropped, as Go's are.
 */
public final class Ticker {
    final Channel c;
    final long period;
    boolean stopped;

    Ticker(Channel c, long period) {
        this.c = c;
        this.period = period;
    }

    /** The channel the ticks arrive on ({@code t.C}). */
    public Channel channel() {
        return c;
    }

    /** {@code t.Stop()}: no more ticks. */
    public void stop() {
        stopped = true;
    }
}
