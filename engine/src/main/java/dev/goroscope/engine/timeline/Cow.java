package dev.goroscope.engine.timeline;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chunked copy-on-write arrays: the storage under every large table of a {@link Replica}.
 *
 * <p>Why: a checkpoint is a copy of the whole replica, and a replica may hold a million heap
 * objects. Copying flat arrays of that size costs tens of milliseconds and, worse, as much memory
 * again per checkpoint. Here an array is a spine of fixed-size chunks; {@code copy} copies only
 * the spine and gives both sides new generation stamps, so every chunk becomes shared. A write
 * to a chunk whose stamp is not the writer's generation clones that chunk first. A checkpoint
 * therefore costs the spine plus the chunks that change before the next one.
 *
 * <p>Not thread-safe: a replica and its copies are used by one thread (the player's).
 */
final class Cow {
    static final int SHIFT = 10;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    private static final AtomicInteger GENERATIONS = new AtomicInteger();

    private Cow() {}

    /** A generation stamp no other owner has. */
    static int freshGeneration() {
        return GENERATIONS.incrementAndGet();
    }

    /** Bytes cloned by copy-on-write since a replica was copied: how much a checkpoint really costs. */
    static final class Meter {
        long bytes;
    }

    private static int chunksFor(int n) {
        return (n + MASK) >>> SHIFT;
    }

    /** A copy-on-write {@code long[]} that grows by whole chunks. */
    static final class Longs {
        private long[][] chunks;
        private int[] owner;
        private int gen;
        private final Meter meter;

        Longs(Meter meter) {
            this.chunks = new long[0][];
            this.owner = new int[0];
            this.gen = freshGeneration();
            this.meter = meter;
        }

        private Longs(Longs o, Meter meter) {
            this.chunks = o.chunks.clone();
            this.owner = o.owner.clone();
            this.gen = freshGeneration();
            this.meter = meter;
        }

        Longs copy(Meter m) {
            gen = freshGeneration();
            return new Longs(this, m);
        }

        long get(int i) {
            return chunks[i >>> SHIFT][i & MASK];
        }

        void set(int i, long v) {
            int c = i >>> SHIFT;
            long[] k = chunks[c];
            if (owner[c] != gen) {
                k = k.clone();
                chunks[c] = k;
                owner[c] = gen;
                meter.bytes += 8L * SIZE;
            }
            k[i & MASK] = v;
        }

        int capacity() {
            return chunks.length << SHIFT;
        }

        /** Makes indices {@code [0, n)} valid; new chunks are zero and owned. */
        void ensure(int n) {
            int have = chunks.length;
            int want = chunksFor(n);
            if (want <= have) {
                return;
            }
            int len = Math.max(want, have + (have >> 1));
            chunks = java.util.Arrays.copyOf(chunks, len);
            owner = java.util.Arrays.copyOf(owner, len);
            for (int c = have; c < len; c++) {
                chunks[c] = new long[SIZE];
                owner[c] = gen;
            }
        }
    }

    /** A copy-on-write {@code int[]} that grows by whole chunks. */
    static final class Ints {
        private int[][] chunks;
        private int[] owner;
        private int gen;
        private final Meter meter;

        Ints(Meter meter) {
            this.chunks = new int[0][];
            this.owner = new int[0];
            this.gen = freshGeneration();
            this.meter = meter;
        }

        private Ints(Ints o, Meter meter) {
            this.chunks = o.chunks.clone();
            this.owner = o.owner.clone();
            this.gen = freshGeneration();
            this.meter = meter;
        }

        Ints copy(Meter m) {
            gen = freshGeneration();
            return new Ints(this, m);
        }

        int get(int i) {
            return chunks[i >>> SHIFT][i & MASK];
        }

        void set(int i, int v) {
            int c = i >>> SHIFT;
            int[] k = chunks[c];
            if (owner[c] != gen) {
                k = k.clone();
                chunks[c] = k;
                owner[c] = gen;
                meter.bytes += 4L * SIZE;
            }
            k[i & MASK] = v;
        }

        void ensure(int n) {
            int have = chunks.length;
            int want = chunksFor(n);
            if (want <= have) {
                return;
            }
            int len = Math.max(want, have + (have >> 1));
            chunks = java.util.Arrays.copyOf(chunks, len);
            owner = java.util.Arrays.copyOf(owner, len);
            for (int c = have; c < len; c++) {
                chunks[c] = new int[SIZE];
                owner[c] = gen;
            }
        }
    }

    /** A copy-on-write array of references (the referents themselves are not copied). */
    static final class Refs<T> {
        private Object[][] chunks;
        private int[] owner;
        private int gen;
        private final Meter meter;

        Refs(Meter meter) {
            this.chunks = new Object[0][];
            this.owner = new int[0];
            this.gen = freshGeneration();
            this.meter = meter;
        }

        private Refs(Refs<T> o, Meter meter) {
            this.chunks = o.chunks.clone();
            this.owner = o.owner.clone();
            this.gen = freshGeneration();
            this.meter = meter;
        }

        Refs<T> copy(Meter m) {
            gen = freshGeneration();
            return new Refs<>(this, m);
        }

        @SuppressWarnings("unchecked")
        T get(int i) {
            return (T) chunks[i >>> SHIFT][i & MASK];
        }

        void set(int i, T v) {
            int c = i >>> SHIFT;
            Object[] k = chunks[c];
            if (owner[c] != gen) {
                k = k.clone();
                chunks[c] = k;
                owner[c] = gen;
                meter.bytes += 8L * SIZE;
            }
            k[i & MASK] = v;
        }

        void ensure(int n) {
            int have = chunks.length;
            int want = chunksFor(n);
            if (want <= have) {
                return;
            }
            int len = Math.max(want, have + (have >> 1));
            chunks = java.util.Arrays.copyOf(chunks, len);
            owner = java.util.Arrays.copyOf(owner, len);
            for (int c = have; c < len; c++) {
                chunks[c] = new Object[SIZE];
                owner[c] = gen;
            }
        }
    }
}
