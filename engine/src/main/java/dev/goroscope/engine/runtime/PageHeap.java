package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.HeapEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The page heap ({@code mheap}): address space in 8 KiB pages from {@link Sys#ARENA_BASE} up.
 *
 * <p>Spans are allocated first-fit by address, as Go's page allocator finds the lowest free
 * run. The heap grows in 4 MiB steps ({@code mheap.grow} rounds up to 512 pages); fresh memory
 * counts as released until used. Freed pages are idle (HeapIdle) until {@link #scavengeAll}
 * releases them. The heap refuses to grow past the machine size: that is the runtime's
 * out-of-memory fatal error, never a JVM one.
 *
 * <p>Accounting follows mstats.go: {@code StackInuse} is the bytes of stack spans, {@code HeapInuse}
 * the bytes of heap spans, {@code HeapSys = HeapInuse + HeapIdle} (stacks excluded).
 */
public final class PageHeap {
    private static final long GROW_PAGES = 512;

    private final long machineBytes;
    private final EventSink sink;
    /** Free runs: base -> npages. Adjacent runs are always coalesced. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Free runs that are released to the OS: base -> npages (a subset view by base). */
    private final TreeMap<Long, Long> released = new TreeMap<>();
    private Span[] pageMap = new Span[1024];
    private long arenaPages;
    private long stackInuse;
    private long heapInuse;
    private long releasedBytes;

    public PageHeap(long machineBytes, EventSink sink) {
        this.machineBytes = machineBytes;
        this.sink = sink;
    }

    /**
     * Allocates {@code npages} and builds the span over them with {@code make(base)}.
     *
     * @throws GoFatal "out of memory" when the machine has no room left
     */
    public <S extends Span> S alloc(long npages, LongFunction<S> make) {
        long base = findRun(npages);
        if (base < 0) {
            grow(npages);
            base = findRun(npages);
        }
        take(base, npages);
        S s = make.apply(base);
        if (s.npages() != npages || s.base() != base) {
            throw new IllegalStateException("span does not match the pages allocated for it");
        }
        long first = (base - Sys.ARENA_BASE) >>> Sys.PAGE_SHIFT;
        for (long i = 0; i < npages; i++) {
            pageMap[(int) (first + i)] = s;
        }
        if (s.kind().isStack()) {
            stackInuse += s.bytes();
        } else {
            heapInuse += s.bytes();
        }
        sink.emit(new HeapEvent.SpanAllocated(base, npages, s.kind(), s.sizeClass()));
        return s;
    }

    /** Returns a span's pages to the heap ({@code freeManual} / {@code freeSpan}). */
    public void free(Span s) {
        long first = (s.base() - Sys.ARENA_BASE) >>> Sys.PAGE_SHIFT;
        for (long i = 0; i < s.npages(); i++) {
            if (pageMap[(int) (first + i)] != s) {
                throw new IllegalStateException("free of a span that is not mapped: " + s);
            }
            pageMap[(int) (first + i)] = null;
        }
        if (s.kind().isStack()) {
            stackInuse -= s.bytes();
        } else {
            heapInuse -= s.bytes();
        }
        insertFree(s.base(), s.npages());
        sink.emit(new HeapEvent.SpanFreed(s.base(), s.npages(), s.kind(), s.sizeClass()));
    }

    /** The span holding {@code addr}, or null ({@code spanOf}). */
    public Span spanOf(long addr) {
        long page = (addr - Sys.ARENA_BASE) >> Sys.PAGE_SHIFT;
        if (addr < Sys.ARENA_BASE || page >= arenaPages) {
            return null;
        }
        return pageMap[(int) page];
    }

    /** {@code debug.FreeOSMemory} / the scavenger: release every idle page. Returns bytes released. */
    public long scavengeAll() {
        long before = releasedBytes;
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            markReleased(e.getKey(), e.getValue());
        }
        long n = releasedBytes - before;
        if (n > 0) {
            sink.emit(new HeapEvent.Scavenged(n, before));
        }
        return n;
    }

    public long stackInuse() {
        return stackInuse;
    }

    public long heapInuse() {
        return heapInuse;
    }

    /** Free heap pages, released or not ({@code HeapIdle}). */
    public long heapIdle() {
        return (arenaPages << Sys.PAGE_SHIFT) - heapInuse - stackInuse;
    }

    public long heapReleased() {
        return releasedBytes;
    }

    /** {@code HeapSys}: heap memory obtained from the OS, stacks excluded. */
    public long heapSys() {
        return heapInuse + heapIdle();
    }

    /** All mapped arena bytes, stacks included. */
    public long mappedBytes() {
        return arenaPages << Sys.PAGE_SHIFT;
    }

    private long findRun(long npages) {
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            if (e.getValue() >= npages) {
                return e.getKey();
            }
        }
        return -1;
    }

    private void grow(long npages) {
        long ask = (npages + GROW_PAGES - 1) / GROW_PAGES * GROW_PAGES;
        long newPages = arenaPages + ask;
        if ((newPages << Sys.PAGE_SHIFT) > machineBytes) {
            long want = npages << Sys.PAGE_SHIFT;
            throw GoFatal.thrown("out of memory",
                    "runtime: out of memory: cannot allocate " + want + "-byte block ("
                            + mappedBytes() + " in use)");
        }
        if (newPages > pageMap.length) {
            long len = Math.max(newPages, (long) pageMap.length * 2);
            if (len > Integer.MAX_VALUE - 8) {
                throw GoFatal.thrown("out of memory", "runtime: address space exhausted");
            }
            pageMap = java.util.Arrays.copyOf(pageMap, (int) len);
        }
        long base = Sys.ARENA_BASE + (arenaPages << Sys.PAGE_SHIFT);
        sink.emit(new HeapEvent.ArenaGrew(arenaPages << Sys.PAGE_SHIFT, newPages << Sys.PAGE_SHIFT));
        arenaPages = newPages;
        insertFree(base, ask);
        markReleased(base, ask);
    }

    private void take(long base, long npages) {
        long run = free.remove(base);
        if (run > npages) {
            free.put(base + (npages << Sys.PAGE_SHIFT), run - npages);
        }
        unrelease(base, npages);
    }

    private void insertFree(long base, long npages) {
        long end = base + (npages << Sys.PAGE_SHIFT);
        Map.Entry<Long, Long> lower = free.lowerEntry(base);
        if (lower != null && lower.getKey() + (lower.getValue() << Sys.PAGE_SHIFT) == base) {
            base = lower.getKey();
            npages += lower.getValue();
            free.remove(lower.getKey());
        }
        Long next = free.get(end);
        if (next != null) {
            free.remove(end);
            npages += next;
        }
        free.put(base, npages);
    }

    /** Marks [base, base+npages) released, page by page, keeping the released map disjoint. */
    private void markReleased(long base, long npages) {
        unrelease(base, npages);
        released.put(base, npages);
        releasedBytes += npages << Sys.PAGE_SHIFT;
    }

    /** Removes [base, base+npages) from the released set (the pages are in use again). */
    private void unrelease(long base, long npages) {
        long end = base + (npages << Sys.PAGE_SHIFT);
        Map.Entry<Long, Long> e = released.lowerEntry(end);
        while (e != null) {
            long rb = e.getKey();
            long re = rb + (e.getValue() << Sys.PAGE_SHIFT);
            if (re <= base) {
                break;
            }
            released.remove(rb);
            releasedBytes -= re - rb;
            if (rb < base) {
                released.put(rb, (base - rb) >>> Sys.PAGE_SHIFT);
                releasedBytes += base - rb;
            }
            if (re > end) {
                released.put(end, (re - end) >>> Sys.PAGE_SHIFT);
                releasedBytes += re - end;
            }
            e = released.lowerEntry(rb);
        }
    }
}
