package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code stackalloc} / {@code stackfree} (stack.go, go-runtime-facts.md §2.4).
 *
 * <p>Stacks below 32 KiB come in four orders (2, 4, 8, 16 KiB). Each P keeps a cache per order,
 * refilled from the global {@code stackpool} until it holds 16 KiB, and drained back to 16 KiB
 * when a free would take it past 32 KiB. The pool carves 32 KiB manual spans into stacks; a
 * span whose stacks are all free goes back to the heap at once, but only while the GC is off
 * (during a cycle it stays, and {@link #freeStackSpans} returns it at the end). Large stacks get
 * whole spans, reused from {@code stackLarge} lists or freed to the heap the same way.
 *
 * <p>Every byte of a stack span counts in {@code StackInuse}, including stacks sitting in caches
 * and pools: that is why 10,000 parked goroutines cost exactly 2 KiB each but one goroutine
 * costs a whole 32 KiB span (§2.9).
 */
public final class StackAllocator {
    private final PageHeap heap;
    private final BooleanSupplier gcOff;
    /** {@code stackpool[order]}: spans that still have free stacks. */
    private final List<ArrayDeque<StackSpan>> pool = new ArrayList<>();
    /** {@code p.mcache.stackcache[order]} for each P. */
    private LongStack[][] cache;
    private long[][] cacheBytes;
    /** {@code stackLarge.free[log2(npages)]}. */
    private final List<ArrayDeque<StackSpan>> large = new ArrayList<>();

    public StackAllocator(PageHeap heap, int nprocs, BooleanSupplier gcOff) {
        this.heap = heap;
        this.gcOff = gcOff;
        for (int i = 0; i < Sys.NUM_STACK_ORDERS; i++) {
            pool.add(new ArrayDeque<>());
        }
        for (int i = 0; i < 40; i++) {
            large.add(new ArrayDeque<>());
        }
        cache = new LongStack[0][];
        cacheBytes = new long[0][];
        resize(nprocs);
    }

    /**
     * {@code procresize}: new Ps get empty caches; a P that goes away returns its cached stacks
     * to the pool first ({@code p.destroy} frees its mcache, {@code stackcache_clear}).
     */
    void resize(int nprocs) {
        int old = cache.length;
        for (int p = nprocs; p < old; p++) {
            clearCache(p);
        }
        cache = java.util.Arrays.copyOf(cache, nprocs);
        cacheBytes = java.util.Arrays.copyOf(cacheBytes, nprocs);
        for (int p = old; p < nprocs; p++) {
            cache[p] = new LongStack[Sys.NUM_STACK_ORDERS];
            cacheBytes[p] = new long[Sys.NUM_STACK_ORDERS];
            for (int o = 0; o < Sys.NUM_STACK_ORDERS; o++) {
                cache[p][o] = new LongStack();
            }
        }
    }

    /** True when a stack of {@code n} bytes comes from the pools rather than a span of its own. */
    public static boolean isPooled(long n) {
        return n < Sys.FIXED_STACK << Sys.NUM_STACK_ORDERS && n < Sys.STACK_CACHE_SIZE;
    }

    /**
     * Allocates a stack of {@code n} bytes (a power of two) and returns its {@code lo}.
     *
     * @param p the P allocating, or -1 when there is none (the global pool is used directly)
     */
    public long stackalloc(long n, int p) {
        if (!Sys.isPowerOfTwo(n) || n < Sys.FIXED_STACK) {
            throw GoFatal.thrown("stack size not a power of 2");
        }
        if (isPooled(n)) {
            int order = order(n);
            if (p < 0) {
                return poolAlloc(order);
            }
            LongStack c = cache[p][order];
            if (c.isEmpty()) {
                cacheRefill(p, order);
            }
            cacheBytes[p][order] -= n;
            return c.pop();
        }
        long npages = n >>> Sys.PAGE_SHIFT;
        int log2 = Long.numberOfTrailingZeros(npages);
        ArrayDeque<StackSpan> l = large.get(log2);
        StackSpan s = l.pollFirst();
        if (s == null) {
            s = heap.alloc(npages, base -> new StackSpan(base, npages, Span.Kind.STACK_LARGE, -1));
        }
        return s.base();
    }

    /**
     * Frees the stack [lo, lo+n) and says where it went, for narration.
     */
    public String stackfree(long lo, long n, int p) {
        if (isPooled(n)) {
            int order = order(n);
            if (p < 0) {
                return poolFree(lo, order) ? "went to the global pool, and its empty span back to the heap"
                                           : "went to the global stack pool";
            }
            String fate = "went to P" + p + "'s stack cache";
            if (cacheBytes[p][order] >= Sys.STACK_CACHE_SIZE) {
                cacheRelease(p, order);
                fate += " (which first gave 16 KiB back to the global pool)";
            }
            cache[p][order].push(lo);
            cacheBytes[p][order] += n;
            return fate;
        }
        StackSpan s = (StackSpan) heap.spanOf(lo);
        if (gcOff.getAsBoolean()) {
            heap.free(s);
            return "span went back to the heap";
        }
        large.get(Long.numberOfTrailingZeros(s.npages())).addLast(s);
        return "went to the large-stack list until the GC ends";
    }

    /**
     * {@code freeStackSpans}, run at the end of every GC: pool spans with no stacks in use and
     * all spans on the large-stack lists go back to the heap.
     */
    public void freeStackSpans() {
        for (ArrayDeque<StackSpan> l : pool) {
            for (Iterator<StackSpan> it = l.iterator(); it.hasNext(); ) {
                StackSpan s = it.next();
                if (s.allocCount == 0) {
                    it.remove();
                    s.onPoolList = false;
                    s.freeList.clear();
                    heap.free(s);
                }
            }
        }
        for (ArrayDeque<StackSpan> l : large) {
            while (!l.isEmpty()) {
                heap.free(l.pollFirst());
            }
        }
    }

    /** {@code stackcache_clear}: returns every cached stack of every P to the pool. */
    public void clearCaches() {
        for (int p = 0; p < cache.length; p++) {
            clearCache(p);
        }
    }

    private void clearCache(int p) {
        for (int o = 0; o < Sys.NUM_STACK_ORDERS; o++) {
            LongStack c = cache[p][o];
            while (!c.isEmpty()) {
                poolFree(c.pop(), o);
            }
            cacheBytes[p][o] = 0;
        }
    }

    /** Bytes of stacks held in per-P caches (they count in StackInuse all the same). */
    public long cachedBytes() {
        long t = 0;
        for (long[] c : cacheBytes) {
            for (long b : c) {
                t += b;
            }
        }
        return t;
    }

    private static int order(long n) {
        return Long.numberOfTrailingZeros(n / Sys.FIXED_STACK);
    }

    /** {@code stackcacherefill}: take stacks from the global pool until the cache holds 16 KiB. */
    private void cacheRefill(int p, int order) {
        long size = 0;
        while (size < Sys.STACK_CACHE_SIZE / 2) {
            cache[p][order].push(poolAlloc(order));
            size += Sys.FIXED_STACK << order;
        }
        cacheBytes[p][order] += size;
    }

    /** {@code stackcacherelease}: give stacks back to the pool until the cache holds 16 KiB. */
    private void cacheRelease(int p, int order) {
        long size = cacheBytes[p][order];
        while (size > Sys.STACK_CACHE_SIZE / 2) {
            poolFree(cache[p][order].pop(), order);
            size -= Sys.FIXED_STACK << order;
        }
        cacheBytes[p][order] = size;
    }

    /** {@code stackpoolalloc}. */
    private long poolAlloc(int order) {
        ArrayDeque<StackSpan> l = pool.get(order);
        StackSpan s = l.peekFirst();
        if (s == null) {
            long npages = Sys.STACK_CACHE_SIZE >>> Sys.PAGE_SHIFT;
            s = heap.alloc(npages, base -> new StackSpan(base, npages, Span.Kind.STACK_POOL, order));
            long step = Sys.FIXED_STACK << order;
            for (long i = 0; i < Sys.STACK_CACHE_SIZE; i += step) {
                s.freeList.push(s.base() + i);
            }
            l.addFirst(s);
            s.onPoolList = true;
        }
        long x = s.freeList.pop();
        s.allocCount++;
        if (s.freeList.isEmpty()) {
            l.remove(s);
            s.onPoolList = false;
        }
        return x;
    }

    /** {@code stackpoolfree}; true when the span became empty and went back to the heap. */
    private boolean poolFree(long x, int order) {
        StackSpan s = (StackSpan) heap.spanOf(x);
        if (s.freeList.isEmpty() && !s.onPoolList) {
            pool.get(order).addFirst(s);
            s.onPoolList = true;
        }
        s.freeList.push(x);
        s.allocCount--;
        if (gcOff.getAsBoolean() && s.allocCount == 0) {
            pool.get(order).remove(s);
            s.onPoolList = false;
            s.freeList.clear();
            heap.free(s);
            return true;
        }
        return false;
    }
}
