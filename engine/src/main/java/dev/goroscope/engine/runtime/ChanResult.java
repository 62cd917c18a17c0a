package dev.goroscope.engine.runtime;

/**
 * What a channel operation did. A goroutine that blocked is parked; when another goroutine
 * completes its operation it becomes runnable, and {@link Goroutine#wake()} then holds the
 * result.
 *
 * @param status    done, blocked, or a panic the program must raise
 * @param received  the element received (receives and select receive cases)
 * @param ok        false for a receive from a closed, drained channel
 * @param caseIndex the select case chosen; -1 for the default case
 */
public record ChanResult(Status status, Channel.Elem received, boolean ok, int caseIndex) {
    public enum Status { DONE, BLOCKED, PANIC }

    static final ChanResult BLOCKED = new ChanResult(Status.BLOCKED, null, false, -1);

    static ChanResult sent(int caseIndex) {
        return new ChanResult(Status.DONE, null, true, caseIndex);
    }

    static ChanResult received(Channel.Elem e, boolean ok, int caseIndex) {
        return new ChanResult(Status.DONE, e, ok, caseIndex);
    }

    /** A runtime panic such as {@code send on closed channel}; its text is in {@link #panic()}. */
    static ChanResult panic(String message) {
        return new ChanResult(Status.PANIC, new Channel.Elem(message, new long[0]), false, -1);
    }

    public boolean blocked() {
        return status == Status.BLOCKED;
    }

    public boolean panicked() {
        return status == Status.PANIC;
    }

    /** The panic message, e.g. {@code send on closed channel}. */
    public String panic() {
        return panicked() ? (String) received.value() : null;
    }
}
