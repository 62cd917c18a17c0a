package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.GcEvent.GreyReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The garbage collector's cycle (mgc.go, mgcmark.go; go-runtime-facts.md §4.2-§4.6).
 *
 * <p>A cycle: stop the world for sweep termination, turn the write barrier on, queue the root
 * jobs (dead-G stacks, globals, then one job per goroutine stack) and start the world. Marking
 * then runs <em>concurrently</em> with the program, in small units: one root job, or one grey
 * object scanned black. Each stack job suspends only its own goroutine, scans it, may shrink it,
 * and resumes it. When no grey object is left, the world stops again for mark termination; the
 * barrier goes off, the starting stack size is recomputed, unmarked objects are left to the
 * sweeper, and empty stack spans go back to the heap.
 *
 * <p>Go marks with mark bits and a work queue: an object is grey while it is marked and queued,
 * black once scanned. Objects allocated during mark are black at once. The heap never moves;
 * only stacks do.
 */
final class Collector {
    private final GoRuntime rt;
    private final Heap heap;
    final Pacer pacer;
    final WriteBarrier barrier;
    /** {@code memstats.numgc}: completed cycles. */
    int numgc;
    int numForcedGC;
    /** The cycle in progress (numgc + 1 while marking). */
    int cycle;
    private final ArrayDeque<HeapObject> grey = new ArrayDeque<>();
    private final List<Runnable> roots = new ArrayList<>();
    private int nextRoot;
    private boolean forced;
    private String triggerName = "";
    private long heap0;
    private long heapGoal;
    private long bytesMarked;
    private long stackScanWork;
    private long scanWork;
    private long allocDuringMark;
    private long scannedStacks;
    private long scannedStackUsed;
    private long startNanos;
    private long markStartNanos;
    private long markTermNanos;
    private double bgCredit;
    private long gcCpuNanos;
    /** Check reachability at mark termination (always with the barrier off: that is the lesson). */
    boolean checkLostObjects;

    Collector(GoRuntime rt, Heap heap) {
        this.rt = rt;
        this.heap = heap;
        this.pacer = new Pacer(rt.settings.gogc(), rt.settings.memoryLimit());
        this.barrier = new WriteBarrier(rt.settings.barrier(), this);
        this.checkLostObjects = rt.settings.barrier() == BarrierMode.NONE;
    }

    dev.goroscope.engine.event.EventSink rtSink() {
        return rt.sink;
    }

    GcPhase phase() {
        return rt.gcphase;
    }

    boolean marking() {
        return rt.gcphase == GcPhase.MARK;
    }

    /** The goal of the cycle in progress, or of the next one. */
    long heapGoal() {
        return rt.gcphase == GcPhase.OFF ? nextGoal() : heapGoal;
    }

    long nextGoal() {
        return pacer.goal(rt.pages.mappedBytes(), rt.pages.heapIdle() - rt.pages.heapReleased(), heap.heapAlloc());
    }

    /** {@code gcTrigger.test} for the heap trigger. */
    boolean heapTriggered() {
        return rt.gcphase == GcPhase.OFF && heap.heapLive() >= pacer.trigger(nextGoal());
    }

    /** {@code gcStart}: sweep termination (STW #1), roots queued, barrier on, world restarted. */
    void gcStart(String trigger, boolean isForced) {
        if (rt.gcphase != GcPhase.OFF) {
            return;
        }
        heap.finishSweep();
        cycle = numgc + 1;
        forced = isForced;
        triggerName = trigger;
        heap0 = heap.heapLive();
        heapGoal = nextGoal();
        bytesMarked = 0;
        stackScanWork = 0;
        scanWork = 0;
        allocDuringMark = 0;
        scannedStacks = 0;
        scannedStackUsed = 0;
        startNanos = rt.clock;
        rt.sink.emit(new GcEvent.GcCycleStarted(cycle, trigger, heap0, heapGoal));
        setPhase(GcPhase.SWEEP_TERMINATION);
        rt.runSweepTerminationHooks(); // clearpools
        rt.clock += 20_000;
        prepareRoots();
        setPhase(GcPhase.MARK);
        markStartNanos = rt.clock;
    }

    /** {@code gcMarkRootPrepare}: the root jobs, in the runtime's order (§4.3). */
    private void prepareRoots() {
        roots.clear();
        nextRoot = 0;
        roots.add(rt.sched::freeGStacks);
        roots.add(this::scanGlobals);
        List<Goroutine> snapshot = new ArrayList<>();
        for (Goroutine g : rt.sched.allgs()) {
            g.isRoot = !g.isDead();
            if (g.isRoot) {
                snapshot.add(g);
            }
        }
        if (barrier.mode() == BarrierMode.YUASA) {
            // Snapshot at the beginning: a deletion barrier is only sound if every stack is
            // scanned while the world is stopped.
            for (Goroutine g : snapshot) {
                scanstack(g, false);
            }
            return;
        }
        for (Goroutine g : snapshot) {
            roots.add(() -> scanstack(g, false));
        }
    }

    /**
     * One unit of mark work: the next root job, or one grey object scanned. Returns false when
     * there was nothing to do.
     */
    boolean markUnit(long gid) {
        if (nextRoot < roots.size()) {
            roots.get(nextRoot++).run();
            rt.clock += 500;
            return true;
        }
        HeapObject o = grey.pollLast();
        if (o == null) {
            return false;
        }
        scanobject(o, gid);
        return true;
    }

    /** {@code gcmarknewobject}: an object allocated black counts as marked (§4.5). */
    void noteBlackAlloc(HeapObject o) {
        bytesMarked += o.elemSize;
    }

    /** Whether root jobs or grey objects remain. */
    boolean hasMarkWork() {
        return nextRoot < roots.size() || !grey.isEmpty();
    }

    /** Does up to {@code units} of mark work; ends the mark phase when it runs out. */
    void step(int units, long gid) {
        if (rt.gcphase != GcPhase.MARK) {
            return;
        }
        for (int i = 0; i < units && markUnit(gid); i++) {
            // work done in markUnit
        }
        if (!hasMarkWork()) {
            markDone();
        }
    }

    /** Runs the mark phase to its end and the cycle through mark termination. */
    void finishMark() {
        while (rt.gcphase == GcPhase.MARK) {
            step(Integer.MAX_VALUE, 0);
        }
    }

    /**
     * Background workers (25% of GOMAXPROCS, §4.6): per operation of the program they earn a
     * share of a mark unit and spend it.
     */
    void backgroundTick() {
        if (rt.gcphase != GcPhase.MARK || !rt.settings.backgroundMark()) {
            return;
        }
        double p = rt.settings.gomaxprocs();
        bgCredit += Sys.GC_BACKGROUND_UTILIZATION * p / (p - Sys.GC_BACKGROUND_UTILIZATION * p + 1e-9);
        int units = (int) bgCredit;
        bgCredit -= units;
        if (units > 0) {
            step(units, 0);
        }
    }

    /**
     * {@code gcAssistAlloc}: an allocation during mark is paid for with scan work in proportion
     * to {@code scanWorkRemaining / (heapGoal - heapLive)}, at least 64 KiB worth.
     */
    void assist(Goroutine g, long bytes) {
        allocDuringMark += bytes;
        if (rt.gcphase != GcPhase.MARK || !rt.settings.backgroundMark()) {
            return;
        }
        g.assistDebt += bytes;
        // revise(): past the goal, the goal is extended by 10% (maxOvershoot) for the assist
        // ratio, so a heap at a too-small memory limit still lets the program allocate a little
        // between cycles instead of finishing a whole cycle inside one allocation.
        long live = heap.heapLive();
        long goal = live > heapGoal ? (long) (heapGoal * 1.1) : heapGoal;
        long runway = Math.max(goal - live, 1);
        long remaining = Math.max(expectedScanWork() - scanWork, 0);
        double perByte = (double) remaining / runway;
        long owe = (long) (g.assistDebt * perByte);
        if (owe <= 0) {
            return;
        }
        long work = Math.max(owe, Sys.GC_OVER_ASSIST_WORK);
        long before = scanWork;
        while (scanWork - before < work && markUnit(g.id)) {
            // scanWork advances inside markUnit
        }
        long done = scanWork - before;
        g.assistDebt = 0;
        if (done > 0) {
            rt.sink.emit(new GcEvent.MarkAssist(g.id, bytes, done));
        }
        if (!hasMarkWork()) {
            markDone();
        }
    }

    private long expectedScanWork() {
        return pacer.lastHeapScan + pacer.lastStackScan + pacer.globalsScan;
    }

    /** {@code greyobject}: mark a white object and queue it. */
    void shade(long addr, GreyReason reason, long from) {
        HeapObject o = heap.findObject(addr);
        if (o == null) {
            checkLost(addr, from);
            return;
        }
        if (!o.marked) {
            o.marked = true;
            bytesMarked += o.elemSize;
            grey.addLast(o);
            rt.sink.emit(new GcEvent.ObjectGreyed(o.addr, reason, from));
        }
    }

    /** Shades for the write barrier; returns true if a white object turned grey. */
    boolean shadeForBarrier(long addr) {
        HeapObject o = heap.findObject(addr);
        if (o == null) {
            checkLost(addr, 0);
            return false;
        }
        if (o.marked) {
            return false;
        }
        o.marked = true;
        bytesMarked += o.elemSize;
        grey.addLast(o);
        return true;
    }

    /** A pointer to an object the sweeper freed while it was reachable: the run ends (§7). */
    void checkLost(long addr, long from) {
        GcEvent.FreedObject lost = heap.lostObjectAt(addr);
        if (lost != null) {
            throw GoFatal.thrown("found pointer to free object",
                    "runtime: marked free object in span " + "0x" + Long.toHexString(addr & ~(Sys.PAGE_SIZE - 1))
                            + ", elemsize=" + lost.elemSize() + ": " + lost.typeName() + " at " + "0x" + Long.toHexString(addr)
                            + " was freed while still reachable" + (from != 0 ? " from " + "0x" + Long.toHexString(from) : "")
                            + " (the write barrier was off)");
        }
    }

    /** {@code scanobject}: grey every pointer field, then the object is black. */
    private void scanobject(HeapObject o, long gid) {
        int n = 0;
        for (long f : o.fields) {
            if (f != 0) {
                shade(f, GreyReason.SCAN, o.addr);
                n++;
            }
        }
        o.scanned = true;
        scanWork += o.elemSize;
        rt.clock += Math.max(o.elemSize / 4, 10);
        rt.sink.emit(new GcEvent.ObjectBlackened(o.addr, n, o.elemSize, gid));
    }

    private void scanGlobals() {
        int n = 0;
        long bytes = 0;
        for (Global gl : rt.globals) {
            bytes += Math.max(gl.slots().length, 1) * (long) Sys.PTR_SIZE;
            for (long v : gl.slots()) {
                if (v != 0) {
                    shade(v, GreyReason.GLOBAL_ROOT, gl.addr());
                    n++;
                }
            }
        }
        for (long v : rt.runtimeRoots) {
            shade(v, GreyReason.RUNTIME_ROOT, 0);
        }
        pacer.globalsScan = bytes;
        scanWork += bytes;
        rt.sink.emit(new GcEvent.GlobalsScanned(n, bytes));
    }

    /**
     * {@code scanstack}: suspend one goroutine, record its use for the starting-size average,
     * shrink it (or defer the shrink), grey what its frames point to, resume it.
     */
    void scanstack(Goroutine g, boolean rescan) {
        if (g.isDead() || !g.hasStack()) {
            return;
        }
        long used = g.used();
        String decision = "";
        if (!rescan) {
            scannedStacks++;
            scannedStackUsed += used;
            if (g.markWorker) {
                decision = "mark workers' stacks are never shrunk";
            } else if (g.isShrinkStackSafe()) {
                decision = rt.stacks.shrinkstack(g, false);
            } else {
                g.preemptShrink = true;
                rt.sink.emit(new dev.goroscope.engine.event.StackEvent.ShrinkDeferred(g.id, g.shrinkUnsafeReason()));
                decision = "shrink deferred (preemptShrink)";
            }
        }
        long size = g.stackSize();
        int n = 0;
        for (Frame f : g.frames) {
            for (long v : f.slots) {
                if (v != 0 && !(v >= g.lo && v < g.hi)) {
                    shade(v, rescan ? GreyReason.RESCAN : GreyReason.STACK_ROOT, f.sp);
                    n++;
                }
            }
        }
        for (int k = 0; k < g.npins; k++) {
            shade(g.pins[k], rescan ? GreyReason.RESCAN : GreyReason.STACK_ROOT, g.sp);
        }
        g.scannedCycle = cycle;
        stackScanWork += g.used();
        scanWork += g.used();
        rt.sink.emit(new GcEvent.StackScanned(g.id, g.used(), size, n, decision, rescan));
    }

    /** {@code gcMarkDone} then {@code gcMarkTermination} (§4.2 steps 4-6). */
    void markDone() {
        if (rt.gcphase != GcPhase.MARK) {
            return;
        }
        markTermNanos = rt.clock;
        setPhase(GcPhase.MARK_TERMINATION);
        if (barrier.mode() == BarrierMode.DIJKSTRA) {
            // Go 1.5-1.7: stacks had no barrier, so every stack is rescanned with the world stopped.
            for (Goroutine g : rt.sched.allgs()) {
                scanstack(g, true);
            }
            while (!grey.isEmpty()) {
                scanobject(grey.pollLast(), 0);
            }
        }
        computeStartingStackSize();
        if (checkLostObjects) {
            new TriColor(rt, heap).markLostObjects();
        }
        long heap1 = heap.heapLive();
        pacer.recordConsMark(allocDuringMark, Math.max(scanWork, 1));
        pacer.heapMarked = bytesMarked;
        pacer.lastStackScan = stackScanWork;
        pacer.lastHeapScan = Math.max(scanWork - stackScanWork - pacer.globalsScan, 0);
        heap.setHeapLive(bytesMarked);
        setPhase(GcPhase.OFF);
        heap.startSweepCycle();
        rt.clock += 10_000;
        numgc++;
        if (forced) {
            numForcedGC++;
        }
        // After the world restarts: freeStackSpans, then each P's stack cache is flushed.
        rt.stackAlloc.freeStackSpans();
        rt.stackAlloc.clearCaches();
        long next = nextGoal();
        String trace = GcTrace.line(this, rt, heap1, next);
        gcCpuNanos += rt.clock - startNanos;
        rt.sink.emit(new GcEvent.GcCycleEnded(cycle, heap0, heap1, bytesMarked, heapGoal, next,
                pacer.trigger(next), stackScanWork, pacer.globalsScan, trace));
        if (rt.settings.gctrace()) {
            rt.stderr(trace);
        }
        rt.cycleFinished();
    }

    /** {@code gcComputeStartingStackSize} (§2.7). */
    private void computeStartingStackSize() {
        if (!rt.settings.adaptiveStackStart()) {
            return;
        }
        long old = rt.sched.startingStackSize;
        long size;
        if (scannedStacks == 0) {
            size = Sys.FIXED_STACK;
        } else {
            long avg = scannedStackUsed / scannedStacks + Sys.STACK_GUARD;
            avg = Math.max(avg, Sys.FIXED_STACK);
            avg = Math.min(avg, rt.stacks.maxstacksize);
            size = Sys.round2(avg);
        }
        rt.sched.startingStackSize = size;
        if (size != old) {
            rt.sink.emit(new GcEvent.StartingStackSizeChanged(old, size, scannedStacks, scannedStackUsed));
        }
    }

    private void setPhase(GcPhase to) {
        GcPhase from = rt.gcphase;
        rt.gcphase = to;
        rt.sink.emit(new GcEvent.GcPhaseChanged(cycle, from, to));
    }

    // Figures for the gctrace line.
    long heap0() {
        return heap0;
    }

    long heapGoalOfCycle() {
        return heapGoal;
    }

    long bytesMarked() {
        return bytesMarked;
    }

    long stackScanWork() {
        return stackScanWork;
    }

    long startNanos() {
        return startNanos;
    }

    long markStartNanos() {
        return markStartNanos;
    }

    long markTermNanos() {
        return markTermNanos;
    }

    long gcCpuNanos() {
        return gcCpuNanos;
    }

    boolean forced() {
        return forced;
    }
}
