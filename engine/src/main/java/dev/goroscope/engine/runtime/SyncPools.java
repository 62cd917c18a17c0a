package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What {@code sync.Pool} allocates for itself (sync/pool.go {@code pinSlow}, {@code poolCleanup})
 * and fmt's pool of printers ({@code ppFree}).
 *
 * <p>A pool's first {@code Get} or {@code Put} after a GC finds no per-P array: {@code pinSlow}
 * makes one ({@code make([]poolLocal, GOMAXPROCS)}, 128 bytes a P) and appends the pool to
 * {@code allPools}, whose backing array grows as {@code append} grows it. At every cycle's sweep
 * termination {@code poolCleanup} makes each pool's array its victim (dropping the previous
 * victim), and starts {@code allPools} afresh, so the next use pins again and allocates again.
 * fmt registers its own pool the same way the first time it prints, and takes a printer
 * ({@code fmt.pp}, 208 bytes) from it, allocating one when the pool is empty; that is why a
 * program's first {@code sync.Pool} use allocates 16 bytes for {@code allPools}, not 8
 * (lesson 11: 4 allocations, 4,264 bytes, under go1.19.8).
 */
final class SyncPools {
    private static final long POOL_LOCAL_SIZE = 128;
    private static final long PP_SIZE = 208;

    private final GoRuntime rt;
    /** Each pool's per-P array and its victim (addresses; 0 for none). */
    private final Map<Object, long[]> locals = new IdentityHashMap<>();
    private long allPools;
    private int allPoolsLen;
    private int allPoolsCap;
    private long oldPools;
    private final Object fmtPool = new Object();
    private final ArrayDeque<Long> ppPrimary = new ArrayDeque<>();
    private final ArrayDeque<Long> ppVictim = new ArrayDeque<>();

    SyncPools(GoRuntime rt) {
        this.rt = rt;
    }

    /** {@code p.pin()}: the pool's per-P array, made by {@code pinSlow} if it has none. */
    void pin(Goroutine g, Object pool) {
        long[] l = locals.computeIfAbsent(pool, k -> new long[2]);
        if (l[0] != 0) {
            return;
        }
        int procs = rt.gomaxprocs();
        l[0] = rt.heap.forRuntime(() -> rt.mutatorAlloc(g, POOL_LOCAL_SIZE * procs, 4 * procs, "[]sync.poolLocal"));
        rt.addRoot(l[0]);
        if (allPoolsLen == allPoolsCap) {
            int newCap = allPoolsCap == 0 ? 1 : allPoolsCap < 256 ? 2 * allPoolsCap : allPoolsCap + (allPoolsCap + 768) / 4;
            newCap = (int) (SizeClasses.roundUpSize(8L * newCap) / Sys.PTR_SIZE);
            int n = newCap;
            long array = rt.heap.forRuntime(() -> rt.mutatorAlloc(g, 8L * n, n, "[]*sync.Pool"));
            rt.addRoot(array);
            if (allPools != 0) {
                rt.removeRoot(allPools);
            }
            allPools = array;
            allPoolsCap = newCap;
        }
        allPoolsLen++;
    }

    /** {@code poolCleanup}, with the world stopped at sweep termination. */
    void cleanup() {
        for (long[] l : locals.values()) {
            if (l[1] != 0) {
                rt.removeRoot(l[1]);
            }
            l[1] = l[0];
            l[0] = 0;
        }
        if (oldPools != 0) {
            rt.removeRoot(oldPools);
        }
        oldPools = allPools;
        allPools = 0;
        allPoolsLen = 0;
        allPoolsCap = 0;
        for (long pp : ppVictim) {
            rt.removeRoot(pp);
        }
        ppVictim.clear();
        ppVictim.addAll(ppPrimary);
        ppPrimary.clear();
    }

    /**
     * fmt's {@code newPrinter} and {@code p.free}: a printer from {@code ppFree} (a new one when
     * the pool is empty), given back once the text is formatted.
     */
    void fmtPrinter(Goroutine g) {
        pin(g, fmtPool);
        Long pp = ppPrimary.pollLast();
        if (pp == null) {
            pp = ppVictim.pollLast();
        }
        if (pp == null) {
            pp = rt.heap.forRuntime(() -> rt.mutatorAlloc(g, PP_SIZE, (int) (PP_SIZE / Sys.PTR_SIZE), "fmt.pp"));
            rt.addRoot(pp);
        }
        ppPrimary.addLast(pp);
    }
}
