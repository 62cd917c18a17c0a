package dev.goroscope.engine.runtime;

/**
 * The scavenger (mgcscavenge.go, mheap.go {@code allocSpan}; go-runtime-facts.md §4.8): free
 * heap pages go back to the OS, which makes {@code mappedReady} smaller, and pages taken back
 * later fault in again.
 *
 * <p>Three paths, as in Go:
 * <ul>
 *   <li>a span that would take mapped memory past the memory limit first releases the excess
 *       ({@code allocSpan}), and a heap growth beyond the scavenger's goal releases as much as
 *       it grew, up to the excess;
 *   <li>the background scavenger, woken when a cycle starts ({@code finishsweep_m}), releases
 *       free pages while the retained heap ({@code heapInUse + heapFree}) exceeds its goal,
 *       {@code 1.1 x lastHeapInUse x heapGoal/lastHeapGoal} ({@code gcPaceScavenger}). In 1.23 it
 *       also works while mapped memory exceeds 95% of the memory limit; 1.19 computes that goal
 *       as the limit times 95, not 0.95, so its background scavenger never works for the limit.
 *       It needs a P: it works when a P has nothing else to run, for at least 1 ms unless it
 *       reaches its goal ({@code minScavWorkTime}), then sleeps so that it uses about 1% of a
 *       CPU (its sleep/work ratio is a PI controller, starting at 1000:1). The next cycle's
 *       start wakes it early.
 * </ul>
 * Pages are released from the top of the heap down, as the scavenger searches from the highest
 * address.
 *
 * <p>Releasing costs time: {@link #RELEASE_NS_PER_MIB}. Calibrated on lesson 10 under go1.19.8,
 * where the scavenger's first 1 ms of work during {@code runtime.GC()} took mapped memory from
 * about 100 MiB down by 27 to 66 MiB (median 32 MiB over 20 runs): about 30 ns per KiB.
 */
final class Scavenger {
    /** Time to release one MiB: 32 MiB per ms. */
    static final long RELEASE_NS_PER_MIB = 31_250;
    /** {@code minScavWorkTime}. */
    private static final long MIN_WORK_NS = 1_000_000;
    /** {@code retainExtraPercent}, {@code reduceExtraPercent}. */
    private static final double RETAIN_EXTRA = 0.10;
    private static final double REDUCE_EXTRA = 0.05;

    private final GoRuntime rt;
    private final PageHeap pages;
    private long gcPercentGoal = Pacer.NONE;
    private long memoryLimitGoal = Pacer.NONE;
    /** {@code memstats.lastHeapInUse}: heap in use at the end of the last cycle. */
    long lastHeapInUse;
    private boolean awake;
    private long sleepUntil;
    /** When the current sleep began, and the work it follows (for the controller); -1 if not asleep. */
    private long sleepStart = -1;
    private long sleepWorked;
    /** Sleep per unit of work: starts at 1:1000 ({@code startingScavSleepRatio}). */
    private double sleepRatio = 0.001;
    private final PiController sleepController = new PiController(0.3375, 3.2e6, 1e9, 0.001, 1000);
    /** Release time the program's allocations owe (the synchronous path runs on their time). */
    long owedNs;

    Scavenger(GoRuntime rt, PageHeap pages) {
        this.rt = rt;
        this.pages = pages;
    }

    /** {@code heapRetained}: heap spans in use plus free pages not released. */
    long retained() {
        return pages.heapInuse() + pages.heapIdle() - pages.heapReleased();
    }

    /** {@code gcPaceScavenger}: the background scavenger's goals, at every commit. */
    void pace(long memoryLimit, long heapGoal, long lastHeapGoal) {
        double limitGoal = rt.settings.profile() == GoProfile.GO_1_19 ? memoryLimit * (100.0 - 5)
                : memoryLimit * (1.0 - REDUCE_EXTRA);
        memoryLimitGoal = limitGoal >= Long.MAX_VALUE || rt.runtimeSys.mappedReady() <= limitGoal ? Pacer.NONE
                : (long) limitGoal;
        if (lastHeapGoal == 0 || heapGoal >= Pacer.NONE) {
            gcPercentGoal = Pacer.NONE;
            return;
        }
        double goal = lastHeapInUse * ((double) heapGoal / lastHeapGoal);
        goal += goal * RETAIN_EXTRA;
        long g = ((long) goal + 4095) & ~4095L;
        long r = retained();
        gcPercentGoal = r <= g || r - g < 4096 ? Pacer.NONE : g;
    }

    /**
     * {@code finishsweep_m}: wakes the background scavenger, cutting short any sleep (a sleeping
     * scavenger is parked, and {@code wake} readies it).
     */
    void wake() {
        awake = true;
        sleepUntil = Math.min(sleepUntil, rt.clock);
    }

    private boolean shouldStop() {
        return retained() <= gcPercentGoal && rt.runtimeSys.mappedReady() <= memoryLimitGoal;
    }

    /**
     * {@code allocSpan}'s check after a span took its pages: past the memory limit, or past the
     * goal by a heap growth, release the difference now, on the allocating goroutine's time.
     */
    void spanAllocated(long growth) {
        long todo = 0;
        long limit = rt.gc.pacer.memoryLimit;
        long mapped = rt.runtimeSys.mappedReady();
        if (mapped > limit) {
            todo = mapped - limit;
        }
        if (gcPercentGoal != Pacer.NONE && growth > 0) {
            long r = retained();
            if (r > gcPercentGoal) {
                todo = Math.max(todo, Math.min(growth, r - gcPercentGoal));
            }
        }
        if (todo > 0) {
            long released = pages.scavenge(todo);
            owedNs += released * RELEASE_NS_PER_MIB >> 20;
        }
    }

    /**
     * A P has nothing to run: the background scavenger, if awake and not asleep, works for at
     * least 1 ms (or until its goal), and the clock moves on with it. Returns whether it ran.
     */
    boolean runIdle() {
        if (!awake || rt.clock < sleepUntil) {
            return false;
        }
        if (sleepStart >= 0) {
            steer(rt.clock - sleepStart);
        }
        if (shouldStop()) {
            awake = false; // nothing to do: it parks until woken
            return false;
        }
        long budget = MIN_WORK_NS * (1L << 20) / RELEASE_NS_PER_MIB;
        long released = 0;
        while (released < budget && !shouldStop()) {
            long r = pages.scavenge(64 << 10);
            if (r == 0) {
                break;
            }
            released += r;
        }
        if (released == 0) {
            awake = false;
            return false;
        }
        long worked = released * RELEASE_NS_PER_MIB >> 20;
        rt.clock += worked;
        sleep(Math.max(worked, MIN_WORK_NS));
        return true;
    }

    /** {@code scavengerState.sleep}: sleep {@code worked / sleepRatio}. */
    private void sleep(long worked) {
        sleepUntil = rt.clock + (long) (worked / sleepRatio);
        sleepStart = rt.clock;
        sleepWorked = worked;
    }

    /** After a sleep of {@code slept}: steer the sleep ratio toward 1% of the CPU. */
    private void steer(long slept) {
        double cpuFraction = (double) sleepWorked / ((slept + sleepWorked) * (double) rt.gomaxprocs());
        double r = sleepController.next(cpuFraction, 0.01, slept + sleepWorked);
        sleepRatio = Double.isNaN(r) ? 0.001 : r;
        sleepStart = -1;
    }
}
