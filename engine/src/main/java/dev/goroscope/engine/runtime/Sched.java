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

    /** {@code allp}: GOMAXPROCS of them ({@link #procresize} changes the count). */
    P[] ps;
    private final StackAllocator alloc;
    private final EventSink sink;
    private final ArrayList<Goroutine> allgs = new ArrayList<>();
    private final ArrayDeque<P.DeadG> globalWithStack = new ArrayDeque<>();
    private final ArrayDeque<P.DeadG> globalNoStack = new ArrayDeque<>();
    final ArrayDeque<Goroutine> globalRunq = new ArrayDeque<>();
    /** {@code startingStackSize} (§2.7). */
    long startingStackSize = Sys.FIXED_STACK;
    /** Allocates a {@code runtime.g} on the heap and returns its address. */
    LongSupplier newGStruct = () -> 0L;
    private long nextGoid = 1;
    private int live;
    private int systemLive;

    Sched(int nprocs, StackAllocator alloc, EventSink sink) {
        this.alloc = alloc;
        this.sink = sink;
        this.ps = new P[nprocs];
        for (int i = 0; i < nprocs; i++) {
            ps[i] = new P(i);
        }
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
     * one with a 2 KiB stack, build the initial frame and put it in {@code runnext}.
     */
    Goroutine newproc(Goroutine parent, FuncInfo fn, int p, boolean system) {
        long gid = nextGoid++;
        Goroutine g = new Goroutine(gid, parent == null ? 0 : parent.id, fn.name());
        g.p = p;
        g.system = system;
        P.DeadG d = gfget(ps[p]);
        boolean reused = d != null;
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
        P pp = ps[p];
        if (pp.runnext != null) {
            pp.runq.addLast(pp.runnext);
        }
        pp.runnext = g;
        return g;
    }

    /**
     * {@code findRunnable}: the P whose turn it is is drawn from the seed; it takes its
     * {@code runnext}, then its local queue, then the global queue, then steals half of another
     * P's queue. A goroutine already running on the chosen P keeps running only if nothing else
     * is queued there (a time slice ends at each scheduling point).
     */
    Goroutine findRunnable(SplitMix64 rng) {
        int start = rng.nextInt(ps.length);
        for (int i = 0; i < ps.length; i++) {
            P pp = ps[(start + i) % ps.length];
            Goroutine g = takeLocal(pp);
            if (g == null && !globalRunq.isEmpty()) {
                g = globalRunq.pollFirst();
            }
            if (g == null) {
                g = steal(pp, rng);
            }
            if (g == null && pp.current != null && pp.current.status == GStatus.RUNNING) {
                return pp.current;
            }
            if (g != null) {
                g.p = pp.id;
                return g;
            }
        }
        return null;
    }

    /**
     * {@code procresize} for {@code runtime.GOMAXPROCS(n)}, with the world stopped: new Ps are
     * made; each P that goes away ({@code p.destroy}) puts its run queue, then its runnext, at
     * the head of the global queue, and its dead Gs on the global free lists ({@code gfpurge}).
     * Goroutines that last ran on such a P (the caller among them) belong to P {@code to} now.
     */
    void procresize(int n, int to) {
        int old = ps.length;
        for (int i = old - 1; i >= n; i--) {
            P pp = ps[i];
            while (!pp.runq.isEmpty()) {
                globalRunq.addFirst(pp.runq.pollLast());
            }
            if (pp.runnext != null) {
                globalRunq.addFirst(pp.runnext);
                pp.runnext = null;
            }
            while (!pp.gFree.isEmpty()) {
                P.DeadG d = pp.gFree.pollFirst();
                (d.hasStack() ? globalWithStack : globalNoStack).addFirst(d);
            }
            if (pp.current != null && ps[to].current == null) {
                ps[to].current = pp.current;
            }
        }
        P[] np = java.util.Arrays.copyOf(ps, n);
        for (int i = old; i < n; i++) {
            np[i] = new P(i);
        }
        ps = np;
        alloc.resize(n);
        for (Goroutine g : allgs) {
            if (g.p >= n) {
                g.p = to;
            }
        }
    }

    /** Goroutines running or waiting in a run queue: the Ps they keep busy (idle Ps mark, §4.6). */
    int runnableOrRunning() {
        int n = globalRunq.size();
        for (P pp : ps) {
            n += pp.runq.size() + (pp.runnext != null ? 1 : 0);
            if (pp.current != null && pp.current.status == GStatus.RUNNING) {
                n++;
            }
        }
        return n;
    }

    /** P {@code p}'s runnext, taken to run now (the P that just ran timers); null if empty. */
    Goroutine takeRunnext(int p) {
        Goroutine g = ps[p].runnext;
        ps[p].runnext = null;
        return g;
    }

    /** {@code runqput(pp, g, next=true)}: g becomes runnext; the one it replaces joins the run queue. */
    void putRunnext(Goroutine g, int p) {
        P pp = ps[p];
        if (pp.runnext != null) {
            pp.runq.addLast(pp.runnext);
        }
        pp.runnext = g;
        g.p = p;
    }

    private Goroutine takeLocal(P pp) {
        Goroutine g = pp.runnext;
        if (g != null) {
            pp.runnext = null;
            return g;
        }
        return pp.runq.pollFirst();
    }

    private Goroutine steal(P thief, SplitMix64 rng) {
        int start = rng.nextInt(ps.length);
        for (int i = 0; i < ps.length; i++) {
            P victim = ps[(start + i) % ps.length];
            if (victim == thief || victim.runq.isEmpty()) {
                continue;
            }
            int n = (victim.runq.size() + 1) / 2;
            for (int k = 0; k < n - 1; k++) {
                thief.runq.addLast(victim.runq.pollLast());
            }
            return victim.runq.pollLast();
        }
        return null;
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
        P pp = ps[g.p];
        if (pp.current == g) {
            pp.current = null;
        }
        pp.runq.remove(g);
        if (pp.runnext == g) {
            pp.runnext = null;
        }
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
