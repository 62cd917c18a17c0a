package dev.goroscope.engine.runtime;

/**
 * The CPU time of each P's M, which decides how the Ps interleave ({@link Procs}): an interpreted
 * instruction counts as a nanosecond, and the runtime's own work costs what it costs in go1.19.8
 * on the 2-CPU machine the lessons were recorded on. Only the order of events between Ps depends
 * on these figures; the virtual clock that programs read still moves 5 ns per runtime operation.
 *
 * <p>The P that {@link GoRuntime#schedule()} returns runs a slice: until its clock passes the
 * next busy P's, plus a seeded margin ({@link Procs#slice}), or until an M that is being woken
 * starts, whichever comes first. Runtime work done during the slice moves its end closer.
 */
final class CpuTime {
    /**
     * {@code newproc} reusing a dead G. A {@code go} statement, the goroutine's start and its exit
     * take about 233 ns together (§3): 100 here, {@link Procs#SWITCH_NS} and {@link #GOEXIT_NS}.
     */
    static final long NEWPROC_NS = 100;
    /** {@code goexit0}: {@code gdestroy} and {@code gfput} (see {@link #NEWPROC_NS}). */
    static final long GOEXIT_NS = 70;
    /**
     * {@code newproc} with a new G ({@code malg}: the G, its stack, {@code allgadd}): 1000 such
     * {@code go} statements take 1.5 to 2.7 ms with GOMAXPROCS=1 (measured with lesson 4's loops).
     */
    static final long MALG_NS = 2_000;
    /** {@code goready}: closing a channel with 1000 receivers takes 30 to 70 µs with GOMAXPROCS=1. */
    static final long READY_NS = 50;

    /**
     * Growing a stack: {@code copystack} moves the frames and the program then touches the new
     * stack, page-faulting it in. In lesson 4, 1000 goroutines growing to 256 KiB take 93 to 150 ms
     * with one P or two (the faults do not run in parallel): about 0.37 ns per byte.
     */
    static long copystack(long newSize) {
        return newSize * 37 / 100;
    }

    private final Procs procs;
    /** The interpreter; null when tests drive the runtime directly (then only runtime work counts). */
    Cpu cpu;
    /** The P running a slice, its instruction count when the slice began, and the clock at which it ends. */
    private P sliceP;
    private long sliceStartInstr;
    private long sliceEnd;

    CpuTime(Procs procs) {
        this.procs = procs;
    }

    /** P {@code pp}'s time: its clock plus the instructions it has run in the current slice. */
    long now(P pp) {
        return pp == sliceP && cpu != null ? pp.clock + cpu.instructions() - sliceStartInstr : pp.clock;
    }

    /** Runtime work done by {@code pp} takes {@code ns} of its CPU time. */
    void charge(P pp, long ns) {
        pp.clock += ns;
        fit();
    }

    /** {@code pp} runs for {@code n} nanoseconds ({@link Long#MAX_VALUE}: until its goroutine stops). */
    void begin(P pp, long n) {
        if (cpu == null) {
            return;
        }
        sliceP = pp;
        sliceStartInstr = cpu.instructions();
        sliceEnd = n == Long.MAX_VALUE ? Long.MAX_VALUE : pp.clock + n;
        fit();
    }

    /** The slice goes on, on {@code pp} (the Ps changed under it): the instructions so far count for the old P. */
    void restart(P pp) {
        if (sliceP == null) {
            return;
        }
        long end = sliceEnd;
        end();
        begin(pp, end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(end - pp.clock, 1));
    }

    /** The slice is over: its P's clock takes the instructions it ran. */
    void end() {
        if (sliceP != null) {
            sliceP.clock += cpu.instructions() - sliceStartInstr;
            sliceP = null;
        }
    }

    /** The slice ends by its end time, and no later than when a waking or sleeping M starts. */
    void fit() {
        if (sliceP == null) {
            return;
        }
        long end = sliceEnd;
        for (P q : procs.ps) {
            if (q != sliceP && (q.state == P.State.WAKING || q.state == P.State.STEAL_SLEEP)) {
                end = Math.min(end, q.wakeAt);
            }
        }
        sliceEnd = end;
        // At least one instruction, so that every slice makes progress.
        cpu.endSliceAt(end == Long.MAX_VALUE ? Long.MAX_VALUE : sliceStartInstr + Math.max(end - sliceP.clock, 1));
    }
}
