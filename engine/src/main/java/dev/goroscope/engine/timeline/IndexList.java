package dev.goroscope.engine.timeline;

import java.util.Arrays;

/**
 * The positions of one kind of event, ascending, appended by the timeline's producer and
 * binary-searched by readers without a lock.
 *
 * <p>Why this is safe without a lock: entries sit in chunks that never move, and an entry is
 * stored as {@code index + 1}, so a slot not yet written reads as 0. A reader bounds every search
 * by the timeline size it read (a volatile read that follows the writes of every entry below it).
 * Entries below that bound are all visible; any other slot reads as 0 or as an index at or above
 * the bound. Treating both as "beyond" makes the predicate of each search monotone.
 */
final class IndexList {
    private static final int SHIFT = 12;
    private static final int SIZE = 1 << SHIFT;
    private static final int MASK = SIZE - 1;

    private volatile int[][] spine = new int[4][];
    /** Written by the producer only. */
    private int n;

    /** Producer only: appends event index {@code i}, larger than every index before it. */
    void add(int i) {
        int c = n >>> SHIFT;
        int[][] s = spine;
        if (c == s.length) {
            s = Arrays.copyOf(s, s.length * 2);
            spine = s;
        }
        if (s[c] == null) {
            s[c] = new int[SIZE];
        }
        s[c][n & MASK] = i + 1;
        n++;
    }

    /**
     * The first list position whose event index is {@code >= from}, or that is beyond
     * {@code limit} (the published size).
     */
    private int search(int[][] s, long from, long limit) {
        int lo = 0;
        int hi = s.length * SIZE;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beyondOrAtLeast(s, mid, from, limit)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static boolean beyondOrAtLeast(int[][] s, int k, long from, long limit) {
        int[] chunk = s[k >>> SHIFT];
        if (chunk == null) {
            return true;
        }
        int v = chunk[k & MASK];
        return v == 0 || v - 1 >= limit || v - 1 >= from;
    }

    private static long at(int[][] s, int k) {
        return s[k >>> SHIFT][k & MASK] - 1L;
    }

    /** The smallest index {@code >= from} and {@code < limit}, or -1. */
    long next(long from, long limit) {
        int[][] s = spine;
        int k = search(s, from, limit);
        if (k >= s.length * SIZE) {
            return -1;
        }
        int[] chunk = s[k >>> SHIFT];
        if (chunk == null) {
            return -1;
        }
        int v = chunk[k & MASK];
        return v == 0 || v - 1 >= limit ? -1 : v - 1;
    }

    /** The largest index {@code <= from} and {@code < limit}, or -1. */
    long previous(long from, long limit) {
        int[][] s = spine;
        int k = search(s, Math.min(from + 1, limit), limit);
        return k == 0 ? -1 : at(s, k - 1);
    }

    /** How many indices are {@code < limit}. */
    long count(long limit) {
        return search(spine, limit, limit);
    }
}
