package dev.goroscope.app.memory;

/**
 * Fixed-size min/max downsampling of several series recorded one position at a time. When the
 * positions outgrow the buckets, neighbours are merged in pairs and each bucket covers twice as
 * many positions, so memory stays at {@code capacity} buckets however long the run is, and a
 * bucket's min and max still bound every value it covered.
 */
final class Buckets {
    final int capacity;
    private final int nseries;
    private final long[][] first;
    private final long[][] min;
    private final long[][] max;
    private final long[][] last;
    private long width = 1;
    private long positions;

    Buckets(int nseries, int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity " + capacity + " must be even and at least 2");
        }
        this.capacity = capacity;
        this.nseries = nseries;
        first = new long[nseries][capacity];
        min = new long[nseries][capacity];
        max = new long[nseries][capacity];
        last = new long[nseries][capacity];
    }

    long width() {
        return width;
    }

    /** Positions recorded. */
    long positions() {
        return positions;
    }

    /** Buckets holding at least one position. */
    int count() {
        return (int) ((positions + width - 1) / width);
    }

    /**
     * Records the values at the next position; {@code changed} false promises they are those of
     * the previous position (the common case, which then costs almost nothing).
     *
     * @return true if the buckets were merged and so doubled in width
     */
    boolean add(long[] v, boolean changed) {
        boolean merged = false;
        if (positions == capacity * width) {
            merge();
            merged = true;
        }
        int k = (int) (positions / width);
        if (positions % width == 0) {
            for (int s = 0; s < nseries; s++) {
                first[s][k] = v[s];
                min[s][k] = v[s];
                max[s][k] = v[s];
                last[s][k] = v[s];
            }
        } else if (changed) {
            for (int s = 0; s < nseries; s++) {
                long x = v[s];
                if (x < min[s][k]) {
                    min[s][k] = x;
                }
                if (x > max[s][k]) {
                    max[s][k] = x;
                }
                last[s][k] = x;
            }
        }
        positions++;
        return merged;
    }

    private void merge() {
        int half = capacity / 2;
        for (int s = 0; s < nseries; s++) {
            for (int k = 0; k < half; k++) {
                int a = 2 * k;
                int b = a + 1;
                first[s][k] = first[s][a];
                min[s][k] = Math.min(min[s][a], min[s][b]);
                max[s][k] = Math.max(max[s][a], max[s][b]);
                last[s][k] = last[s][b];
            }
        }
        width *= 2;
    }

    MemoryChart.Line line(int s) {
        int n = count();
        return new MemoryChart.Line(java.util.Arrays.copyOf(first[s], n), java.util.Arrays.copyOf(min[s], n),
                java.util.Arrays.copyOf(max[s], n), java.util.Arrays.copyOf(last[s], n));
    }
}
