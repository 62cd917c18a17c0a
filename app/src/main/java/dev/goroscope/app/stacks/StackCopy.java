package dev.goroscope.app.stacks;

import dev.goroscope.engine.event.StackEvent;

/**
 * A {@code copystack} the stacks view animates: the stack of goroutine {@code gid} moved to a
 * block twice the size (growth, {@code newstack}) or half the size (shrink at the GC's stack scan),
 * with only the used part copied and the pointers into the old block re-aimed (facts §2.3, §2.5).
 *
 * @param animate  true when playback arrived at it going forwards (a jump or a step back shows
 *                 the end state without the movie)
 * @param function for growth, the function whose prologue check failed; else ""
 */
public record StackCopy(long gid, boolean grow, long oldSize, long newSize, long used, int framesCopied,
                        int pointersAdjusted, long delta, String oldFate, String function, boolean animate) {

    static StackCopy of(StackEvent.Copy c, boolean animate) {
        boolean grow = c instanceof StackEvent.StackGrew;
        String fn = c instanceof StackEvent.StackGrew g ? g.function() : "";
        return new StackCopy(c.gid(), grow, c.oldSize(), c.newSize(), c.used(), c.framesCopied(),
                c.pointersAdjusted(), c.delta(), c.oldFate(), fn, animate);
    }

    /** The caption for a moment of the movie, {@code progress} in [0, 1]. */
    public String caption(double progress) {
        if (progress < 0.2) {
            return (grow ? "newstack: allocating " : "shrinkstack: allocating ") + StackPainter.size(newSize);
        } else if (progress < 0.65) {
            return "copying " + framesCopied + (framesCopied == 1 ? " frame, " : " frames, ")
                    + StackPainter.size(used) + " (only the used part)";
        } else if (progress < 0.85) {
            return "re-aiming " + pointersAdjusted + (pointersAdjusted == 1 ? " pointer" : " pointers")
                    + " into the stack";
        }
        return "old " + StackPainter.size(oldSize) + " block: " + oldFate;
    }

    /** The whole copy in two lines, for a copy shown without its movie. */
    public String summary() {
        return "copied " + framesCopied + (framesCopied == 1 ? " frame (" : " frames (") + StackPainter.size(used)
                + ", only the used part), re-aimed " + pointersAdjusted
                + (pointersAdjusted == 1 ? " pointer" : " pointers") + "\nold " + StackPainter.size(oldSize)
                + " block: " + oldFate;
    }
}
