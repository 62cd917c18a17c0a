package dev.goroscope.engine.runtime;

import java.util.Arrays;

/** A growable LIFO of longs: the runtime's intrusive {@code gclinkptr} lists, without boxing. */
final class LongStack {
    private long[] a = new long[8];
    private int n;

    void push(long v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    long pop() {
        return a[--n];
    }

    boolean isEmpty() {
        return n == 0;
    }

    int size() {
        return n;
    }

    void clear() {
        n = 0;
    }
}
