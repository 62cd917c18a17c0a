package dev.goroscope.engine.timeline;

import java.util.Arrays;

/**
 * Sets of disjoint address ranges as immutable sorted {@code long[]} of {@code [lo, hi)} pairs.
 * Used for the pages released to the OS, which are few runs; every change makes a new array, so
 * a set is shared freely between a replica and its checkpoints.
 */
final class Ranges {
    static final long[] EMPTY = new long[0];

    private Ranges() {}

    static long bytes(long[] r) {
        long n = 0;
        for (int i = 0; i < r.length; i += 2) {
            n += r[i + 1] - r[i];
        }
        return n;
    }

    /** The parts of {@code r} inside {@code [lo, hi)}. */
    static long[] intersect(long[] r, long lo, long hi) {
        long[] out = new long[r.length];
        int n = 0;
        for (int i = 0; i < r.length; i += 2) {
            long a = Math.max(r[i], lo);
            long b = Math.min(r[i + 1], hi);
            if (a < b) {
                out[n++] = a;
                out[n++] = b;
            }
        }
        return n == 0 ? EMPTY : Arrays.copyOf(out, n);
    }

    /** {@code r} without {@code [lo, hi)}. */
    static long[] subtract(long[] r, long lo, long hi) {
        long[] out = new long[r.length + 2];
        int n = 0;
        for (int i = 0; i < r.length; i += 2) {
            long a = r[i];
            long b = r[i + 1];
            if (b <= lo || a >= hi) {
                out[n++] = a;
                out[n++] = b;
                continue;
            }
            if (a < lo) {
                out[n++] = a;
                out[n++] = lo;
            }
            if (b > hi) {
                out[n++] = hi;
                out[n++] = b;
            }
        }
        return n == 0 ? EMPTY : Arrays.copyOf(out, n);
    }

    /** {@code r} with {@code [lo, hi)} added, touching runs coalesced. */
    static long[] union(long[] r, long lo, long hi) {
        if (lo >= hi) {
            return r;
        }
        long[] out = new long[r.length + 2];
        int n = 0;
        boolean placed = false;
        for (int i = 0; i < r.length; i += 2) {
            long a = r[i];
            long b = r[i + 1];
            if (b < lo) {
                out[n++] = a;
                out[n++] = b;
            } else if (a > hi) {
                if (!placed) {
                    out[n++] = lo;
                    out[n++] = hi;
                    placed = true;
                }
                out[n++] = a;
                out[n++] = b;
            } else {
                lo = Math.min(lo, a);
                hi = Math.max(hi, b);
            }
        }
        if (!placed) {
            out[n++] = lo;
            out[n++] = hi;
        }
        return Arrays.copyOf(out, n);
    }
}
