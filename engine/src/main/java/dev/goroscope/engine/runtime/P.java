package dev.goroscope.engine.runtime;

import java.util.ArrayDeque;

/**
 * A processor ({@code runtime.p}) and the M that holds it: a local run queue, {@code runnext},
 * a cache of dead Gs, and where its M is in time.
 *
 * <p>Each P's M runs on its own CPU, so each P has its own {@link #clock}: the CPU time its M has
 * spent, in nanoseconds. {@link Procs} always moves the P that is furthest behind, which is how
 * several Ps run at once in a simulation that does one thing at a time.
 */
final class P {
    /** {@code len(p.runq)}: a full local queue sends half of itself to the global queue. */
    static final int RUNQ_SIZE = 256;

    /** What the P's M is doing. */
    enum State {
        /** On the idle list ({@code pidleput}): no M, nothing to run. */
        IDLE,
        /** {@code startm} gave it to a parked M that the OS has yet to wake; it spins at {@link #wakeAt}. */
        WAKING,
        /** Its M sleeps in {@code usleep(3)} before stealing another P's {@code runnext}, until {@link #wakeAt}. */
        STEAL_SLEEP,
        /** Its goroutine stopped (blocked, exited, yielded): its M runs {@code schedule} at {@link #clock}. */
        SCHEDULING,
        /** Running {@link #current}. */
        RUNNING
    }

    final int id;
    final ArrayDeque<Goroutine> runq = new ArrayDeque<>();
    Goroutine runnext;
    /** The goroutine running on this P, or null. */
    Goroutine current;
    /** {@code p.gFree}: dead Gs kept for reuse, most recent first. */
    final ArrayDeque<DeadG> gFree = new ArrayDeque<>();
    State state = State.IDLE;
    /** CPU time of this P's M, in nanoseconds (instructions and runtime work). */
    long clock;
    /** When a waking or sleeping M runs again. */
    long wakeAt;
    /** {@code m.spinning}: its M looks for work to steal. */
    boolean spinning;
    /** {@code p.schedtick}: goroutines started here, not counting those that inherit a time slice. */
    int schedtick;
    /** A steal interrupted by {@code usleep(3)}: where the search resumes, or null. */
    Procs.Steal steal;

    P(int id) {
        this.id = id;
    }

    /** {@code runqempty}: no runnext and nothing queued. */
    boolean runqEmpty() {
        return runnext == null && runq.isEmpty();
    }

    /** An M holds this P ({@code _Prunning} in the runtime's terms). */
    boolean owned() {
        return state != State.IDLE && state != State.WAKING;
    }

    /** When this P next does something: its clock, or the time its M wakes. */
    long due() {
        return state == State.WAKING || state == State.STEAL_SLEEP ? wakeAt : clock;
    }

    /** A dead G: the struct that is never freed, and the stack it may have kept. */
    record DeadG(long gstruct, long lo, long hi, long lastGid) {
        boolean hasStack() {
            return hi != 0;
        }

        DeadG withoutStack() {
            return new DeadG(gstruct, 0, 0, lastGid);
        }
    }
}
