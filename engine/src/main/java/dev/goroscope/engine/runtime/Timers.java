package dev.goroscope.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Timers on the virtual clock (time.go, {@code checkTimers}): sleeping goroutines
 * ({@code time.Sleep}) and {@link Ticker}s. Ties fire in the order the timers were set, so runs
 * stay deterministic.
 *
 * <p>Due timers run whenever the scheduler runs ({@link #runDue}: at every scheduling point and
 * preemption check, as {@code schedule} calls {@code checkTimers}); when nothing can run, the
 * clock jumps to the next timer ({@link #advance}). A sleeping M never wakes exactly on time:
 * it wakes {@link #WAKE_SLACK} late, the OS's timer slack, and fires every timer due by then in
 * one batch; a tick carries the time it was sent, as {@code sendTime} sends {@code Now()}, a
 * little after the tick was due. The goroutines a batch makes ready go to the
 * {@code runnext} of the P running it, each one pushing the previous to the back of its run
 * queue ({@code goready} puts the readied goroutine in {@code runnext}), and that P runs first.
 *
 * <p>Each P keeps its timers in {@code pp.timers}, a {@code []*timer} that grows by
 * {@code append} (allocating) and that holds every timer in it alive. A stopped timer stays
 * there, deleted, until it reaches the head ({@code cleantimers} when a timer is added, or its
 * time passes) or deleted timers make up a quarter of the heap ({@code clearDeletedTimers}); a
 * fired one-shot leaves at once. A goroutine's first {@code time.Sleep} allocates its timer
 * ({@code gp.timer}, 80 bytes), which its G keeps for good.
 */
final class Timers {
    /** How late an idle M wakes for its next timer: Linux's default timer slack, 50 µs. */
    static final long WAKE_SLACK = 50_000;
    /** {@code sizeof(runtime.timer)} rounded to its size class. */
    private static final long TIMER_SIZE = 80;

    /** A queued firing: wakes {@code g}, or runs {@code action}; {@code p} is the P whose heap holds it. */
    record Timer(long when, long seq, int p, Goroutine g, Runnable action) {}

    /** One P's {@code pp.timers}: what is in it (Tickers and sleeping goroutines) and its array. */
    private static final class Heap {
        final List<Object> entries = new ArrayList<>();
        final Map<Object, Long> when = new HashMap<>();
        long array;
        int cap;
        int deleted;
    }

    private final GoRuntime rt;
    private final PriorityQueue<Timer> q = new PriorityQueue<>((a, b) ->
            a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.seq, b.seq));
    private long seq;
    private final Map<Integer, Heap> heaps = new HashMap<>();
    /** Each G struct's {@code gp.timer}, by the struct's address (or the goroutine's negated id). */
    private final Map<Long, Long> sleepTimers = new HashMap<>();
    /** While a batch fires: the P whose runnext receives the goroutines it readies; else -1. */
    int firingP = -1;

    Timers(GoRuntime rt) {
        this.rt = rt;
    }

    private Heap heap(int p) {
        return heaps.computeIfAbsent(p, k -> new Heap());
    }

    /** {@code time.Sleep}: wakes {@code g} at {@code when}; the G's timer is made on first use. */
    void sleep(Goroutine g, long when) {
        long key = g.gstruct != 0 ? g.gstruct : -g.id;
        if (!sleepTimers.containsKey(key)) {
            long t = rt.heap.forRuntime(() -> rt.mutatorAlloc(g, TIMER_SIZE, 0, "runtime.timer"));
            rt.addRoot(t); // held by the G, which is never freed
            sleepTimers.put(key, t);
        }
        add(g, g.p, g, when);
        q.add(new Timer(when, seq++, g.p, g, null));
    }

    /**
     * {@code moveTimers} in {@code procresize}: the timers of Ps that go away join P {@code to}'s
     * heap (appended as {@code addtimer} would, by {@code caller}); deleted ones are dropped.
     */
    void procresize(int n, int to, Goroutine caller) {
        List<Timer> moved = new ArrayList<>();
        for (java.util.Iterator<Timer> it = q.iterator(); it.hasNext(); ) {
            Timer t = it.next();
            if (t.p() >= n) {
                it.remove();
                moved.add(t);
            }
        }
        for (Timer t : moved) {
            q.add(new Timer(t.when(), t.seq(), to, t.g(), t.action()));
        }
        for (int p : new ArrayList<>(heaps.keySet())) {
            if (p < n) {
                continue;
            }
            Heap h = heaps.remove(p);
            if (h.array != 0) {
                rt.removeRoot(h.array);
            }
            for (Object e : h.entries) {
                if (e instanceof Ticker t) {
                    if (t.deleted) {
                        t.deleted = false;
                        t.heapP = -1;
                        rt.removeRoot(t.addr);
                        continue;
                    }
                    t.heapP = to;
                }
                add(caller, to, e, h.when.get(e));
            }
        }
    }

    boolean isEmpty() {
        return q.isEmpty();
    }

    long next() {
        return q.peek().when;
    }

    /** {@code addtimer} into P {@code p}'s heap: deleted timers at its head leave first, then append. */
    private void add(Goroutine g, int p, Object entry, long when) {
        Heap h = heap(p);
        cleanHead(h);
        if (h.entries.size() == h.cap) {
            // append's growslice for 8-byte elements: double, then round up to a size class.
            int need = h.entries.size() + 1;
            int newCap = h.cap == 0 ? 1 : h.cap < 256 ? Math.max(2 * h.cap, need) : h.cap + (h.cap + 768) / 4;
            newCap = (int) (SizeClasses.roundUpSize(8L * newCap) / 8);
            int n = newCap;
            long array = rt.heap.forRuntime(() -> rt.mutatorAlloc(g, 8L * n, n, "[]*runtime.timer"));
            rt.addRoot(array);
            if (h.array != 0) {
                rt.removeRoot(h.array);
            }
            h.array = array;
            h.cap = newCap;
        }
        h.entries.add(entry);
        h.when.put(entry, when);
    }

    private void remove(Heap h, Object entry) {
        if (h.entries.remove(entry)) {
            h.when.remove(entry);
            if (entry instanceof Ticker t) {
                if (t.deleted) {
                    h.deleted--;
                }
                t.deleted = false;
                t.heapP = -1;
                rt.removeRoot(t.addr);
            }
        }
    }

    /** {@code cleantimers}: deleted timers at the head of the heap leave it. */
    private void cleanHead(Heap h) {
        while (!h.entries.isEmpty()) {
            Object head = h.entries.get(0);
            for (Object e : h.entries) {
                if (h.when.get(e) < h.when.get(head)) {
                    head = e;
                }
            }
            if (!(head instanceof Ticker t && t.deleted)) {
                return;
            }
            remove(h, head);
        }
    }

    /** {@code clearDeletedTimers}, once deleted timers are more than a quarter of a heap. */
    private void clearDeleted() {
        for (Heap h : heaps.values()) {
            if (h.deleted > 0 && h.deleted > h.entries.size() / 4) {
                for (Object e : new ArrayList<>(h.entries)) {
                    if (e instanceof Ticker t && t.deleted) {
                        remove(h, e);
                    }
                }
            }
        }
    }

    /** Arms (or re-arms: {@code modtimer}) {@code t} to fire at {@code when} from goroutine {@code g}. */
    void arm(Goroutine g, Ticker t, long when) {
        if (t.heapP >= 0) {
            Heap h = heap(t.heapP);
            if (t.deleted) {
                t.deleted = false;
                h.deleted--;
            }
            h.when.put(t, when);
        } else {
            add(g, g.p, t, when);
            t.heapP = g.p;
            rt.addRoot(t.addr);
        }
        t.pending = true;
        t.when = when;
        int gen = ++t.gen;
        int p = t.heapP;
        q.add(new Timer(when, seq++, p, null, () -> fire(t, gen)));
    }

    /** {@code deltimer}: true if the timer was pending (so this call stopped it). */
    boolean stop(Ticker t) {
        boolean was = t.pending;
        t.pending = false;
        if (was && t.heapP >= 0) {
            t.deleted = true;
            heap(t.heapP).deleted++;
        }
        return was;
    }

    private void fire(Ticker t, int gen) {
        if (gen != t.gen) {
            return; // re-armed since: a later firing stands for it
        }
        if (!t.pending) {
            if (t.deleted && t.heapP >= 0) {
                remove(heap(t.heapP), t); // stopped: its time has come, so it leaves the heap
            }
            return;
        }
        if (t.period > 0) {
            if (t.c.len() < t.c.cap()) {
                rt.timerSend(t.c, t.value.apply(rt.clock));
            }
            // A late tick re-arms for the next period still ahead, skipping missed ones (runOneTimer).
            long late = rt.clock - t.when;
            t.when += t.period * (1 + late / t.period);
            heap(t.heapP).when.put(t, t.when);
            int next = ++t.gen;
            q.add(new Timer(t.when, seq++, t.heapP, null, () -> fire(t, next)));
            return;
        }
        t.pending = false;
        remove(heap(t.heapP), t);
        if (t.f != null) {
            t.f.run(); // goFunc: the function starts in a goroutine of its own
        } else if (t.c.len() < t.c.cap()) {
            rt.timerSend(t.c, t.value.apply(rt.clock));
        }
    }

    /** P {@code p} fires every timer due by now; returns p, or -1 if none was due. */
    int runDue(int p) {
        clearDeleted();
        if (q.isEmpty() || q.peek().when > rt.clock) {
            return -1;
        }
        firingP = p;
        try {
            while (!q.isEmpty() && q.peek().when <= rt.clock) {
                run(q.poll());
            }
        } finally {
            firingP = -1;
        }
        return p;
    }

    /**
     * Nothing can run: the M sleeps until the next timer and wakes {@link #WAKE_SLACK} late; every
     * timer due by then fires on P {@code p}.
     */
    void advance(int p) {
        rt.advanceClock(q.peek().when + WAKE_SLACK);
        runDue(p);
    }

    private void run(Timer t) {
        if (t.g() != null) {
            remove(heap(t.p()), t.g());
            rt.ready(t.g());
        } else {
            t.action().run();
        }
    }
}
