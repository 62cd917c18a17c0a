package dev.goroscope.app.narration;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.GcPhase;
import java.util.Optional;

/**
 * Picks the seed misconception an event disproves, if any: the moment a stack doubles past 1 MiB
 * answers the "larger chunks after 1 MB" claim, a shrink during concurrent mark answers "shrinks
 * on return" and "shrinks while the world is stopped", and so on.
 */
public final class SeedCorrections {
    static final Correction DOUBLING = new Correction(1,
            "the stack doubles until 1 MB, then grows in larger chunks",
            "newstack always doubles (more only if the new frame still does not fit); there is no change at 1 MB. "
                    + "Growth stops when the next doubling would pass maxstacksize (1,000,000,000 bytes), "
                    + "so the largest stack is 512 MiB.");
    static final Correction SHRINK_ON_RETURN = new Correction(2,
            "a stack shrinks back when the goroutine returns",
            "returning never shrinks a stack. Only the GC does, when it scans the stack: it halves it if less "
                    + "than a quarter is in use, once per cycle, never below 2 KiB.");
    static final Correction STW_SHRINK = new Correction(4,
            "shrinking happens while the world is paused for marking",
            "stacks are scanned, and shrunk, during the concurrent mark phase: one goroutine is suspended at a "
                    + "time while the others run. Neither stop-the-world phase scans stacks.");
    static final Correction BARRIER = new Correction(6,
            "the write barrier checks the colour of the stack",
            "the runtime's hybrid barrier shades both the old and the new pointer whenever it is on; "
                    + "the stack-colour test exists only in the documentation's pseudo-code.");
    static final Correction NON_MOVING = new Correction(7,
            "the GC moves and compacts objects",
            "Go's heap never moves: the sweeper frees dead objects in place. Only stacks are ever copied.");
    static final Correction GOAL = new Correction(8,
            "heap goal = marked × (1 + GOGC/100)",
            "since 1.18 the goal also counts stacks and globals: marked + (marked + stacks + globals) × GOGC/100, "
                    + "at least 4 MiB × GOGC/100, capped by GOMEMLIMIT.");

    private SeedCorrections() {}

    /** The correction the event {@code e} illustrates, if any. */
    public static Optional<Correction> forEvent(Event e) {
        if (e instanceof StackEvent.StackGrew g && g.newHi() - g.newLo() >= 2L << 20) {
            return Optional.of(DOUBLING);
        }
        if (e instanceof StackEvent.StackOverflow) {
            return Optional.of(DOUBLING);
        }
        if (e instanceof StackEvent.StackShrunk) {
            return Optional.of(STW_SHRINK);
        }
        if (e instanceof GcEvent.StackScanned) {
            return Optional.of(SHRINK_ON_RETURN);
        }
        if (e instanceof GcEvent.BarrierShaded) {
            return Optional.of(BARRIER);
        }
        if (e instanceof GcEvent.SpanSwept) {
            return Optional.of(NON_MOVING);
        }
        if (e instanceof GcEvent.GcCycleStarted || e instanceof GcEvent.GcPhaseChanged c && c.to() == GcPhase.OFF) {
            return Optional.of(GOAL);
        }
        return Optional.empty();
    }
}
