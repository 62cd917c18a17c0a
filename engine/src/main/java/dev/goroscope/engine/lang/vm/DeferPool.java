package dev.goroscope.engine.lang.vm;

import java.util.ArrayDeque;

/**
 * Heap defer records ({@code runtime._defer}, for defers in loops) and their pools, as
 * runtime/panic.go keeps them: {@code newdefer} takes one from the P's pool, refilling it from
 * the scheduler's central pool, and allocates only when both are empty; {@code freedefer} puts
 * it back, moving half of a full P pool (32) to the central one; {@code clearpools} drops the
 * central pool at every GC, leaving the P's. Pending and pooled records are runtime roots (the
 * goroutine's defer chain and the pools reach them), so the collector keeps them.
 */
final class DeferPool {
    /** {@code sizeof(runtime._defer)} on amd64 in 1.19: three bools and eight words. */
    static final long RECORD_BYTES = 72;
    /** {@code len(p.deferpoolbuf)}: the P's pool holds at most 32 records. */
    static final int CAP = 32;

    /** {@code p.deferpool}. */
    final ArrayDeque<Long> local = new ArrayDeque<>();
    /** {@code sched.deferpool}. */
    final ArrayDeque<Long> central = new ArrayDeque<>();
    private boolean hooked;

    /** {@code newdefer}: a heap record from the P's pool, refilled from the central pool, else a new one. */
    static long newdefer(Machine.Thread t) {
        Machine m = t.machine;
        DeferPool pool = m.deferPool;
        if (!pool.hooked) {
            pool.hooked = true;
            m.rt.onSweepTermination(() -> {
                for (long d : pool.central) {
                    m.rt.removeRoot(d); // clearpools drops the central pool; the P's stays
                }
                pool.central.clear();
            });
        }
        if (pool.local.isEmpty()) {
            while (pool.local.size() < CAP / 2 && !pool.central.isEmpty()) {
                pool.local.addLast(pool.central.pollFirst());
            }
        }
        Long d = pool.local.pollLast();
        if (d != null) {
            return d;
        }
        long a = m.rt.allocForRuntime(t.g, RECORD_BYTES, 4, "runtime._defer");
        m.rt.addRoot(a); // reached from g._defer while pending, from the pools when free
        return a;
    }

    /** {@code freedefer}: clear {@code fn} and give the record back to the P's pool (half of a full one moves on). */
    static void freedefer(Machine.Thread t, long d) {
        DeferPool pool = t.machine.deferPool;
        t.machine.rt.store(t.g, d, 0, 0);
        if (pool.local.size() == CAP) {
            while (pool.local.size() > CAP / 2) {
                pool.central.addFirst(pool.local.pollLast());
            }
        }
        pool.local.addLast(d);
    }
}
