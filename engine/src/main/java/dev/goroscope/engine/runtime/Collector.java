package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.GcEvent.GreyReason;
import java.util.ArrayDeque;

/**
 * The garbage collector's cycle (mgc.go, mgcmark.go; go-runtime-facts.md §4.2-§4.6).
 *
 * <p>A cycle: start the mark workers if there are fewer than Ps, stop the world for sweep
 * termination, turn the write barrier on, queue the root jobs ({@link MarkRoots}) and start
 * the world. Marking then runs <em>concurrently</em> with the program, in units: one root job,
 * or one grey object scanned black. Who does the units, and when, is Go's: the program's own
 * allocations through assists ({@link Assist}), background workers on the virtual clock
 * ({@link MarkWorkers}), and idle Ps. When no work is left, the world stops again for mark
 * termination; the pacer measures the cycle and sets the next goal, the barrier goes off, the
 * starting stack size is recomputed, unmarked objects are left to the sweeper, and empty stack
 * spans go back to the heap.
 *
 * <p>Go marks with mark bits and a work queue: an object is grey while it is marked and queued,
 * black once scanned. An object without pointers is never queued: marking makes it black at once
 * ({@code greyobject}'s noscan path). Objects allocated during mark are black at once. Each unit
 * costs the CPU time {@link GcCosts} gives it. The heap never moves; only stacks do.
 *
 * <p>A cycle started by {@code viz.GCStart} is the lesson's to drive: only {@code viz.GCStep}
 * and {@code viz.GCFinish} (or an idle P) mark it, so the steps the lesson narrates are exact.
 */
final class Collector {
    private final GoRuntime rt;
    private final Heap heap;
    final Pacer pacer;
    final WriteBarrier barrier;
    final MarkWorkers workers;
    private final Assist assist;
    /** {@code memstats.numgc}: completed cycles. */
    int numgc;
    int numForcedGC;
    /** The cycle in progress (numgc + 1 while marking). */
    int cycle;
    /** The cycle in progress is driven by the lesson (viz.GCStart), not by workers and assists. */
    boolean manual;
    private final ArrayDeque<HeapObject> grey = new ArrayDeque<>();
    final MarkRoots roots;
    private boolean forced;
    private long heap0;
    private long bytesMarked;
    private long startNanos;
    private long markStartNanos;
    private long markTermNanos;
    /** {@code work.maxprocs}: GOMAXPROCS when the cycle started. */
    private int maxprocs;
    /** {@code work.totaltime}: GC CPU of all cycles, idle marking excluded. */
    private long totalGcCpu;
    /** CPU time of the unit of mark work in progress. */
    private long unitCost;
    /** Check reachability at mark termination (always with the barrier off: that is the lesson). */
    boolean checkLostObjects;

    Collector(GoRuntime rt, Heap heap) {
        this.rt = rt;
        this.heap = heap;
        this.pacer = new Pacer(rt.settings.profile(), rt.settings.gogc(), rt.settings.memoryLimit(), rt.runtimeSys);
        this.barrier = new WriteBarrier(rt.settings.barrier(), this);
        this.workers = new MarkWorkers(rt, this);
        this.assist = new Assist(rt, this);
        this.roots = new MarkRoots(rt, this);
        this.checkLostObjects = rt.settings.barrier() == BarrierMode.NONE;
        // the mark workers (and the runtime's other goroutines) allocate for the runtime
        heap.runtimeGoroutines(gid -> {
            Goroutine g = rt.goroutine(gid);
            return g != null && g.isSystem();
        });
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

    /** GOMAXPROCS now. */
    int procs() {
        return rt.gomaxprocs();
    }

    /** The heap goal now ({@code heapGoal}): MemStats.NextGC. */
    long heapGoal() {
        return pacer.heapGoal();
    }

    /** {@code gcTrigger.test} for the heap trigger. */
    boolean heapTriggered() {
        return rt.gcphase == GcPhase.OFF && heap.heapLive() >= pacer.trigger();
    }

    /** {@code gcStart}: sweep termination (STW #1), roots queued, barrier on, world restarted. */
    void gcStart(String trigger, boolean isForced) {
        if (rt.gcphase != GcPhase.OFF) {
            return;
        }
        workers.startWorkers(); // gcBgMarkStartWorkers
        heap.finishSweep();
        cycle = numgc + 1;
        forced = isForced;
        manual = trigger.startsWith("viz.");
        heap0 = heap.heapLive();
        bytesMarked = 0;
        maxprocs = procs();
        for (Goroutine g : rt.sched.allgs()) {
            g.gcAssistBytes = 0; // gcResetMarkState
        }
        startNanos = rt.clock;
        setPhase(GcPhase.SWEEP_TERMINATION);
        rt.scavenger.wake(); // finishsweep_m: sweeping is done, the scavenger may have work
        rt.runSweepTerminationHooks(); // clearpools
        // markStartTime is taken with the world stopped, so the cycle's measured duration
        // includes the rest of sweep termination (startCycle's now).
        pacer.startCycle(rt.clock, maxprocs, heap0, false, rt::scannableStack);
        rt.clock += GcCosts.SWEEP_TERMINATION_NS;
        if (rt.settings.gcpacertrace()) {
            rt.stderr(GcTrace.pacerStart(pacer, heap0, pacer.heapGoal()));
        }
        rt.sink.emit(new GcEvent.GcCycleStarted(cycle, trigger, heap0, pacer.heapGoal()));
        roots.prepare();
        setPhase(GcPhase.MARK);
        markStartNanos = rt.clock;
        workers.cycleStarted(maxprocs);
    }

    /**
     * One unit of mark work: a root job or one grey object scanned. Background workers
     * ({@code gcDrain}) take root jobs first; assists ({@code gcDrainN}) take grey objects
     * first. Returns the unit's CPU time, or -1 when there was nothing to do.
     */
    long markUnit(long gid, boolean objectsFirst) {
        unitCost = 0;
        if (objectsFirst && !grey.isEmpty()) {
            scanobject(grey.pollLast(), gid);
            return unitCost;
        }
        if (roots.runNext()) {
            return unitCost;
        }
        HeapObject o = grey.pollLast();
        if (o == null) {
            return -1;
        }
        scanobject(o, gid);
        return unitCost;
    }

    /** {@code gcmarknewobject}: an object allocated black counts as marked (§4.5). */
    void noteBlackAlloc(HeapObject o) {
        bytesMarked += o.elemSize;
    }

    /** {@code mallocgc}: {@code g} allocated {@code o}; during mark it may owe an assist. */
    void allocated(Goroutine g, HeapObject o) {
        if (rt.gcphase == GcPhase.OFF) {
            pacer.heapScan += scanBytes(o);
        }
        assist.allocated(g, o.elemSize);
    }

    /** Whether root jobs or grey objects remain. */
    boolean hasMarkWork() {
        return roots.remaining() || !grey.isEmpty();
    }

    /**
     * {@code viz.GCStep}: up to {@code units} of mark work on the caller's time; ends the mark
     * phase when it runs out.
     */
    void step(int units, long gid) {
        if (rt.gcphase != GcPhase.MARK) {
            return;
        }
        for (int i = 0; i < units; i++) {
            long cost = markUnit(gid, false);
            if (cost < 0) {
                break;
            }
            rt.clock += cost;
        }
        if (!hasMarkWork()) {
            markDone();
        }
    }

    /**
     * Runs the mark phase to its end and the cycle through mark termination, as the idle Ps do
     * while the caller waits ({@code viz.GCFinish}; runtime.GC waiting for a cycle in progress).
     */
    void finishMark() {
        while (rt.gcphase == GcPhase.MARK) {
            workers.idle(Long.MAX_VALUE);
        }
    }

    /** Adds to the CPU time of the unit of mark work in progress. */
    void addCost(long ns) {
        unitCost += ns;
    }

    /** {@code greyobject}: mark a white object; queue it if it holds pointers. */
    void shade(long addr, GreyReason reason, long from) {
        HeapObject o = heap.findObject(addr);
        if (o == null) {
            checkLost(addr, from);
            return;
        }
        if (!o.marked) {
            o.marked = true;
            bytesMarked += o.elemSize;
            rt.sink.emit(new GcEvent.ObjectGreyed(o.addr, reason, from));
            queue(o);
        }
    }

    /** A marked object is queued grey; one without pointers is black at once. */
    private void queue(HeapObject o) {
        if (o.nptrs() > 0) {
            grey.addLast(o);
            return;
        }
        o.scanned = true;
        unitCost += GcCosts.NOSCAN_MARK_NS;
        rt.sink.emit(new GcEvent.ObjectBlackened(o.addr, 0, 0, 0));
    }

    /** Shades for the write barrier; returns true if a white object was marked. */
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
        if (o.nptrs() > 0) {
            grey.addLast(o);
        }
        return true;
    }

    /** After the barrier's event: a pointer-free object it marked is black already. */
    void barrierShaded(long addr) {
        HeapObject o = heap.findObject(addr);
        if (o != null && o.nptrs() == 0 && !o.scanned) {
            o.scanned = true;
            rt.sink.emit(new GcEvent.ObjectBlackened(o.addr, 0, 0, 0));
        }
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

    /**
     * Bytes {@code scanobject} reads of an object: up to its last pointer word. The model keeps
     * the pointer fields but not where they are, so: an object with one pointer has it first
     * (a slice, string or pointer in a struct that starts with it); one with more is scanned to
     * its end, as an array of pointers, slices or structs of them is; one without pointers is
     * never scanned.
     */
    static long scanBytes(HeapObject o) {
        long n = o.nptrs() <= 1 ? (long) o.nptrs() * Sys.PTR_SIZE : Math.max((long) o.nptrs() * Sys.PTR_SIZE, o.size);
        return Math.min(n, o.elemSize);
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
        long bytes = scanBytes(o);
        pacer.heapScanWork += bytes;
        unitCost += GcCosts.OBJECT_NS + (long) (bytes * GcCosts.SCAN_NS_PER_BYTE);
        rt.sink.emit(new GcEvent.ObjectBlackened(o.addr, n, bytes, gid));
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
                roots.scanstack(g, true);
            }
            while (!grey.isEmpty()) {
                scanobject(grey.pollLast(), 0);
            }
        }
        roots.computeStartingStackSize();
        if (checkLostObjects) {
            new TriColor(rt, heap).markLostObjects();
        }
        long heap1 = heap.heapLive();
        long expected = pacer.lastHeapScan + pacer.lastStackScan + pacer.globalsScan;
        if (pacer.endCycle(rt.clock, maxprocs, heap1) && rt.settings.gcpacertrace()) {
            rt.stderr(GcTrace.pacerEnd(pacer, expected, heap1));
        }
        pacer.resetLive(bytesMarked);
        heap.setHeapLive(bytesMarked);
        setPhase(GcPhase.OFF);
        heap.startSweepCycle();
        rt.clock += GcCosts.MARK_TERMINATION_NS;
        numgc++;
        if (forced) {
            numForcedGC++;
        }
        int stwprocs = Math.min(maxprocs, rt.settings.ncpu());
        totalGcCpu += stwprocs * (markStartNanos - startNanos + rt.clock - markTermNanos)
                + pacer.assistTime + pacer.dedicatedMarkTime + pacer.fractionalMarkTime;
        // After the world restarts: freeStackSpans, then each P's stack cache is flushed.
        rt.stackAlloc.freeStackSpans();
        rt.stackAlloc.clearCaches();
        rt.scavenger.lastHeapInUse = rt.pages.heapInuse();
        commit();
        String trace = GcTrace.line(this, rt, heap1);
        rt.sink.emit(new GcEvent.GcCycleEnded(cycle, heap0, heap1, bytesMarked, pacer.lastHeapGoal, pacer.heapGoal(),
                pacer.trigger(), pacer.lastStackScan, pacer.globalsScan, trace));
        if (rt.settings.gctrace()) {
            rt.stderr(trace);
        }
        manual = false;
        rt.cycleFinished();
    }

    /**
     * {@code gcControllerCommit}: the pacer's new goal and trigger, during mark a new assist
     * ratio, and the scavenger's new goals.
     */
    void commit() {
        pacer.commit(heap.heapLive(), heap.sweepDone());
        if (rt.gcphase != GcPhase.OFF) {
            pacer.revise(heap.heapLive(), rt::scannableStack);
        }
        rt.scavenger.pace(pacer.memoryLimit, pacer.heapGoal(), pacer.lastHeapGoal);
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

    long bytesMarked() {
        return bytesMarked;
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

    int maxprocs() {
        return maxprocs;
    }

    long totalGcCpu() {
        return totalGcCpu;
    }

    boolean forced() {
        return forced;
    }
}
