package dev.goroscope.engine.runtime;

/**
 * Blocking operations of package sync over {@link SyncState}. Each returns true when the
 * goroutine may go on, false when it parked (it is made ready when the primitive is released,
 * already holding it). Misuse is reported as the runtime does: a {@link GoFatal} for unlocking
 * an unlocked mutex, a panic message for a negative WaitGroup counter.
 */
final class Syncs {
    private final GoRuntime rt;

    Syncs(GoRuntime rt) {
        this.rt = rt;
    }

    /** Go 1.19 parks all of these as "semacquire"; later releases name the primitive. */
    private WaitReason reason(WaitReason modern) {
        return rt.settings.profile() == GoProfile.GO_1_19 ? WaitReason.SEMACQUIRE : modern;
    }

    boolean lock(Goroutine g, SyncState m) {
        if (!m.locked && (m.kind != SyncState.Kind.RWMUTEX || m.readers == 0)) {
            m.locked = true;
            return true;
        }
        m.writers.addLast(g);
        rt.park(g, reason(m.kind == SyncState.Kind.RWMUTEX ? WaitReason.SYNC_RWMUTEX_LOCK : WaitReason.SYNC_MUTEX_LOCK));
        return false;
    }

    void unlock(Goroutine g, SyncState m) {
        if (!m.locked) {
            throw GoFatal.thrown(m.kind == SyncState.Kind.RWMUTEX ? "sync: Unlock of unlocked RWMutex"
                                                                   : "sync: unlock of unlocked mutex");
        }
        if (m.kind == SyncState.Kind.RWMUTEX && !m.readersWaiting.isEmpty()) {
            m.locked = false;
            while (!m.readersWaiting.isEmpty()) {
                m.readers++;
                rt.ready(m.readersWaiting.pollFirst());
            }
            return;
        }
        Goroutine next = m.writers.pollFirst();
        if (next == null) {
            m.locked = false;
        } else {
            rt.ready(next); // handed over: still locked, now by next
        }
    }

    boolean rlock(Goroutine g, SyncState m) {
        if (!m.locked && m.writers.isEmpty()) {
            m.readers++;
            return true;
        }
        m.readersWaiting.addLast(g);
        rt.park(g, reason(WaitReason.SYNC_RWMUTEX_RLOCK));
        return false;
    }

    void runlock(Goroutine g, SyncState m) {
        if (m.readers <= 0) {
            throw GoFatal.thrown("sync: RUnlock of unlocked RWMutex");
        }
        m.readers--;
        if (m.readers == 0 && !m.writers.isEmpty()) {
            m.locked = true;
            rt.ready(m.writers.pollFirst());
        }
    }

    /** {@code wg.Add(delta)}; returns a panic message, or null. */
    String add(SyncState wg, long delta) {
        wg.counter += delta;
        if (wg.counter < 0) {
            return "sync: negative WaitGroup counter";
        }
        if (wg.counter == 0) {
            while (!wg.waiters.isEmpty()) {
                rt.ready(wg.waiters.pollFirst());
            }
        }
        return null;
    }

    boolean await(Goroutine g, SyncState wg) {
        if (wg.counter == 0) {
            return true;
        }
        wg.waiters.addLast(g);
        rt.park(g, reason(WaitReason.SYNC_WAITGROUP_WAIT));
        return false;
    }
}
