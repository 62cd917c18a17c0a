package dev.goroscope.engine.runtime;

/**
 * The GC pacer (mgcpacer.go, go-runtime-facts.md §4.7): when to start the next cycle and how
 * big the heap may get before it must end.
 *
 * <p>The goal counts stacks and globals, not just the heap (§8 claim 8):
 * {@code goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * GOGC/100}, at least
 * {@code 4 MiB * GOGC/100}, and no more than the memory-limit goal when GOMEMLIMIT is set. The
 * trigger sits before the goal by a runway long enough to finish marking at 25% CPU, clamped to
 * between 45/64 and 61/64 of the way from the marked heap to the goal.
 */
final class Pacer {
    int gcPercent;
    long memoryLimit;
    long heapMarked;
    long lastStackScan;
    long lastHeapScan;
    long globalsScan;
    /** The last four cons/mark ratios: bytes allocated per byte of scan work during mark. */
    private final double[] consMark = new double[4];
    private int consMarkCount;
    private int consMarkNext;

    Pacer(int gcPercent, long memoryLimit) {
        this.gcPercent = gcPercent;
        this.memoryLimit = memoryLimit;
    }

    /** {@code heapMinimum = 4 MiB * GOGC/100}. */
    long heapMinimum() {
        return gcPercent < 0 ? Sys.DEFAULT_HEAP_MINIMUM : Sys.DEFAULT_HEAP_MINIMUM * gcPercent / 100;
    }

    /** The GOGC goal; {@link Long#MAX_VALUE} with GOGC=off. */
    long gcPercentGoal() {
        if (gcPercent < 0) {
            return Long.MAX_VALUE;
        }
        long goal = heapMarked + (heapMarked + lastStackScan + globalsScan) * gcPercent / 100;
        return Math.max(goal, heapMinimum());
    }

    /**
     * {@code memoryLimitHeapGoal}: what is left of the limit once non-heap memory is paid for,
     * less 3% headroom (at least 1 MiB), never below the marked heap.
     *
     * @param mapped   all memory the runtime has mapped and in use ({@code mappedReady})
     * @param heapFree idle heap memory not released
     * @param heapAlloc allocated heap bytes
     */
    long memoryLimitGoal(long mapped, long heapFree, long heapAlloc) {
        if (memoryLimit == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long nonHeap = mapped - heapFree - heapAlloc;
        long overage = Math.max(mapped - memoryLimit, 0);
        long goal = memoryLimit - (nonHeap + overage);
        long headroom = Math.max(goal / 100 * Sys.MEMORY_LIMIT_HEADROOM_PERCENT, 1L << 20);
        goal -= headroom;
        return Math.max(goal, heapMarked);
    }

    long goal(long mapped, long heapFree, long heapAlloc) {
        return Math.min(gcPercentGoal(), memoryLimitGoal(mapped, heapFree, heapAlloc));
    }

    /** {@code trigger()}: start the next cycle when heapLive reaches this. */
    long trigger(long goal) {
        if (goal == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        double cm = 0;
        for (int i = 0; i < consMarkCount; i++) {
            cm = Math.max(cm, consMark[i]);
        }
        double u = Sys.GC_BACKGROUND_UTILIZATION;
        long runway = (long) (cm * (1 - u) / u * (lastHeapScan + lastStackScan + globalsScan));
        long span = goal - heapMarked;
        long min = heapMarked + span * Sys.MIN_TRIGGER_RATIO_NUM / Sys.TRIGGER_RATIO_DEN;
        long max = heapMarked + span * Sys.MAX_TRIGGER_RATIO_NUM / Sys.TRIGGER_RATIO_DEN;
        max = Math.max(max, goal - Sys.DEFAULT_HEAP_MINIMUM);
        long t = goal - runway;
        t = Math.max(t, min);
        t = Math.min(t, max);
        return Math.min(t, goal);
    }

    /** {@code endCycle}: remember how much was allocated per byte of scan work. */
    void recordConsMark(long allocatedDuringMark, long scanWork) {
        double r = scanWork == 0 ? 0 : (double) allocatedDuringMark / scanWork;
        consMark[consMarkNext++ % 4] = r;
        consMarkCount = Math.min(consMarkCount + 1, 4);
    }
}
