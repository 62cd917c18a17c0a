package dev.goroscope.engine.runtime;

/**
 * The seeded generator behind every choice the simulation makes (which P runs next, when a
 * background worker gets a turn). Written out here rather than borrowed from the JDK so that
 * the event stream for a seed can never change with the JDK version.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }
}
