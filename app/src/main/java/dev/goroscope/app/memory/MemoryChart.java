package dev.goroscope.app.memory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the memory chart draws, immutable, so the UI may keep it while the fold runs on: each
 * series downsampled to at most a fixed number of buckets, and the GC bands.
 *
 * <p>Bucket {@code k} covers the timeline positions {@code [k * bucketWidth, (k + 1) * bucketWidth)}
 * (position {@code p} is the state after {@code p} events, as {@code Player} counts), clipped to
 * {@code [0, steps]}. For each series it keeps the value at the bucket's first and last position and
 * the least and greatest in between: enough to draw a line that shows every spike however many
 * events fall in one pixel.
 *
 * @param steps       events folded: positions run from 0 to {@code steps}
 * @param bucketWidth positions per bucket, a power of two
 * @param buckets     buckets in use
 * @param bands       GC phase and stop-the-world windows, in position space, grouped by kind and in
 *                    order within a kind
 */
public record MemoryChart(long steps, long bucketWidth, int buckets, Map<ChartSeries, Line> lines, List<Band> bands) {

    /** The kinds of background band. */
    public enum BandKind {
        /** {@code _GCmark}: concurrent mark, write barrier on. */
        MARK("mark"),
        /** {@code _GCmarktermination}: the second stop-the-world window. */
        MARK_TERMINATION("mark termination"),
        /** After a cycle: spans swept lazily and in the background, until the last one is. */
        SWEEP("sweep"),
        /** The world stopped: sweep termination and mark termination. */
        STOP_THE_WORLD("stop the world");

        private final String label;

        BandKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Positions {@code [from, to)} are in this band. */
    public record Band(BandKind kind, long from, long to) {
        public boolean contains(long p) {
            return p >= from && p < to;
        }
    }

    /** One series' buckets. The arrays are private copies; the accessors copy again. */
    public static final class Line {
        private final long[] first;
        private final long[] min;
        private final long[] max;
        private final long[] last;

        Line(long[] first, long[] min, long[] max, long[] last) {
            this.first = first;
            this.min = min;
            this.max = max;
            this.last = last;
        }

        public int buckets() {
            return first.length;
        }

        public long first(int k) {
            return first[k];
        }

        public long min(int k) {
            return min[k];
        }

        public long max(int k) {
            return max[k];
        }

        public long last(int k) {
            return last[k];
        }

        /** The greatest value over the whole run (0 when empty). */
        public long peak() {
            return Arrays.stream(max).max().orElse(0);
        }
    }

    public MemoryChart {
        lines = Map.copyOf(lines);
        bands = List.copyOf(bands);
    }

    /** A chart of nothing yet: position 0 only. */
    static MemoryChart empty() {
        return new MemoryChart(0, 1, 0, Map.of(), List.of());
    }

    public Line line(ChartSeries s) {
        return lines.get(s);
    }

    /** The bucket holding position {@code p}. */
    public int bucketOf(long p) {
        return (int) Math.min(Math.max(0, buckets - 1), Math.max(0, p) / bucketWidth);
    }

    /** The first position of bucket {@code k}. */
    public long bucketStart(int k) {
        return k * bucketWidth;
    }

    /** The last position of bucket {@code k}. */
    public long bucketEnd(int k) {
        return Math.min(steps, (k + 1) * bucketWidth - 1);
    }
}
