package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.function.LongSupplier;

/**
 * Goroutine life cycle: {@code newproc}, {@code goexit0}, the dead-G free lists
 * ({@code gfput}/{@code gfget}), {@code markrootFreeGStacks}, and statuses (§2.6, §3).
 *
 * <p>A goroutine's G struct is never freed: a dead G goes on its P's free list, keeping its
 * stack if that stack has the current starting size, and the next {@code go} statement reuses
 * it. Only a brand-new G is guaranteed a 2 KiB stack; a reused one gets the adaptive starting
 * size (§2.7). Goroutine ids are never reused: a recycled G gets a new goid.
 */
final class Sched {
    /** {@code gfput} moves Gs to the global list when a P holds this many ... */
    private static final int GFREE_HIGH = 64;
    /** ... until this many remain; {@code gfget} refills up to this many. */
    private static final int GFREE_BATCH = 32;

    final Procs procs;
    private final StackAllocator alloc;
    private final EventSink sink;
    private final ArrayList<Goroutine> allgs = new ArrayList<>();
    private final ArrayDeque<P.DeadG> globalWithStack = new ArrayDeque<>();
    private final ArrayDeque<P.DeadG> globalNoStack = new ArrayDeque<>();
    /** {@code startingStackSize} (§2.7). */
    long startingStackSize = Sys.FIXED_STACK;
    /** Allocates a {@code runtime.g} on the heap and returns its address. */
    LongSupplier newGStruct = () -> 0L;
    private long nextGoid = 1;
    /** Whether the last {@code newproc} recycled a dead G (a new one costs {@code malg}). */
    boolean lastReused;
    private int live;
    private int systemLive;

    Sched(Procs procs, StackAllocator alloc, EventSink sink) {
        this.procs = procs;
        this.alloc = alloc;
        this.sink = sink;
    }

    /** The goroutine with this goid, or null. */
    Goroutine byId(long gid) {
        return gid >= 1 && gid <= allgs.size() ? allgs.get((int) (gid - 1)) : null;
    }

    /** Every goroutine ever created, dead ones included, in goid order. */
    java.util.List<Goroutine> allgs() {
        return java.util.Collections.unmodifiableList(allgs);
    }

    /** {@code runtime.NumGoroutine}: live goroutines, system goroutines excluded. */
    int numGoroutine() {
        return live - systemLive;
    }

    /**
     * {@code newproc}: take a dead G (with its stack resized to the starting size) or make a new
     * one with a 2 KiB stack, build the initial frame and put it in P {@code p}'s {@code runnext}.
     */
    Goroutine newproc(Goroutine parent, FuncInfo fn, int p, boolean system) {
        long gid = nextGoid++;
        Goroutine g = new Goroutine(gid, parent == null ? 0 : parent.id, fn.name());
        g.p = p;
        g.system = system;
        P.DeadG d = gfget(procs.ps[p]);
        boolean reused = d != null;
        lastReused = reused;
        if (reused) {
            g.gstruct = d.gstruct();
            if (d.hasStack()) {
                g.lo = d.lo();
                g.hi = d.hi();
            } else {
                g.lo = alloc.stackalloc(startingStackSize, p);
                g.hi = g.lo + startingStackSize;
            }
        } else {
            g.gstruct = newGStruct.getAsLong();
            g.lo = alloc.stackalloc(Sys.STACK_MIN, p);
            g.hi = g.lo + Sys.STACK_MIN;
        }
        // 4 words + MinFrameSize, aligned: the frame that makes fn look called by goexit.
        g.sp = g.hi - 4 * Sys.PTR_SIZE;
        g.highWater = g.used();
        g.status = GStatus.RUNNABLE;
        g.pendingEntry = fn;
        allgs.add(g);
        live++;
        if (system) {
            systemLive++;
        }
        sink.emit(new SchedEvent.GoroutineCreated(gid, g.parentId, fn.name(), g.lo, g.hi, g.sp,
                reused ? d.lastGid() : 0, reused && d.hasStack()));
        procs.runqput(procs.ps[p], g, true);
        return g;
    }

    /** {@code casgstatus} with a wait reason. */
    void setStatus(Goroutine g, GStatus to, WaitReason reason) {
        GStatus from = g.status;
        WaitReason fromReason = g.waitReason;
        if (from == to && fromReason == reason) {
            return;
        }
        g.status = to;
        g.waitReason = to == GStatus.WAITING ? reason : WaitReason.NONE;
        sink.emit(new SchedEvent.GoroutineStatusChanged(g.id, from, to, fromReason, g.waitReason));
    }

    /** {@code goexit0}: the goroutine is dead; its G goes on the free list ({@code gfput}). */
    void goexit(Goroutine g) {
        while (!g.frames.isEmpty()) {
            g.frames.remove(g.frames.size() - 1);
        }
        P pp = procs.ps[g.p];
        if (pp.current == g) {
            procs.stopped(pp);
        }
        pp.runq.remove(g);
        if (pp.runnext == g) {
            pp.runnext = null;
        }
        procs.globalRunq.remove(g);
        setStatus(g, GStatus.DEAD, WaitReason.NONE);
        live--;
        if (g.system) {
            systemLive--;
        }
        gfput(pp, g);
    }

    /** {@code gfput}: keep the stack only if it has the starting size. */
    private void gfput(P pp, Goroutine g) {
        if (g.hasStack() && g.stackSize() != startingStackSize) {
            String where = alloc.stackfree(g.lo, g.stackSize(), pp.id);
            sink.emit(new StackEvent.StackFreed(g.id, g.lo, g.hi, "on exit (" + where + "): its size is not the "
                    + dev.goroscope.engine.event.Fmt.size(startingStackSize) + " starting size"));
            g.lo = g.hi = g.sp = 0;
        }
        pp.gFree.addFirst(new P.DeadG(g.gstruct, g.lo, g.hi, g.id));
        if (pp.gFree.size() >= GFREE_HIGH) {
            while (pp.gFree.size() > GFREE_BATCH) {
                P.DeadG d = pp.gFree.pollFirst();
                (d.hasStack() ? globalWithStack : globalNoStack).addFirst(d);
            }
        }
    }

    /** After {@code procresize} to {@code n} Ps: goroutines that last ran on a destroyed P belong to P {@code to}. */
    void movedFrom(int n, int to) {
        for (Goroutine g : allgs) {
            if (g.p >= n) {
                g.p = to;
            }
        }
    }

    /** {@code gfpurge}: a P being destroyed gives all its dead Gs to the global lists. */
    void gfpurge(P pp) {
        while (!pp.gFree.isEmpty()) {
            P.DeadG d = pp.gFree.pollFirst();
            (d.hasStack() ? globalWithStack : globalNoStack).addFirst(d);
        }
    }

    /** {@code gfget}: a dead G whose stack has the starting size (or none), or null. */
    private P.DeadG gfget(P pp) {
        if (pp.gFree.isEmpty() && (!globalWithStack.isEmpty() || !globalNoStack.isEmpty())) {
            while (pp.gFree.size() < GFREE_BATCH) {
                P.DeadG d = globalWithStack.pollFirst();
                if (d == null) {
                    d = globalNoStack.pollFirst();
                }
                if (d == null) {
                    break;
                }
                pp.gFree.addFirst(d);
            }
        }
        P.DeadG d = pp.gFree.pollFirst();
        if (d != null && d.hasStack() && d.hi() - d.lo() != startingStackSize) {
            String where = alloc.stackfree(d.lo(), d.hi() - d.lo(), pp.id);
            sink.emit(new StackEvent.StackFreed(d.lastGid(), d.lo(), d.hi(), "on reuse of its G (" + where
                    + "): the starting size is now " + dev.goroscope.engine.event.Fmt.size(startingStackSize)));
            d = d.withoutStack();
        }
        return d;
    }

    /**
     * {@code markrootFreeGStacks}, a root job of every GC: free the stacks of the dead Gs on the
     * global free list. Dead Gs cached on Ps keep theirs.
     */
    int freeGStacks() {
        int n = 0;
        while (!globalWithStack.isEmpty()) {
            P.DeadG d = globalWithStack.pollFirst();
            alloc.stackfree(d.lo(), d.hi() - d.lo(), -1);
            sink.emit(new StackEvent.StackFreed(d.lastGid(), d.lo(), d.hi(),
                    "by the GC (markrootFreeGStacks frees stacks of dead Gs on the global free list)"));
            globalNoStack.addFirst(d.withoutStack());
            n++;
        }
        return n;
    }
}
