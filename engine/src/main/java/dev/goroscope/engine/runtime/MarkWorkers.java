package dev.goroscope.engine.runtime;

/**
 * The background mark workers on the virtual clock (mgc.go {@code gcBgMarkWorker}, mgcpacer.go
 * {@code findRunnableGCWorker}; go-runtime-facts.md §4.6).
 *
 * <p>Why time and not operations: a worker is a goroutine that gets a P for a while, so how much
 * it marks depends on how long it runs, and the pacer's cons/mark ratio is measured in CPU time.
 * The three kinds run at different moments, as in the runtime:
 * <ul>
 *   <li>dedicated workers (GOMAXPROCS 4 and up) hold a P for the whole mark phase, so they
 *       mark all along, one CPU each;
 *   <li>idle workers run on Ps that have no goroutine to run: while the program keeps fewer
 *       goroutines runnable than there are Ps, the spare Ps mark alongside it; when nothing at all
 *       can run, every P marks and the clock moves on with the work ({@link #idle});
 *   <li>the fractional worker (GOMAXPROCS 1-3 and 6) runs only when a P goes through the
 *       scheduler and is behind its share of the time since the mark began, and then until that
 *       share passes 1.2 times the goal ({@code pollFractionalWorkerExit}). A program that
 *       never blocks meets the scheduler only when sysmon preempts it after 10 ms: with one P
 *       the short cycles of an allocating loop are marked by its own assists, which is what
 *       go1.19 does (lesson 11's gctrace shows 0 ms of background and idle time in its 130
 *       cycles).
 * </ul>
 * Work the workers do is credited to {@code bgScanCredit}, which assists steal from.
 */
final class MarkWorkers {
    private final GoRuntime rt;
    private final Collector gc;
    /** The clock when background time was last accounted. */
    private long lastTick;
    /** Worker CPU time not yet spent on a unit of work (negative once a unit overran it). */
    private double budget;
    /** Each P's {@code gcFractionalMarkTime} this cycle. */
    private long[] fractional = new long[0];
    private int workerCount;
    /** When a P last went through the scheduler (or sysmon last preempted it). */
    private long lastSchedule;
    /** {@code forcePreemptNS}: sysmon preempts a goroutine that has run this long. */
    static final long FORCE_PREEMPT_NS = 10_000_000;

    MarkWorkers(GoRuntime rt, Collector gc) {
        this.rt = rt;
        this.gc = gc;
    }

    /**
     * {@code gcBgMarkStartWorkers}: one background worker goroutine per P, made the first time a
     * cycle starts with more Ps than workers. Each is a G of its own (the 416-byte
     * {@code runtime.g} of 1.19, a stack) that allocates its 32-byte {@code gcBgMarkWorkerNode}
     * and parks until a P needs it.
     */
    void startWorkers() {
        while (workerCount < rt.gomaxprocs()) {
            startMarkWorker();
            workerCount++;
        }
    }

    /**
     * {@code go gcBgMarkWorker()} from {@code gcBgMarkStartWorkers}: the worker starts at once
     * (its creator waits for it), allocates its {@code gcBgMarkWorkerNode} and parks until a P
     * needs it. It keeps the node on its stack; here the node is a runtime root.
     */
    private void startMarkWorker() {
        Goroutine creator = null;
        for (P pp : rt.procs.ps) {
            if (pp.current != null && pp.current.status == GStatus.RUNNING) {
                creator = pp.current;
                break;
            }
        }
        int p = creator != null ? creator.p : 0;
        Goroutine w = rt.sched.newproc(creator, FuncInfo.of("runtime.gcBgMarkWorker", 88), p, true);
        w.markWorker = true;
        if (rt.procs.ps[p].runnext == w) {
            rt.procs.ps[p].runnext = null; // it runs at once: its creator waits for it
        }
        w.pendingEntry = null;
        rt.stacks.push(w, FuncInfo.of("runtime.gcBgMarkWorker", 88));
        HeapObject node = rt.heap.mallocgc(32, 0, "runtime.gcBgMarkWorkerNode", rt.gcphase.allocateBlack(), w.id);
        rt.runtimeRoots.add(node.addr);
        rt.sched.setStatus(w, GStatus.WAITING, WaitReason.GC_WORKER_IDLE);
    }

    /** A cycle's mark phase begins now. */
    void cycleStarted(int procs) {
        lastTick = rt.clock;
        lastSchedule = rt.clock;
        budget = 0;
        fractional = new long[procs];
    }

    private boolean running() {
        return rt.gcphase == GcPhase.MARK && rt.settings.backgroundMark() && !gc.manual;
    }

    /**
     * After each operation of the program: dedicated workers, and idle workers on Ps left
     * without a goroutine, marked while the clock moved.
     */
    void tick() {
        if (!running()) {
            return;
        }
        if (rt.clock - lastSchedule >= FORCE_PREEMPT_NS) {
            // sysmon preempts the goroutine that has run 10 ms: its P goes through schedule, where
            // a fractional worker behind its share takes over (retake, preemptone)
            lastSchedule = rt.clock;
            for (P pp : rt.procs.ps) {
                if (pp.current != null && pp.current.status == GStatus.RUNNING) {
                    schedulePoint(pp.id);
                    break;
                }
            }
            if (rt.gcphase != GcPhase.MARK) {
                return;
            }
        }
        long dt = rt.clock - lastTick;
        lastTick = rt.clock;
        Pacer p = gc.pacer;
        int idle = Math.min(p.maxIdleMarkWorkers, idlePs());
        int n = p.dedicatedMarkWorkers + idle;
        if (dt <= 0 || n == 0) {
            return;
        }
        p.dedicatedMarkTime += dt * p.dedicatedMarkWorkers;
        p.idleMarkTime += dt * idle;
        budget += (double) dt * n;
        while (budget > 0 && rt.gcphase == GcPhase.MARK) {
            long before = p.scanWork();
            long cost = gc.markUnit(0, false);
            if (cost < 0) {
                gc.markDone();
                return;
            }
            p.bgScanCredit += p.scanWork() - before;
            budget -= cost;
        }
    }

    /** Ps that have no goroutine to run: GOMAXPROCS less dedicated workers and busy Ps. */
    private int idlePs() {
        int free = gc.procs() - gc.pacer.dedicatedMarkWorkers;
        return Math.max(free - Math.min(free, rt.procs.runnableOrRunning()), 0);
    }

    /**
     * {@code schedule} on P {@code p} is about to run a goroutine: if the fractional worker is
     * behind its share of the mark phase, it takes the P first, and the clock moves on while it
     * marks.
     */
    void schedulePoint(int p) {
        Pacer pc = gc.pacer;
        double goal = pc.fractionalUtilizationGoal;
        lastSchedule = rt.clock;
        if (!running() || goal == 0 || p >= fractional.length) {
            return;
        }
        long elapsed = rt.clock - pc.markStartTime;
        if (elapsed > 0 && (double) fractional[p] / elapsed > goal) {
            return;
        }
        long start = rt.clock;
        while (rt.gcphase == GcPhase.MARK) {
            long e = rt.clock - pc.markStartTime;
            if (e > 0 && rt.clock > start && (double) (fractional[p] + rt.clock - start) / e > 1.2 * goal) {
                break;
            }
            long before = pc.scanWork();
            long cost = gc.markUnit(0, false);
            if (cost < 0) {
                account(p, start);
                gc.markDone();
                return;
            }
            pc.bgScanCredit += pc.scanWork() - before;
            rt.clock += cost;
        }
        account(p, start);
    }

    private void account(int p, long start) {
        fractional[p] += rt.clock - start;
        gc.pacer.fractionalMarkTime += rt.clock - start;
        lastTick = rt.clock;
    }

    /**
     * Nothing can run: every P runs an idle worker (dedicated ones keep marking), so the clock
     * moves on at the pace of that many CPUs until the mark phase ends or {@code until}, when a
     * timer is due.
     */
    void idle(long until) {
        if (rt.gcphase != GcPhase.MARK) {
            return;
        }
        Pacer p = gc.pacer;
        int n = Math.max(p.dedicatedMarkWorkers + Math.min(p.maxIdleMarkWorkers, gc.procs() - p.dedicatedMarkWorkers), 1);
        long start = rt.clock;
        // a unit a background worker took before the P went idle and has not finished yet
        double spent = Math.max(-budget, 0);
        budget = Math.max(budget, 0);
        while (rt.gcphase == GcPhase.MARK && start + (long) (spent / n) < until) {
            long before = p.scanWork();
            long cost = gc.markUnit(0, false);
            if (cost < 0) {
                break;
            }
            p.bgScanCredit += p.scanWork() - before;
            spent += cost;
        }
        long dt = (long) Math.ceil(spent / n);
        rt.clock += dt;
        lastSchedule = rt.clock;
        p.dedicatedMarkTime += dt * p.dedicatedMarkWorkers;
        p.idleMarkTime += dt * (n - p.dedicatedMarkWorkers);
        lastTick = rt.clock;
        if (rt.gcphase == GcPhase.MARK && !gc.hasMarkWork()) {
            gc.markDone();
        }
    }
}
