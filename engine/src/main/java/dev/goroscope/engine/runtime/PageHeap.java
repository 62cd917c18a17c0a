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
 * counts as released until used. Freed pages are idle (HeapIdle) until the scavenger
 * ({@link #scavenge}, {@link #scavengeAll}) releases them. The heap refuses to grow past the
 * machine size: that is the runtime's
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
    private long spanCount;
    /** Called after each span took its pages, with the bytes the heap grew for it ({@code allocSpan}'s scavenging). */
    private java.util.function.LongConsumer afterAlloc = growth -> { };
    private long peakSpans;
    /** One past the highest page a span ever held: pages above it were never used. */
    private long usedHighPage;
    /** Spans that took released pages ({@code sysUsed}, one madvise each). */
    private long sysUsedSpans;
    /** Bytes of pages taken by spans that had been used before (the allocator must clear them). */
    private long dirtyBytes;
    /** Of those, bytes that had been released: clearing them faults each page back in. */
    private long faultBytes;

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
        long growth = 0;
        if (base < 0) {
            long before = arenaPages;
            grow(npages);
            growth = (arenaPages - before) << Sys.PAGE_SHIFT;
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
        peakSpans = Math.max(peakSpans, ++spanCount);
        sink.emit(new HeapEvent.SpanAllocated(base, npages, s.kind(), s.sizeClass()));
        afterAlloc.accept(growth);
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
        spanCount--;
        insertFree(s.base(), s.npages());
        sink.emit(new HeapEvent.SpanFreed(s.base(), s.npages(), s.kind(), s.sizeClass()));
    }

    /** Sets what runs after each span allocation (the runtime's scavenging check). */
    void afterAlloc(java.util.function.LongConsumer hook) {
        this.afterAlloc = hook;
    }

    /** The span holding {@code addr}, or null ({@code spanOf}). */
    public Span spanOf(long addr) {
        long page = (addr - Sys.ARENA_BASE) >> Sys.PAGE_SHIFT;
        if (addr < Sys.ARENA_BASE || page >= arenaPages) {
            return null;
        }
        return pageMap[(int) page];
    }

    /** {@code debug.FreeOSMemory}: release every idle page. Returns bytes released. */
    public long scavengeAll() {
        long before = releasedBytes;
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            markReleased(e.getKey(), e.getValue());
        }
        long n = releasedBytes - before;
        if (n > 0) {
            sink.emit(new HeapEvent.Scavenged(n, before, null));
        }
        return n;
    }

    /**
     * The scavenger: releases up to {@code bytes} (whole pages) of idle memory not yet released,
     * from the highest address down. Returns bytes released.
     */
    public long scavenge(long bytes) {
        long before = releasedBytes;
        long done = 0;
        java.util.List<Long> ranges = new java.util.ArrayList<>();
        for (Map.Entry<Long, Long> e = free.lastEntry(); e != null && done < bytes; e = free.lowerEntry(e.getKey())) {
            long base = e.getKey();
            long top = base + (e.getValue() << Sys.PAGE_SHIFT);
            while (top > base && done < bytes) {
                Map.Entry<Long, Long> r = released.lowerEntry(top);
                long rEnd = r == null ? Long.MIN_VALUE : r.getKey() + (r.getValue() << Sys.PAGE_SHIFT);
                if (r != null && rEnd >= top) {
                    top = r.getKey(); // the page below top is released already
                    continue;
                }
                long lo = Math.max(base, rEnd);
                long n = Math.min((top - lo) >>> Sys.PAGE_SHIFT, (bytes - done + Sys.PAGE_SIZE - 1) >>> Sys.PAGE_SHIFT);
                long start = top - (n << Sys.PAGE_SHIFT);
                markReleased(start, n);
                ranges.add(start);
                ranges.add(top);
                done += n << Sys.PAGE_SHIFT;
                top = start;
            }
        }
        if (done > 0) {
            sink.emit(new HeapEvent.Scavenged(done, before, ranges.stream().mapToLong(Long::longValue).toArray()));
        }
        return done;
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
        long end = base + (npages << Sys.PAGE_SHIFT);
        long usedEnd = Math.min(end, Sys.ARENA_BASE + (usedHighPage << Sys.PAGE_SHIFT));
        long rel = releasedIn(base, end);
        if (rel > 0) {
            sysUsedSpans++;
        }
        if (usedEnd > base) {
            dirtyBytes += usedEnd - base;
            faultBytes += releasedIn(base, usedEnd);
        }
        usedHighPage = Math.max(usedHighPage, (end - Sys.ARENA_BASE) >>> Sys.PAGE_SHIFT);
        unrelease(base, npages);
    }

    /** Released bytes in [base, end). */
    private long releasedIn(long base, long end) {
        long n = 0;
        for (Map.Entry<Long, Long> e = released.lowerEntry(end); e != null; e = released.lowerEntry(e.getKey())) {
            long rb = e.getKey();
            long re = rb + (e.getValue() << Sys.PAGE_SHIFT);
            if (re <= base) {
                break;
            }
            n += Math.min(re, end) - Math.max(rb, base);
        }
        return n;
    }

    /** The most spans, heap and stack, ever in use at once (mspan structures are never freed). */
    public long peakSpans() {
        return peakSpans;
    }

    /** Spans so far that took released pages back from the OS. */
    public long sysUsedSpans() {
        return sysUsedSpans;
    }

    /** Bytes so far of reused pages that spans took (to be cleared by the allocator). */
    public long dirtyBytes() {
        return dirtyBytes;
    }

    /** Bytes so far of reused pages that had been released when a span took them. */
    public long faultBytes() {
        return faultBytes;
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
