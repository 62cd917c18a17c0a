package dev.goroscope.engine.runtime;

/**
 * The GC pacer, {@code gcControllerState} (mgcpacer.go; go-runtime-facts.md §4.6, §4.7): how
 * big the heap may get before a cycle must end (the goal), when the next cycle starts (the
 * trigger), and, during a cycle, how much scan work each allocated byte owes (the assist ratio).
 *
 * <p>The goal counts stacks and globals, not just the heap (§8 claim 8):
 * {@code heapMarked + (heapMarked + lastStackScan + globalsScan) * GOGC/100}, at least
 * {@code 4 MiB * GOGC/100}, and no more than the memory-limit goal, which is computed afresh
 * from the runtime's memory whenever it is asked for. The trigger sits before the goal by a
 * runway: the bytes the program is expected to allocate while the collector does last cycle's
 * scan work at 25% CPU, from the cons/mark estimate ({@link ConsMark}); it is clamped to between
 * 45/64 and 61/64 of the way from the marked heap to the goal (integer arithmetic as in Go).
 *
 * <p>As in the runtime, {@link #commit} recomputes the GOGC goal and the runway (at the end of
 * every cycle and when GOGC or the memory limit changes); {@link #startCycle}, {@link #revise}
 * and {@link #endCycle} bracket a cycle and measure it. Where 1.19 and 1.23 differ (the memory
 * limit's headroom, the cons/mark smoothing) the profile decides.
 */
final class Pacer {
    /** {@code ^uint64(0)}: no goal, no trigger. */
    static final long NONE = Long.MAX_VALUE;
    /** {@code minRunway} in {@code heapGoalInternal}. */
    private static final long MIN_RUNWAY = 64 << 10;
    /** {@code sweepMinHeapDistance} (mgc.go). */
    private static final long SWEEP_MIN_HEAP_DISTANCE = 1 << 20;
    /** {@code memoryLimitHeapGoalHeadroom} (1.19), {@code memoryLimitMinHeapGoalHeadroom} (1.21+). */
    private static final long MEMORY_LIMIT_HEADROOM = 1 << 20;

    /** What the memory-limit goal reads of the runtime's memory, at the moment it is computed. */
    interface Memory {
        /** {@code mappedReady}: mapped and not released, heap, stacks and metadata alike. */
        long mappedReady();

        /** {@code heapFree}: free heap pages not released. */
        long heapFree();

        /** {@code totalAlloc - totalFree}: bytes of heap objects. */
        long heapAlloc();
    }

    private final GoProfile profile;
    private final Memory mem;
    private final ConsMark consMark;
    int gcPercent;
    long memoryLimit;
    private long heapMinimum;

    long heapMarked;
    long lastHeapScan;
    long lastStackScan;
    long globalsScan;
    /** Scannable bytes of the live heap: grows with allocation between cycles, fixed during one. */
    long heapScan;
    long lastHeapGoal;
    /** The heap size at which this cycle started, or {@link #NONE}. */
    long triggered = NONE;
    private long gcPercentHeapGoal;
    private long sweepDistMinTrigger;
    private long runway;

    // Measurements of the cycle in progress.
    long heapScanWork;
    long stackScanWork;
    long globalsScanWork;
    /** Scan work background workers did that assists may steal ({@code bgScanCredit}). */
    long bgScanCredit;
    long assistTime;
    long dedicatedMarkTime;
    long fractionalMarkTime;
    long idleMarkTime;
    long markStartTime;
    int dedicatedMarkWorkers;
    double fractionalUtilizationGoal;
    int maxIdleMarkWorkers;
    double assistWorkPerByte;
    double assistBytesPerWork;
    /** gcpacertrace's figures of the last {@link #endCycle}. */
    double lastUtilization;
    double lastConsMarkPrinted;

    Pacer(GoProfile profile, int gcPercent, long memoryLimit, Memory mem) {
        this.profile = profile;
        this.mem = mem;
        this.consMark = new ConsMark(profile);
        this.memoryLimit = memoryLimit;
        this.globalsScan = Sys.RUNTIME_GLOBALS_BYTES; // addGlobals, as the modules initialise
        setGCPercent(gcPercent);
        commit(0, true); // no sweep phase before the first cycle
    }

    /** {@code setGCPercent}: {@code heapMinimum = 4 MiB * GOGC/100}; {@link #commit} must follow. */
    void setGCPercent(int in) {
        gcPercent = Math.max(in, -1);
        heapMinimum = gcPercent < 0 ? NONE : Sys.DEFAULT_HEAP_MINIMUM * gcPercent / 100;
    }

    /**
     * {@code commit}: the GOGC goal from the last cycle's marked heap, stacks and globals; the
     * sweep distance (while sweeping, the next trigger stays at least 1 MiB above the live heap);
     * and the runway from the cons/mark estimate.
     */
    void commit(long heapLive, boolean sweepDone) {
        sweepDistMinTrigger = sweepDone ? 0 : heapLive + SWEEP_MIN_HEAP_DISTANCE;
        long goal = NONE;
        if (gcPercent >= 0) {
            goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * gcPercent / 100;
            goal = Math.max(goal, heapMinimum);
        }
        gcPercentHeapGoal = goal;
        double u = Sys.GC_BACKGROUND_UTILIZATION;
        double r = consMark.value() * (1 - u) / u * (lastHeapScan + lastStackScan + globalsScan);
        runway = r <= 0 ? 0 : r >= NONE ? NONE : (long) r;
    }

    /** {@code heapGoal}: the goal now (the memory-limit part follows the runtime's memory). */
    long heapGoal() {
        return goalAndMinTrigger()[0];
    }

    /** {@code heapGoalInternal}: the goal and the lowest trigger the sweeper allows. */
    private long[] goalAndMinTrigger() {
        long goal = gcPercentHeapGoal;
        long minTrigger = 0;
        long limitGoal = memoryLimitHeapGoal();
        if (limitGoal < goal) {
            goal = limitGoal;
        } else {
            goal = Math.max(goal, sweepDistMinTrigger);
            minTrigger = sweepDistMinTrigger;
            if (triggered != NONE && goal < triggered + MIN_RUNWAY) {
                goal = triggered + MIN_RUNWAY;
            }
        }
        return new long[] {goal, minTrigger};
    }

    /**
     * {@code memoryLimitHeapGoal}: what is left of the limit once non-heap memory
     * ({@code mappedReady - heapFree - heapAlloc}) and any overage are paid for, less headroom,
     * never below the marked heap. Headroom is 1 MiB in 1.19 and 3% (at least 1 MiB) from 1.21.
     * Without a limit this is {@code MaxInt64} less the same amounts, as Go reports it.
     */
    long memoryLimitHeapGoal() {
        long mapped = mem.mappedReady();
        long nonHeap = mapped - mem.heapFree() - mem.heapAlloc();
        long overage = Math.max(mapped - memoryLimit, 0);
        if (nonHeap + overage >= memoryLimit) {
            return heapMarked;
        }
        long goal = memoryLimit - (nonHeap + overage);
        long headroom = MEMORY_LIMIT_HEADROOM;
        if (profile != GoProfile.GO_1_19) {
            headroom = Math.max(goal / 100 * Sys.MEMORY_LIMIT_HEADROOM_PERCENT, MEMORY_LIMIT_HEADROOM);
        }
        goal = goal < headroom || goal - headroom < headroom ? headroom : goal - headroom;
        return Math.max(goal, heapMarked);
    }

    /** {@code trigger}: start the next cycle when heapLive reaches this. */
    long trigger() {
        long[] gm = goalAndMinTrigger();
        long goal = gm[0];
        long minTrigger = gm[1];
        if (heapMarked >= goal) {
            return goal;
        }
        minTrigger = Math.max(minTrigger, heapMarked);
        long span = goal - heapMarked;
        minTrigger = Math.max(minTrigger, span / Sys.TRIGGER_RATIO_DEN * Sys.MIN_TRIGGER_RATIO_NUM + heapMarked);
        long maxTrigger = span / Sys.TRIGGER_RATIO_DEN * Sys.MAX_TRIGGER_RATIO_NUM + heapMarked;
        if (goal > Sys.DEFAULT_HEAP_MINIMUM && goal - Sys.DEFAULT_HEAP_MINIMUM > maxTrigger) {
            maxTrigger = goal - Sys.DEFAULT_HEAP_MINIMUM;
        }
        maxTrigger = Math.max(maxTrigger, minTrigger);
        long t = runway > goal ? minTrigger : goal - runway;
        t = Math.max(t, minTrigger);
        return Math.min(t, maxTrigger);
    }

    /**
     * {@code startCycle}: clear the cycle's counters, remember where it was triggered, and size
     * the background workers: 25% of the Ps, as whole dedicated workers when rounding is within
     * 30%, else fractional ones (GOMAXPROCS 1-3 and 6, §4.6). A periodic cycle allows at most
     * one idle worker when there are no dedicated ones.
     */
    void startCycle(long now, int procs, long heapLive, boolean periodic, java.util.function.LongSupplier maxStackScan) {
        heapScanWork = 0;
        stackScanWork = 0;
        globalsScanWork = 0;
        bgScanCredit = 0;
        assistTime = 0;
        dedicatedMarkTime = 0;
        fractionalMarkTime = 0;
        idleMarkTime = 0;
        markStartTime = now;
        triggered = trigger();
        double total = procs * Sys.GC_BACKGROUND_UTILIZATION;
        dedicatedMarkWorkers = (int) (total + 0.5);
        double utilError = dedicatedMarkWorkers / total - 1;
        if (utilError < -0.3 || utilError > 0.3) {
            if (dedicatedMarkWorkers > total) {
                dedicatedMarkWorkers--;
            }
            fractionalUtilizationGoal = (total - dedicatedMarkWorkers) / procs;
        } else {
            fractionalUtilizationGoal = 0;
        }
        maxIdleMarkWorkers = periodic ? (dedicatedMarkWorkers > 0 ? 0 : 1) : procs - dedicatedMarkWorkers;
        revise(heapLive, maxStackScan);
    }

    /** Scan work done so far this cycle. */
    long scanWork() {
        return heapScanWork + stackScanWork + globalsScanWork;
    }

    /**
     * {@code revise}: the assist ratio, so that the remaining expected scan work is done by the
     * time the heap reaches the goal. Once more work than expected is done, the goal is
     * extrapolated toward the worst case (capped at {@code (1+GOGC/100) x goal}); past the goal,
     * 10% more runway is allowed (maxOvershoot).
     *
     * @param maxStackScan all allocated stack of live goroutines (1.19's {@code maxStackScan}), read
     *                     only when the worst case is needed
     */
    void revise(long heapLive, java.util.function.LongSupplier maxStackScan) {
        int percent = gcPercent < 0 ? 100_000 : gcPercent;
        long work = scanWork();
        long goal = heapGoal();
        long expected = lastHeapScan + lastStackScan + globalsScan;
        long maxScanWork = 0;
        if (work > expected || heapLive > goal) {
            maxScanWork = heapScan + maxStackScan.getAsLong() + globalsScan;
        }
        if (work > expected) {
            long ext = (long) ((double) (goal - triggered) / expected * maxScanWork) + triggered;
            expected = maxScanWork;
            long hardGoal = (long) ((1.0 + percent / 100.0) * goal);
            goal = Math.min(ext, hardGoal);
        }
        if (heapLive > goal) {
            goal = (long) (goal * 1.1);
            expected = maxScanWork;
        }
        long remaining = Math.max(expected - work, 1000);
        long heapRemaining = Math.max(goal - heapLive, 1);
        assistWorkPerByte = (double) remaining / heapRemaining;
        assistBytesPerWork = (double) heapRemaining / remaining;
    }

    /**
     * {@code endCycle}: measure this cycle's cons/mark, bytes allocated since the trigger per
     * byte of scan work, each divided by the CPU it had: background workers are taken at their
     * 25% goal plus the assists' share of the mark phase for the collector, idle workers count
     * as extra collector CPU, and the mutator had the rest:
     * {@code (heapLive - triggered) * (u + idleU) / (scanWork * (1 - u))}. Returns false when
     * the heap did not grow past the trigger (a forced cycle, say): nothing was measured.
     */
    boolean endCycle(long now, int procs, long heapLive) {
        lastHeapGoal = heapGoal();
        long duration = now - markStartTime;
        double u = Sys.GC_BACKGROUND_UTILIZATION;
        double idleU = 0;
        if (duration > 0) {
            u += (double) assistTime / ((double) duration * procs);
            idleU = (double) idleMarkTime / ((double) duration * procs);
        }
        lastUtilization = u;
        if (heapLive <= triggered) {
            return false; // a cycle too short to measure: nothing is updated
        }
        double current = (heapLive - triggered) * (u + idleU) / (Math.max(scanWork(), 1) * (1 - u));
        lastConsMarkPrinted = consMark.update(current);
        return true;
    }

    /** {@code resetLive}: the marked heap becomes the base of the next cycle. */
    void resetLive(long bytesMarked) {
        heapMarked = bytesMarked;
        heapScan = heapScanWork;
        lastHeapScan = heapScanWork;
        lastStackScan = stackScanWork;
        triggered = NONE;
    }

    /** The cons/mark estimate the runway is computed from. */
    double consMark() {
        return consMark.value();
    }
}
