package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;

/**
 * The Ps and their Ms as proc.go runs them: {@code runqput}/{@code runqget}, the global run
 * queue, {@code findRunnable} with its work stealing, spinning Ms and {@code wakep}.
 *
 * <p>Every P's M has its own CPU, so the Ps run at the same time. The simulation does one thing at
 * a time, so it moves them as a discrete-event simulation: each P has a {@link P#clock} (the CPU
 * time its M has spent), and {@link GoRuntime#schedule()} always moves the P that is furthest
 * behind ({@link #earliest}), for one slice. Instructions and runtime work advance a P's clock
 * ({@link CpuTime}); the interpreter runs the chosen P's goroutine until its clock passes the next
 * P's, plus a seeded margin, and then the other P has its turn. With one P nothing interleaves.
 *
 * <p>What the runtime does and the simulation mirrors:
 * <ul>
 * <li>{@code goready} and {@code newproc} put the goroutine in the {@code runnext} of the P doing
 *     the readying; the goroutine it displaces goes to the tail of the local queue, and a full
 *     local queue (256) moves its older half to the global queue ({@code runqputslow}). A
 *     goroutine taken from {@code runnext} inherits the time slice, so {@code schedtick} does not
 *     advance: two goroutines that ready each other keep a P to themselves, and the local queue
 *     waits (the global queue is checked first on every 61st tick only).</li>
 * <li>{@code wakep}: when work is queued, there is an idle P and no M is spinning, an M is started
 *     for the idle P. Its thread was parked, so the OS takes a while to run it
 *     ({@link #osWakeLatency}); meanwhile {@code nmspinning} is 1 and further {@code wakep} calls do
 *     nothing.</li>
 * <li>A spinning M steals ({@code stealWork}): four passes over the other Ps in a random order,
 *     each taking the older half of a P's local queue; only the last pass may take a
 *     {@code runnext}, and only after {@code usleep(3)} if that P is running, which on Linux sleeps
 *     3 µs plus the 50 µs timer slack ({@link #USLEEP_NS}). An M that finds nothing gives its P
 *     back and parks, after looking once more at every queue ({@code checkRunqsNoP}).</li>
 * </ul>
 */
final class Procs {
    /** {@code stealTries}. */
    static final int STEAL_TRIES = 4;
    /** {@code usleep(3)} as Linux runs it: 3 µs plus the default 50 µs timer slack of a thread. */
    static final long USLEEP_NS = 53_000;
    /** CPU time of a goroutine switch: {@code schedule} finding the next goroutine and {@code execute}. */
    static final long SWITCH_NS = 60;
    /** The slice of CPU time a P runs past the next P's clock before that P has its turn (±50%, seeded). */
    static final long SLICE_NS = 1_000;

    /** {@code allp}: GOMAXPROCS of them ({@code runtime.GOMAXPROCS} may change how many). */
    P[] ps;
    /** {@code sched.runq}. */
    final ArrayDeque<Goroutine> globalRunq = new ArrayDeque<>();
    /** {@code sched.nmspinning}. */
    int nmspinning;
    /** {@code sched.pidle}: idle Ps, the most recently idled last. */
    private final ArrayDeque<P> pidle = new ArrayDeque<>();
    /** The scheduler's own seeded choices (steal order, slices, OS latencies). */
    private final SplitMix64 rng;

    Procs(int nprocs, long seed) {
        ps = new P[nprocs];
        for (int i = 0; i < nprocs; i++) {
            ps[i] = new P(i);
        }
        rng = new SplitMix64(seed ^ 0x5CED5CED5CED5CEDL);
        for (int i = nprocs - 1; i >= 1; i--) {
            pidle.addLast(ps[i]);
        }
        ps[0].state = P.State.SCHEDULING;
    }

    // ---- run queues ------------------------------------------------------------------------

    /**
     * {@code runqput}: with {@code next}, g becomes {@code runnext} and the goroutine it displaces
     * goes to the tail of the local queue; a full queue sends its older half, and the newcomer,
     * to the global queue ({@code runqputslow}).
     */
    void runqput(P pp, Goroutine g, boolean next) {
        g.p = pp.id;
        if (next) {
            Goroutine old = pp.runnext;
            pp.runnext = g;
            if (old == null) {
                return;
            }
            g = old;
        }
        if (pp.runq.size() < P.RUNQ_SIZE) {
            pp.runq.addLast(g);
            return;
        }
        for (int i = 0; i < P.RUNQ_SIZE / 2; i++) {
            globalRunq.addLast(pp.runq.pollFirst());
        }
        globalRunq.addLast(g);
    }

    /** {@code runqget}: runnext (inheriting the time slice), else the head of the local queue. */
    private Goroutine runqget(P pp, boolean[] inherit) {
        Goroutine g = pp.runnext;
        if (g != null) {
            pp.runnext = null;
            inherit[0] = true;
            return g;
        }
        inherit[0] = false;
        return pp.runq.pollFirst();
    }

    /** {@code globrunqget}: one goroutine to run and, into the local queue, a fair share of the rest. */
    private Goroutine globrunqget(P pp, int max) {
        if (globalRunq.isEmpty()) {
            return null;
        }
        int n = Math.min(globalRunq.size() / ps.length + 1, globalRunq.size());
        if (max > 0) {
            n = Math.min(n, max);
        }
        n = Math.min(n, P.RUNQ_SIZE / 2);
        Goroutine g = globalRunq.pollFirst();
        for (int i = 1; i < n; i++) {
            runqput(pp, globalRunq.pollFirst(), false);
        }
        return g;
    }

    /** Whether any goroutine waits in a run queue. */
    boolean anyRunnable() {
        if (!globalRunq.isEmpty()) {
            return true;
        }
        for (P pp : ps) {
            if (!pp.runqEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Ps that are not idle: {@code procs - npidle}. */
    int busy() {
        return ps.length - pidle.size();
    }

    /** Goroutines running or waiting in a run queue: the Ps they keep busy (idle Ps mark, §4.6). */
    int runnableOrRunning() {
        int n = globalRunq.size();
        for (P pp : ps) {
            n += pp.runq.size() + (pp.runnext != null ? 1 : 0) + (pp.state == P.State.RUNNING ? 1 : 0);
        }
        return n;
    }

    /** Ps running a goroutine right now. */
    int running() {
        int n = 0;
        for (P pp : ps) {
            n += pp.state == P.State.RUNNING ? 1 : 0;
        }
        return n;
    }

    // ---- Ms: waking, spinning, parking ------------------------------------------------------

    /**
     * {@code wakep}: if a P is idle and no M is spinning, start an M for it ({@code startm}). Its
     * thread has to be woken by the OS first, so it starts looking for work later.
     */
    void wakep(long now) {
        if (pidle.isEmpty() || nmspinning != 0) {
            return;
        }
        nmspinning++;
        P pp = pidle.pollLast();
        pp.state = P.State.WAKING;
        pp.spinning = true;
        pp.wakeAt = now + osWakeLatency();
        pp.clock = Math.max(pp.clock, now);
    }

    /**
     * How long the OS takes to run a parked M's thread after {@code futexwakeup}. Measured on the
     * 2-CPU machine the lessons were recorded on, for an M woken while another P hands work back
     * and forth (resources/scenarios lesson 8): tens of microseconds when a CPU is free at once,
     * but in about half the wake-ups the thread waits for a CPU for over half a millisecond, up to
     * several milliseconds. The delay is drawn from the seed.
     */
    long osWakeLatency() {
        if (rng.nextInt(2) == 0) {
            return 10_000 + rng.nextInt(50_000);
        }
        return 500_000 + rng.nextInt(3_000_000);
    }

    /** {@code resetspinning}: the spinning M found work; another M may be needed. */
    private void resetspinning(P pp) {
        pp.spinning = false;
        nmspinning--;
        wakep(pp.clock);
    }

    /** {@code pidleput}: the P goes on the idle list (its M parks, spinning or not). */
    private void pidleput(P pp) {
        pp.state = P.State.IDLE;
        pp.current = null;
        pidle.addLast(pp);
    }

    /**
     * {@code procresize} with the world stopped, as {@code runtime.GOMAXPROCS(n)} does it: new Ps
     * start idle; a P that goes ({@code p.destroy}) puts its goroutines at the head of the global
     * queue (its running one, preempted by the stop, at the tail), and its dead Gs and cached
     * stacks go back to the global lists ({@code gfpurge}, {@code stackcache_clear}). The caller
     * keeps running, on P0 if its own P went.
     *
     * @param preempted receives the goroutines the stop took off their Ps (they must be made runnable)
     */
    void resize(int n, Goroutine caller, Sched sched, StackAllocator stacks, java.util.List<Goroutine> preempted) {
        P[] old = ps;
        long now = 0;
        for (P pp : old) {
            now = Math.max(now, pp.clock);
        }
        P[] next = java.util.Arrays.copyOf(old, n);
        for (int i = old.length; i < n; i++) {
            next[i] = new P(i);
            next[i].clock = now;
            pidle.addLast(next[i]);
        }
        for (int i = n; i < old.length; i++) {
            P pp = old[i];
            if (pp.current != null && pp.current != caller) {
                preempted.add(pp.current);
                globalRunq.addLast(pp.current);
            }
            while (!pp.runq.isEmpty()) {
                globalRunq.addFirst(pp.runq.pollLast());
            }
            if (pp.runnext != null) {
                globalRunq.addFirst(pp.runnext);
                pp.runnext = null;
            }
            if (pp.spinning) {
                nmspinning--;
            }
            pidle.remove(pp);
            sched.gfpurge(pp);
        }
        stacks.resize(n); // a destroyed P's cached stacks go back to the pool
        ps = next;
        for (P pp : next) {
            pp.steal = null; // the stop ended every search; an M starts schedule again afterwards
            if (pp.state == P.State.STEAL_SLEEP) {
                pp.state = P.State.SCHEDULING;
            }
        }
        P mine = next[caller.p < n ? caller.p : 0]; // procresize: acquirep(allp[0]) if its own P went
        if (caller.p >= n) {
            acquire(mine);
            if (mine.current != null && mine.current != caller) {
                preempted.add(mine.current);
                globalRunq.addLast(mine.current);
            }
            mine.clock = Math.max(mine.clock, old[caller.p].clock);
            mine.current = caller;
            mine.state = P.State.RUNNING;
            caller.p = mine.id;
        }
    }

    /** A driver runs a goroutine on {@code pp} by name: the P is taken for it, whatever its M was doing. */
    void acquire(P pp) {
        if (pp.state == P.State.IDLE) {
            pidle.remove(pp);
        }
        if (pp.spinning) {
            pp.spinning = false;
            nmspinning--;
        }
        pp.steal = null;
    }

    /** An idle P taken for the runtime's own use when nothing ran (timers, the end of a GC). */
    P acquireIdle() {
        P pp = pidle.pollLast();
        long now = 0;
        for (P q : ps) {
            now = Math.max(now, q.clock);
        }
        pp.clock = now;
        pp.state = P.State.SCHEDULING;
        return pp;
    }

    // ---- findRunnable ----------------------------------------------------------------------

    /** A steal in progress: the pass, the order of victims, and the runnext it waits to take. */
    static final class Steal {
        int pass;
        int[] order;
        int k;
        P victim;
        Goroutine seen;
    }

    /**
     * {@code findRunnable} for {@code pp} at its clock: the goroutine it runs next, or null when
     * its M went to sleep in {@code usleep} (state STEAL_SLEEP) or parked (state IDLE).
     *
     * @param inherit set to whether the goroutine inherits the time slice (it was runnext)
     */
    Goroutine findRunnable(P pp, boolean[] inherit) {
        while (true) {
            inherit[0] = false;
            if (pp.steal == null) {
                if (pp.schedtick % 61 == 0 && !globalRunq.isEmpty()) {
                    return found(pp, globrunqget(pp, 1));
                }
                Goroutine g = runqget(pp, inherit);
                if (g == null) {
                    g = globrunqget(pp, 0);
                }
                if (g != null) {
                    return found(pp, g);
                }
                if (!pp.spinning && 2 * nmspinning >= busy()) {
                    park(pp);
                    return null; // enough Ms spin already
                }
                if (!pp.spinning) {
                    pp.spinning = true;
                    nmspinning++;
                }
                pp.steal = new Steal();
                pp.steal.order = stealOrder(pp);
            }
            Goroutine g = stealWork(pp);
            if (pp.state == P.State.STEAL_SLEEP) {
                return null;
            }
            pp.steal = null;
            if (g != null) {
                return found(pp, g);
            }
            if (!globalRunq.isEmpty()) {
                return found(pp, globrunqget(pp, 0));
            }
            if (!park(pp)) {
                return null;
            }
        }
    }

    private Goroutine found(P pp, Goroutine g) {
        if (pp.spinning) {
            resetspinning(pp);
        }
        return g;
    }

    /**
     * Gives the P back and parks its M; a spinning M first looks at every queue once more
     * ({@code checkRunqsNoP}) and, if one has work, takes an idle P and spins again. Returns
     * whether it goes on looking.
     */
    private boolean park(P pp) {
        pidleput(pp);
        if (!pp.spinning) {
            return false;
        }
        pp.spinning = false;
        nmspinning--;
        for (P p2 : ps) {
            if (p2 != pp && p2.owned() && !p2.runqEmpty()) {
                pidle.remove(pp);
                pp.state = P.State.SCHEDULING;
                pp.spinning = true;
                nmspinning++;
                return true;
            }
        }
        return false;
    }

    /** {@code stealOrder.start(fastrand())}: every other P once, from a random start. */
    private int[] stealOrder(P pp) {
        int n = ps.length;
        int[] order = new int[n];
        int start = rng.nextInt(n);
        for (int i = 0; i < n; i++) {
            order[i] = (start + i) % n;
        }
        return order;
    }

    /**
     * {@code stealWork}, resumable: when it must {@code usleep} before taking a running P's
     * runnext, the P sleeps (STEAL_SLEEP) and the search resumes here when it wakes.
     */
    private Goroutine stealWork(P pp) {
        Steal s = pp.steal;
        if (s.victim != null) {
            // Back from usleep: the runnext is taken only if it is the one seen before sleeping
            // (runqgrab's CAS); otherwise the same P is tried again.
            P p2 = s.victim;
            Goroutine seen = s.seen;
            s.victim = null;
            s.seen = null;
            if (p2.runnext == seen) {
                p2.runnext = null;
                seen.p = pp.id;
                return seen;
            }
        }
        for (; s.pass < STEAL_TRIES; s.pass++, s.k = 0) {
            boolean runnextToo = s.pass == STEAL_TRIES - 1;
            for (; s.k < s.order.length; s.k++) {
                P p2 = ps[s.order[s.k]];
                if (p2 == pp || p2.state == P.State.IDLE) {
                    continue;
                }
                Goroutine g = runqsteal(pp, p2, runnextToo);
                if (pp.state == P.State.STEAL_SLEEP) {
                    return null;
                }
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    /**
     * {@code runqsteal}/{@code runqgrab}: the older half of p2's local queue (the last of them runs,
     * the rest join pp's queue); with an empty queue and {@code runnextToo}, p2's runnext, after
     * {@code usleep(3)} if p2 is running, and only if it is still there then.
     */
    private Goroutine runqsteal(P pp, P p2, boolean runnextToo) {
        Steal s = pp.steal;
        int n = p2.runq.size() - p2.runq.size() / 2;
        if (n == 0) {
            if (!runnextToo || p2.runnext == null) {
                return null;
            }
            if (p2.owned()) {
                s.victim = p2;
                s.seen = p2.runnext;
                pp.state = P.State.STEAL_SLEEP;
                pp.wakeAt = pp.clock + USLEEP_NS;
                return null;
            }
            Goroutine g = p2.runnext;
            p2.runnext = null;
            g.p = pp.id;
            return g;
        }
        Goroutine last = null;
        for (int i = 0; i < n; i++) {
            Goroutine g = p2.runq.pollFirst();
            if (last != null) {
                runqput(pp, last, false);
            }
            last = g;
        }
        last.p = pp.id;
        return last;
    }

    // ---- the discrete-event loop -----------------------------------------------------------

    /**
     * The P that does something next: the one whose clock (or wake-up time) is earliest, a P whose
     * M has scheduling to do before one that runs a goroutine at the same time; null if all are idle.
     */
    P earliest() {
        P best = null;
        for (P pp : ps) {
            if (pp.state == P.State.IDLE) {
                continue;
            }
            if (best == null || pp.due() < best.due()
                    || pp.due() == best.due() && best.state == P.State.RUNNING && pp.state != P.State.RUNNING) {
                best = pp;
            }
        }
        return best;
    }

    /**
     * How long {@code pp} may run before another P has its turn, in nanoseconds of its clock;
     * {@link Long#MAX_VALUE} when no other P has anything to do.
     */
    long slice(P pp) {
        long next = Long.MAX_VALUE;
        for (P q : ps) {
            if (q != pp && q.state != P.State.IDLE) {
                next = Math.min(next, q.due());
            }
        }
        if (next == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(next - pp.clock, 0) + SLICE_NS / 2 + rng.nextInt((int) SLICE_NS);
    }

    /** The running P's M stopped running Go code (its goroutine blocked, exited or yielded). */
    void stopped(P pp) {
        pp.current = null;
        pp.state = P.State.SCHEDULING;
    }

    /** {@code execute}: g runs on pp; {@code schedtick} advances unless g inherits the time slice. */
    void execute(P pp, Goroutine g, boolean inheritTime) {
        if (!inheritTime) {
            pp.schedtick++;
        }
        g.p = pp.id;
        pp.current = g;
        pp.state = P.State.RUNNING;
        pp.clock += SWITCH_NS;
    }

    /** A waking or sleeping P's time has come: its M looks for work from here. */
    void wake(P pp) {
        pp.clock = Math.max(pp.clock, pp.wakeAt);
        pp.state = P.State.SCHEDULING;
    }
}
