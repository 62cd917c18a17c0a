package dev.goroscope.app.memory;

import java.util.Arrays;
import java.util.List;

/**
 * The closed bands of one kind, kept bounded: a band that starts less than a bucket after the
 * previous one ends is joined to it, since the chart could not show the gap anyway. With the gaps
 * at least a bucket wide, there are never many more bands than buckets.
 */
final class Bands {
    private final MemoryChart.BandKind kind;
    private long[] from = new long[16];
    private long[] to = new long[16];
    private int n;

    Bands(MemoryChart.BandKind kind) {
        this.kind = kind;
    }

    int size() {
        return n;
    }

    void add(long a, long b, long width) {
        if (b <= a) {
            return;
        }
        if (n > 0 && a - to[n - 1] < width) {
            to[n - 1] = Math.max(to[n - 1], b);
            return;
        }
        if (n == from.length) {
            from = Arrays.copyOf(from, n * 2);
            to = Arrays.copyOf(to, n * 2);
        }
        from[n] = a;
        to[n] = b;
        n++;
    }

    /** Joins bands closer than {@code width}: called when the buckets widen. */
    void coalesce(long width) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k > 0 && from[i] - to[k - 1] < width) {
                to[k - 1] = Math.max(to[k - 1], to[i]);
            } else {
                from[k] = from[i];
                to[k] = to[i];
                k++;
            }
        }
        n = k;
    }

    void addTo(List<MemoryChart.Band> out) {
        for (int i = 0; i < n; i++) {
            out.add(new MemoryChart.Band(kind, from[i], to[i]));
        }
    }
}
