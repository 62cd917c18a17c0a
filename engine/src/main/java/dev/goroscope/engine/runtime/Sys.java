package dev.goroscope.engine.runtime;

/**
 * Constants of the Go runtime on linux/amd64, as in go-runtime-facts.md §1.
 *
 * <p>Names follow the Go 1.21+ spelling ({@code stackGuard}); Go 1.19 spells some of them with a
 * leading underscore ({@code _StackGuard}) but the values are the same (§9).
 */
public final class Sys {
    private Sys() {}

    /** Pointer size on amd64. */
    public static final int PTR_SIZE = 8;
    /** {@code _PageShift}: the heap's page is 8 KiB. */
    public static final int PAGE_SHIFT = 13;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;

    /** {@code stackMin}: the minimum stack used by Go code (§1). */
    public static final long STACK_MIN = 2048;
    /** {@code stackSystem}: 0 on Linux (§1). */
    public static final long STACK_SYSTEM = 0;
    /** {@code fixedStack}: stackMin + stackSystem rounded up to a power of two (§1). */
    public static final long FIXED_STACK = 2048;
    /** {@code stackNosplit} (1.19: {@code _StackLimit}): bytes a nosplit chain may use (§1). */
    public static final long STACK_NOSPLIT = 800;
    /** {@code abi.StackSmall}: frames up to this size use a single compare (§2.1). */
    public static final long STACK_SMALL = 128;
    /** {@code abi.StackBig}: frames above this size get an underflow check too (§2.1). */
    public static final long STACK_BIG = 4096;
    /** {@code stackGuard} = 800 + 0 + 128 = 928: {@code stackguard0 = lo + 928} (§1). */
    public static final long STACK_GUARD = STACK_NOSPLIT + STACK_SYSTEM + STACK_SMALL;
    /** {@code _StackCacheSize}: one stack-pool span, and the per-P cache limit per order (§1). */
    public static final long STACK_CACHE_SIZE = 32 * 1024;
    /** {@code _NumStackOrders}: orders 0..3 are 2K, 4K, 8K, 16K on Linux (§1). */
    public static final int NUM_STACK_ORDERS = 4;
    /** {@code maxstacksize} after {@code runtime.main} starts, 64-bit (§1). */
    public static final long MAX_STACK_SIZE = 1_000_000_000L;
    /** {@code maxstackceiling} = 2 * maxstacksize (§1). */
    public static final long MAX_STACK_CEILING = 2 * MAX_STACK_SIZE;

    /** {@code defaultHeapMinimum}: the first heap goal is 4 MiB (§4.7). */
    public static final long DEFAULT_HEAP_MINIMUM = 4L << 20;
    /** {@code gcBackgroundUtilization} (§4.6). */
    public static final double GC_BACKGROUND_UTILIZATION = 0.25;
    /** {@code gcOverAssistWork}: an assist does at least this much scan work (§4.6). */
    public static final long GC_OVER_ASSIST_WORK = 64L << 10;
    /** {@code triggerRatioDen}, {@code minTriggerRatioNum}, {@code maxTriggerRatioNum} (§1). */
    public static final int TRIGGER_RATIO_DEN = 64;
    public static final int MIN_TRIGGER_RATIO_NUM = 45;
    public static final int MAX_TRIGGER_RATIO_NUM = 61;
    /** Memory-limit headroom: 3%, at least 1 MiB (§4.7). */
    public static final int MEMORY_LIMIT_HEADROOM_PERCENT = 3;
    /**
     * {@code globalsScan} of a program's runtime and libraries: the data and BSS segments of a
     * go1.19.8 linux/amd64 binary that imports fmt (readelf: .data 30,768 + .bss 192,576 bytes;
     * gcpacertrace prints 223,408 and 223,536 for lessons 11 and 10, their own globals included).
     * Only these two segments are scanned (noptrdata and noptrbss hold no pointers); a program's
     * own pointer globals add to them. 1.23 was not measured.
     */
    public static final long RUNTIME_GLOBALS_BYTES = 30_768 + 192_576;
    /** {@code maxSmallSize}: objects above 32 KiB are large objects with a span of their own. */
    public static final long MAX_SMALL_SIZE = 32 * 1024;

    /** Where Go's heap arena starts on linux/amd64 (the first arena hint). */
    public static final long ARENA_BASE = 0xc000000000L;
    /** Where the simulated data and BSS segments (globals) live. */
    public static final long GLOBALS_BASE = 0x0000000000540000L;

    /** {@code round2}: the smallest power of two at least {@code x} (x >= 1). */
    public static long round2(long x) {
        long r = Long.highestOneBit(x);
        return r == x ? r : r << 1;
    }

    public static boolean isPowerOfTwo(long x) {
        return x > 0 && (x & (x - 1)) == 0;
    }

    /** Number of pages needed to hold {@code bytes}. */
    public static long pagesFor(long bytes) {
        return (bytes + PAGE_SIZE - 1) >>> PAGE_SHIFT;
    }
}
