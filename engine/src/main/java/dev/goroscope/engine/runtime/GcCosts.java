package dev.goroscope.engine.runtime;

/**
 * What the collector's work, and the allocations that drive it, cost on the virtual clock, in
 * nanoseconds of one CPU.
 *
 * <p>Why the clock needs these: the pacer measures the collector in time. The cons/mark ratio
 * divides bytes by the CPU time assists and workers used (mgcpacer.go {@code endCycle}), and
 * idle or dedicated workers make progress in proportion to elapsed time, so a mark phase whose
 * work is free ends before the program has allocated anything (Goroscope did 103 cycles of
 * lesson 11 for Go's 130 that way).
 *
 * <p>Every figure was measured with go1.19.8 on the 2-CPU machine the lessons were recorded on
 * (GOMAXPROCS=1, {@code GODEBUG=gctrace=1,gcpacertrace=1}, median of 5 forced cycles each, the
 * CPU figures of the gctrace line):
 * <ul>
 *   <li>an empty program: 0.053-0.059 ms of mark CPU for 223 KB of data and BSS, the runtime's
 *       40 KB of boot heap ({@link BootHeap}) and five small stacks;
 *   <li>1,000 and 10,000 goroutines parked on a channel: 2.1 and 24 ms more: about 2 us per stack;
 *   <li>100,000 and 1,000,000 live 32-byte nodes of four pointers: 3.4 and 33 ms more: 33 ns per
 *       object, most of it finding and marking the object, not reading its words;
 *   <li>1,000 and 4,000 live 64 KiB byte slices (no pointers, never scanned): 10-30 ns each;
 *   <li>lesson 11's 133 cycles: sweep termination 0.015 ms, mark termination 0.022 ms (medians).
 * </ul>
 * Hence: 0.17 ns per byte read (globals, object words), 28 ns per object scanned, 2 us per stack.
 */
final class GcCosts {
    private GcCosts() {}

    /** STW sweep termination ({@code gcStart} with the world stopped). */
    static final long SWEEP_TERMINATION_NS = 15_000;
    /** STW mark termination ({@code gcMarkTermination}). */
    static final long MARK_TERMINATION_NS = 22_000;
    /** Reading words to scan, per byte: the data and BSS segments, an object up to its last pointer. */
    static final double SCAN_NS_PER_BYTE = 0.17;
    /** Suspending, scanning and resuming one goroutine's stack. */
    static final long STACK_NS = 2_000;
    /** Scanning one heap object, besides reading its words: finding it, its span, its bitmap. */
    static final long OBJECT_NS = 28;
    /** Marking an object that holds no pointers ({@code greyobject}'s noscan path). */
    static final long NOSCAN_MARK_NS = 15;

    /**
     * What one {@code mallocgc} costs the program, on top of the operation itself and of the
     * pages it takes ({@link #pages}): the allocator, and for a small object clearing its slot
     * and the sweeping that comes with reusing spans. Measured on the same machine
     * (GOMAXPROCS=1, GOGC=100, the loop's GC CPU from gctrace subtracted, the quietest of several
     * runs): 24-byte objects 33-38 ns, 4 KiB byte slices 250-350 ns.
     */
    static long malloc(long size) {
        return 30 + (size > Sys.MAX_SMALL_SIZE ? 0 : (long) (size * 0.07));
    }

    /**
     * What taking pages from the page heap costs on top: a span on released pages asks the OS
     * for them again ({@code sysUsed}, one madvise, about 3 us: a fresh 64 KiB object the program
     * never touches costs 3.1-3.3 us); reused pages are cleared ({@code needzero}: memclr, 0.7 us
     * per 64 KiB); and clearing a reused page that was released faults it back in, 2.1 us per
     * 4 KiB page on this virtual machine (first touch of fresh memory, measured). Lesson 10's
     * loops show it: at GOMEMLIMIT=16MiB, where the limit makes the runtime release what it frees,
     * each 64 KiB allocation costs about 45 us, against 6-11 us in its other loops.
     */
    static long pages(long sysUsedSpans, long dirtyBytes, long faultBytes) {
        return sysUsedSpans * 3_000 + (long) (dirtyBytes * 0.011) + faultBytes / 4096 * 2_100;
    }
}
