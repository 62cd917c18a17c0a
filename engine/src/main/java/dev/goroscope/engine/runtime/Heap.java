package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * The garbage-collected heap: {@code mallocgc}, the {@code mcentral}s, and the sweeper, over
 * the page heap ({@code mheap}).
 *
 * <p>Small objects (up to 32 KiB) go into slots of their size class ({@link SizeClasses}), in
 * spans owned by the {@link MCentral} of their span class; large objects get a span of their
 * own, whole pages, size class 0.
 *
 * <p>Where a new object goes ({@code mcentral.cacheSpan}): the current span while it has a free
 * slot; else a swept span with free slots (lowest address first, to keep runs deterministic);
 * else sweep unswept spans of the class, lowest address first, and take the first that ends up
 * with room, giving up after 100 ({@code spanBudget}); else a fresh span from the page heap.
 * Before taking pages for any span while sweeping is unfinished, {@code mheap.alloc} first
 * reclaims at least as many pages by sweeping spans that have no marked object at all
 * ({@code mheap.reclaim}), so the heap does not grow while garbage waits to be swept (§4.8).
 *
 * <p>Sweeping (§4.8): mark termination calls {@link #startSweepCycle}, which is
 * {@code sweepgen += 2}: every span is now two generations behind and needs sweeping. Spans are
 * swept lazily by allocation, by the background sweeper ({@link #sweepOne}) or all at once
 * ({@link #finishSweep}, which the next cycle must call before it marks, §4.2 step 1). Sweeping a
 * span frees every unmarked object, turns survivors white again and returns a span left empty to
 * the page heap. Each swept span that held objects yields one {@code SpanSwept} event, emitted
 * before the {@code SpanFreed} of the page heap if the span is left empty; a span that held none
 * (only quarantined slots, below) is swept silently.
 *
 * <p>Deviation: an object freed while still reachable ({@link HeapObject#lost}) is quarantined:
 * its slot is never reused and its span never returned, so that a later use of the dangling
 * pointer can be diagnosed with {@link #lostObjectAt} ("found pointer to free object", §7).
 * Real Go would reuse the slot and corrupt memory silently. The statistics count it freed, as
 * Go would.
 *
 * <p>Whose object it is ({@link HeapObject#runtime}): Go does not record it, but a viewer must
 * tell the program's objects from the runtime's. An allocation is the runtime's when it is made
 * outside any goroutine (goid 0: G structs), on one of the runtime's own goroutines (a mark
 * worker's node), or inside {@link #forRuntime} (library code allocating for itself on the
 * program's goroutine: fmt's printers, sync.Pool's arrays, timers).
 *
 * <p>Other simplifications: one mcache for all Ps ({@link MCentral}); no tiny allocator and no
 * {@code zerobase} ({@link SizeClasses}); no proportional sweep ({@code deductSweepCredit}): the
 * engine decides when the background sweeper runs; sweeping in address order rather than in
 * span-set order, so that every run is reproducible.
 */
public final class Heap {
    /** {@code spanBudget} in {@code mcentral.cacheSpan}. */
    private static final int SPAN_BUDGET = 100;

    private final PageHeap pages;
    private final EventSink sink;
    private final MCentral[] central = new MCentral[MCentral.NUM_SPAN_CLASSES];
    /** Every in-use heap span, by base. */
    private final TreeMap<Long, HeapSpan> spans = new TreeMap<>();
    /** Every span that needs sweeping, by base. */
    private final TreeMap<Long, HeapSpan> unswept = new TreeMap<>();
    /** {@code mheap_.sweepgen}. */
    private long sweepgen;
    /** {@code reclaimIndex}: where {@code reclaim} goes on looking this cycle. */
    private long reclaimCursor;

    /** Nesting depth of {@link #forRuntime}. */
    private int runtimeUse;
    /** Whether a goid is one of the runtime's own goroutines ({@link #runtimeGoroutines}). */
    private LongPredicate runtimeGoroutine = gid -> false;

    private long heapAlloc;
    private long heapObjects;
    private long mallocs;
    private long frees;
    private long totalAlloc;
    private long heapLive;

    public Heap(PageHeap pages, EventSink sink) {
        this.pages = Objects.requireNonNull(pages);
        this.sink = Objects.requireNonNull(sink);
        for (int i = 0; i < central.length; i++) {
            central[i] = new MCentral();
        }
    }

    /**
     * {@code mallocgc}: allocates an object of {@code size} bytes with {@code nptrs} pointer fields.
     *
     * @param black allocate it marked and scanned, as during mark (§4.5)
     * @param gid   the allocating goroutine (it also does any lazy sweeping)
     * @throws IllegalArgumentException if the pointer fields do not fit in {@code size}
     * @throws GoFatal "out of memory" when the page heap cannot grow
     */
    public HeapObject mallocgc(long size, int nptrs, String typeName, boolean black, long gid) {
        Objects.requireNonNull(typeName);
        if (size < 0 || nptrs < 0 || (long) nptrs * Sys.PTR_SIZE > size) {
            throw new IllegalArgumentException("bad allocation: " + size + " bytes with " + nptrs + " pointers");
        }
        boolean noscan = nptrs == 0;
        boolean runtime = gid == 0 || runtimeUse > 0 || runtimeGoroutine.test(gid);
        HeapObject o;
        if (size > Sys.MAX_SMALL_SIZE) {
            long npages = Sys.pagesFor(size);
            HeapSpan s = allocSpan(npages, 0, noscan, npages << Sys.PAGE_SHIFT, 1, gid);
            o = place(s, 0, size, typeName, nptrs, runtime);
        } else {
            int c = SizeClasses.sizeToClass(size);
            MCentral k = central[MCentral.spanClass(c, noscan)];
            if (k.current == null || !k.current.hasFree()) {
                k.current = cacheSpan(k, c, noscan, gid);
            }
            o = place(k.current, k.current.nextFreeIndex(), size, typeName, nptrs, runtime);
        }
        if (black) {
            o.marked = true;
            o.scanned = true;
        }
        heapAlloc += o.elemSize;
        heapObjects++;
        mallocs++;
        totalAlloc += o.elemSize;
        heapLive += o.elemSize;
        sink.emit(new HeapEvent.ObjectAllocated(o.addr, o.size, o.elemSize, o.sizeClass, nptrs, typeName, black, gid,
                runtime));
        return o;
    }

    /**
     * Runs {@code alloc}, whose allocations the runtime or a library makes for its own use although
     * a goroutine of the program runs it (fmt's printer, a pool's per-P array, a timer): they are
     * the runtime's objects ({@link HeapObject#runtime}).
     */
    long forRuntime(LongSupplier alloc) {
        runtimeUse++;
        try {
            return alloc.getAsLong();
        } finally {
            runtimeUse--;
        }
    }

    /** Tells the runtime's own goroutines (mark workers, the sweeper) by goid: what they allocate is the runtime's. */
    void runtimeGoroutines(LongPredicate isRuntime) {
        runtimeGoroutine = Objects.requireNonNull(isRuntime);
    }

    /** {@code findObject}: the allocated object whose slot contains {@code addr}, or null. */
    public HeapObject findObject(long addr) {
        HeapSpan s = heapSpanOf(addr);
        if (s == null) {
            return null;
        }
        int i = s.slotOf(addr);
        return i < s.nelems ? s.slots[i] : null;
    }

    /** The record of a quarantined (freed while reachable) object whose slot contains {@code addr}. */
    public GcEvent.FreedObject lostObjectAt(long addr) {
        HeapSpan s = heapSpanOf(addr);
        return s == null ? null : s.quarantinedAt(s.slotOf(addr));
    }

    /** The heap span holding {@code addr}, or null ({@code spanOfHeap}). */
    public HeapSpan heapSpanOf(long addr) {
        return pages.spanOf(addr) instanceof HeapSpan s ? s : null;
    }

    /**
     * {@code gcSweep}, called at mark termination: {@code sweepgen += 2}, so every span becomes
     * "needs sweeping". The mcache spans are given back first, as {@code forEachP} flushes them.
     *
     * @throws IllegalStateException if the previous cycle's sweep was not finished
     */
    public void startSweepCycle() {
        if (!unswept.isEmpty()) {
            throw new IllegalStateException(unswept.size()
                    + " spans are still unswept: finishSweep() must run before marking (§4.2 step 1)");
        }
        sweepgen += 2;
        for (MCentral k : central) {
            k.current = null;
            k.partial.clear();
        }
        for (HeapSpan s : spans.values()) {
            assert s.sweepgen == sweepgen - 2;
            unswept.put(s.base(), s);
            if (s.sizeClass() != 0) {
                central[MCentral.spanClass(s.sizeClass(), s.noscan)].unswept.put(s.base(), s);
            }
        }
        reclaimCursor = 0;
    }

    /** {@code sweepone}: sweeps the lowest unswept span. False when none is left. */
    public boolean sweepOne(long gid) {
        Map.Entry<Long, HeapSpan> e = unswept.firstEntry();
        if (e == null) {
            return false;
        }
        sweep(e.getValue(), gid);
        return true;
    }

    /** {@code finishsweep_m}: sweeps every span left, on behalf of the runtime (gid 0). */
    public void finishSweep() {
        while (sweepOne(0)) {
            // keep sweeping
        }
    }

    public boolean sweepDone() {
        return unswept.isEmpty();
    }

    /** Spans that still need sweeping this cycle. */
    public int unsweptSpans() {
        return unswept.size();
    }

    /** {@code mheap_.sweepgen}: goes up by 2 per cycle. */
    public long sweepgen() {
        return sweepgen;
    }

    /** Every allocated object, in address order (unmarked ones not yet swept included). */
    public void forEachObject(Consumer<HeapObject> action) {
        for (HeapSpan s : spans.values()) {
            for (HeapObject o : s.slots) {
                if (o != null) {
                    action.accept(o);
                }
            }
        }
    }

    /** In-use heap spans (small and large). */
    public int spanCount() {
        return spans.size();
    }

    /** {@code HeapAlloc}: slot bytes of allocated objects, unswept garbage included. */
    public long heapAlloc() {
        return heapAlloc;
    }

    /** {@code HeapObjects}. */
    public long heapObjects() {
        return heapObjects;
    }

    /** {@code Mallocs}: objects ever allocated. */
    public long mallocs() {
        return mallocs;
    }

    /** {@code Frees}: objects ever freed by the sweeper. */
    public long frees() {
        return frees;
    }

    /** {@code TotalAlloc}: slot bytes ever allocated. */
    public long totalAlloc() {
        return totalAlloc;
    }

    /** {@code gcController.heapLive}: marked bytes at the last mark termination plus every allocation since. */
    public long heapLive() {
        return heapLive;
    }

    /** The collector sets {@code heapLive} to the bytes it marked, at mark termination. */
    public void setHeapLive(long bytes) {
        heapLive = bytes;
    }

    private HeapObject place(HeapSpan s, int i, long size, String typeName, int nptrs, boolean runtime) {
        HeapObject o = new HeapObject(s.slotAddr(i), size, s.elemSize, s.sizeClass(), typeName, nptrs, runtime);
        s.slots[i] = o;
        s.allocCount++;
        s.freeIndex = i + 1;
        return o;
    }

    /** {@code mcentral.cacheSpan}: a span of the class with a free slot. */
    private HeapSpan cacheSpan(MCentral k, int c, boolean noscan, long gid) {
        Map.Entry<Long, HeapSpan> e = k.partial.pollFirstEntry();
        if (e != null) {
            return e.getValue();
        }
        for (int budget = SPAN_BUDGET; budget >= 0 && !k.unswept.isEmpty(); budget--) {
            HeapSpan s = k.unswept.firstEntry().getValue();
            sweep(s, gid);
            if (k.partial.remove(s.base()) != null) {
                return s;
            }
        }
        long npages = SizeClasses.classToPages(c);
        return allocSpan(npages, c, noscan, SizeClasses.classToSize(c), (int) SizeClasses.objectsPerSpan(c), gid);
    }

    /** {@code mheap.alloc}: reclaim first if sweeping is unfinished, then take pages. */
    private HeapSpan allocSpan(long npages, int c, boolean noscan, long elemSize, int nelems, long gid) {
        reclaim(npages, gid);
        long gen = sweepgen;
        HeapSpan s = pages.alloc(npages, base -> new HeapSpan(base, npages, c, noscan, elemSize, nelems, gen));
        spans.put(s.base(), s);
        return s;
    }

    /**
     * {@code mheap.reclaim}: sweeps unswept spans holding no marked object (all garbage), in
     * address order from where it stopped last time, until {@code npages} pages were freed.
     */
    private void reclaim(long npages, long gid) {
        long freed = 0;
        while (freed < npages) {
            Map.Entry<Long, HeapSpan> e = unswept.ceilingEntry(reclaimCursor);
            if (e == null) {
                return;
            }
            HeapSpan s = e.getValue();
            reclaimCursor = s.limit();
            if (s.noneMarked() && sweep(s, gid)) {
                freed += s.npages();
            }
        }
    }

    /**
     * {@code mspan.sweep}: frees the unmarked objects, whitens the survivors, and returns the
     * span to the page heap if nothing is left in it. Returns whether the span was freed.
     */
    private boolean sweep(HeapSpan s, long gid) {
        unswept.remove(s.base());
        MCentral k = s.sizeClass() == 0 ? null : central[MCentral.spanClass(s.sizeClass(), s.noscan)];
        if (k != null) {
            k.unswept.remove(s.base());
        }
        List<GcEvent.FreedObject> freed = new ArrayList<>();
        int survivors = s.sweep(sweepgen, freed);
        for (GcEvent.FreedObject f : freed) {
            heapAlloc -= f.elemSize();
            heapObjects--;
            frees++;
        }
        if (!freed.isEmpty() || survivors > 0) {
            sink.emit(new GcEvent.SpanSwept(s.base(), s.limit(), s.sizeClass(), freed, survivors, gid));
        }
        if (s.allocCount == 0 && s.quarantined == 0) {
            spans.remove(s.base());
            pages.free(s);
            return true;
        }
        if (k != null && s.hasFree()) {
            k.partial.put(s.base(), s);
        }
        return false;
    }
}
