package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.GcEvent.GreyReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The root jobs of a cycle ({@code gcMarkRootPrepare}, {@code markroot}; go-runtime-facts.md
 * §4.3): dead Gs' stacks, the globals, the runtime's own heap, then each goroutine's stack, in
 * that order, each done whole by whoever takes it (a worker, an assist, a lesson's step). A
 * stack job suspends only its goroutine, records its use for the next starting stack size,
 * shrinks it or defers the shrink, and shades what its frames point to.
 */
final class MarkRoots {
    private final GoRuntime rt;
    private final Collector gc;
    private final List<Runnable> jobs = new ArrayList<>();
    private int next;
    private long scannedStacks;
    private long scannedStackUsed;

    MarkRoots(GoRuntime rt, Collector gc) {
        this.rt = rt;
        this.gc = gc;
    }

    /** Runs the next root job; false when none is left. */
    boolean runNext() {
        if (next >= jobs.size()) {
            return false;
        }
        jobs.get(next++).run();
        return true;
    }

    boolean remaining() {
        return next < jobs.size();
    }

    /** {@code gcMarkRootPrepare}: the root jobs, in the runtime's order (§4.3). */
    void prepare() {
        jobs.clear();
        next = 0;
        scannedStacks = 0;
        scannedStackUsed = 0;
        jobs.add(() -> {
            rt.sched.freeGStacks();
        });
        jobs.add(this::scanGlobals);
        jobs.add(this::scanBootHeap);
        List<Goroutine> snapshot = new ArrayList<>();
        for (Goroutine g : rt.sched.allgs()) {
            g.isRoot = !g.isDead();
            if (g.isRoot) {
                snapshot.add(g);
            }
        }
        if (gc.barrier.mode() == BarrierMode.YUASA) {
            // Snapshot at the beginning: a deletion barrier is only sound if every stack is
            // scanned while the world is stopped.
            for (Goroutine g : snapshot) {
                scanstack(g, false);
            }
            return;
        }
        for (Goroutine g : snapshot) {
            jobs.add(() -> scanstack(g, false));
        }
    }

    /**
     * The data and BSS root jobs: the runtime's and the libraries' pointer-holding globals
     * ({@link Sys#RUNTIME_GLOBALS_BYTES}) and the program's own.
     */
    private void scanGlobals() {
        int n = 0;
        long bytes = Sys.RUNTIME_GLOBALS_BYTES;
        for (Global gl : rt.globals) {
            bytes += Math.max(gl.slots().length, 1) * (long) Sys.PTR_SIZE;
            for (long v : gl.slots()) {
                if (v != 0) {
                    gc.shade(v, GreyReason.GLOBAL_ROOT, gl.addr());
                    n++;
                }
            }
        }
        for (long v : rt.runtimeRoots) {
            gc.shade(v, GreyReason.RUNTIME_ROOT, 0);
        }
        gc.pacer.globalsScan = bytes;
        gc.pacer.globalsScanWork += bytes;
        gc.addCost((long) (bytes * GcCosts.SCAN_NS_PER_BYTE));
        rt.sink.emit(new GcEvent.GlobalsScanned(n, bytes));
    }

    /** The runtime's own heap from before main ({@link BootHeap}), greyed by the globals. */
    private void scanBootHeap() {
        long bytes = BootHeap.scanBytes(rt.pStructs);
        gc.pacer.heapScanWork += bytes;
        gc.addCost(BootHeap.objects(rt.pStructs) * GcCosts.OBJECT_NS + (long) (bytes * GcCosts.SCAN_NS_PER_BYTE));
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
                    gc.shade(v, rescan ? GreyReason.RESCAN : GreyReason.STACK_ROOT, f.sp);
                    n++;
                }
            }
        }
        for (int k = 0; k < g.npins; k++) {
            gc.shade(g.pins[k], rescan ? GreyReason.RESCAN : GreyReason.STACK_ROOT, g.sp);
        }
        g.scannedCycle = gc.cycle;
        gc.pacer.stackScanWork += g.used();
        gc.addCost(GcCosts.STACK_NS);
        rt.sink.emit(new GcEvent.StackScanned(g.id, g.used(), size, n, decision, rescan));
    }

    /** {@code gcComputeStartingStackSize} (§2.7). */
    void computeStartingStackSize() {
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
}
