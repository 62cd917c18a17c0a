package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;

/**
 * The runtime side of {@code sync.Mutex}, {@code sync.RWMutex}, {@code sync.WaitGroup} and
 * {@code sync.Once} (a done flag and the mutex its slow path takes): their counters and the
 * goroutines parked on their semaphores. Waiters are woken in FIFO order and a
 * mutex is handed straight to the first waiter (Go's starvation mode behaves so; its normal
 * mode lets a running goroutine barge in first, which the model does not).
 */
public final class SyncState {
    /** What kind of primitive this is. */
    public enum Kind { MUTEX, RWMUTEX, WAITGROUP, ONCE }

    final Kind kind;
    boolean locked;
    int readers;
    long counter;
    boolean done;
    final ArrayDeque<Goroutine> writers = new ArrayDeque<>();
    final ArrayDeque<Goroutine> readersWaiting = new ArrayDeque<>();
    final ArrayDeque<Goroutine> waiters = new ArrayDeque<>();

    public SyncState(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean locked() {
        return locked;
    }

    public long counter() {
        return counter;
    }

    /** {@code sync.Once}: whether its function has run. */
    public boolean done() {
        return done;
    }

    /** {@code sync.Once}: its function has returned ({@code atomic.StoreUint32(&o.done, 1)}). */
    public void markDone() {
        done = true;
    }
}
