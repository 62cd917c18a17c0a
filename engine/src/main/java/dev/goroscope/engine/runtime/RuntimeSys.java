package dev.goroscope.engine.runtime;

/**
 * Memory the runtime maps for itself besides heap and stack spans: the MemStats fields
 * {@code GCSys}, {@code OtherSys}, {@code MSpanSys}, {@code MCacheSys} and {@code BuckHashSys}.
 * They count in {@code Sys} and in {@code mappedReady}, so the memory limit pays for them: the
 * memory-limit heap goal is the limit less all of this (go-runtime-facts.md §4.7).
 *
 * <p>Why it is modelled: it is most of a small program's non-heap memory. A go1.19.8 program
 * that imports fmt has {@code GCSys} 7,821,208 bytes before main (measured with ReadMemStats),
 * 2,165,776 of it the first heap arena's metadata ({@code heapArena}: a 2 MiB heap bitmap for
 * 64 MiB of heap, the span map and the page bitmaps); every further 64 MiB arena of heap address
 * space adds 2,171,944 (measured growing a heap to 256 MiB). So under GOMEMLIMIT=64MiB, with a
 * heap that once reached 100 MB, the runtime's own 11.3 MiB leave a goal of 51.7 MiB, as Go
 * reports; without them the goal would be about 62 MiB.
 *
 * <p>Measured at the start of that program: {@code OtherSys} 629,443 (it moves by about
 * 0.1 MiB as the program runs, not modelled), {@code MCacheSys} 15,600, {@code BuckHashSys}
 * 3,493. {@code MSpanSys} grows in 16,272-byte fixalloc chunks of 113 span structures
 * ({@code sizeof(mspan)} = 144) with the most spans ever in use, 2 chunks at the start. Not
 * modelled: GC work buffers and mark-bit arenas, which add 0.1-0.3 MiB to {@code GCSys} once
 * cycles run.
 */
final class RuntimeSys implements Pacer.Memory {
    static final long GC_SYS_BASE = 7_821_208 - 2_165_776;
    static final long GC_SYS_PER_ARENA = 2_171_944;
    static final long ARENA_BYTES = 64L << 20;
    static final long OTHER_SYS = 629_443;
    static final long MCACHE_SYS = 15_600;
    static final long BUCKHASH_SYS = 3_493;
    static final long MSPAN_CHUNK = 16_272;
    static final int MSPANS_PER_CHUNK = 113;
    private static final int MSPAN_CHUNKS_AT_START = 2;

    private final PageHeap pages;
    private final Heap heap;

    RuntimeSys(PageHeap pages, Heap heap) {
        this.pages = pages;
        this.heap = heap;
    }

    /**
     * {@code mappedReady}, as the memory limit reads it: every mapped byte not released to the
     * OS, heap, stacks and idle pages, and all of the above.
     */
    @Override
    public long mappedReady() {
        return pages.mappedBytes() - pages.heapReleased() + total();
    }

    /** {@code heapFree}: free heap pages not released. */
    @Override
    public long heapFree() {
        return pages.heapIdle() - pages.heapReleased();
    }

    @Override
    public long heapAlloc() {
        return heap.heapAlloc();
    }

    /** {@code GCSys}: the metadata of every heap arena the address space has reached. */
    long gcSys() {
        long arenas = Math.max(1, (pages.mappedBytes() + ARENA_BYTES - 1) / ARENA_BYTES);
        return GC_SYS_BASE + 2_165_776 + (arenas - 1) * GC_SYS_PER_ARENA;
    }

    long mspanSys() {
        long chunks = (pages.peakSpans() + MSPANS_PER_CHUNK - 1) / MSPANS_PER_CHUNK;
        return Math.max(chunks, MSPAN_CHUNKS_AT_START) * MSPAN_CHUNK;
    }

    long otherSys() {
        return OTHER_SYS;
    }

    long mcacheSys() {
        return MCACHE_SYS;
    }

    long buckHashSys() {
        return BUCKHASH_SYS;
    }

    /** All of it: what {@code Sys} and {@code mappedReady} count besides heap and stacks. */
    long total() {
        return gcSys() + mspanSys() + OTHER_SYS + MCACHE_SYS + BUCKHASH_SYS;
    }
}
