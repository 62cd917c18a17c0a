package dev.goroscope.engine.timeline;

import java.util.Arrays;

/**
 * {@code count} consecutive frames of one function with one frame size, each
 * {@code frameSize + 8} bytes (the return address) below the previous: what a deep recursion
 * looks like. A 480,000-deep recursion is one run.
 *
 * @param firstDepth depth of the run's oldest frame (0 is the goroutine's bottom frame)
 * @param spFirst    sp of the oldest frame of the run (the highest address)
 * @param spTop      sp of the newest frame of the run
 * @param slots      pointer-slot values, {@code ptrSlots} per frame, oldest frame first
 */
public record FrameRun(String function, long frameSize, int ptrSlots, int firstDepth, int count, long spFirst,
                       long spTop, long[] slots) {
    public FrameRun {
        slots = slots.clone();
    }

    /** A copy: the snapshot stays immutable. */
    @Override
    public long[] slots() {
        return slots.clone();
    }

    /** Slot {@code i} of the {@code k}-th frame of the run (0 is the oldest). */
    public long slot(int k, int i) {
        return slots[k * ptrSlots + i];
    }

    /** sp of the {@code k}-th frame of the run (0 is the oldest). */
    public long sp(int k) {
        return spFirst - k * (frameSize + 8);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FrameRun)) {
            return false;
        }
        FrameRun r = (FrameRun) o;
        return function.equals(r.function) && frameSize == r.frameSize && ptrSlots == r.ptrSlots
                && firstDepth == r.firstDepth && count == r.count && spFirst == r.spFirst && spTop == r.spTop
                && Arrays.equals(slots, r.slots);
    }

    @Override
    public int hashCode() {
        return ((function.hashCode() * 31 + Long.hashCode(spFirst)) * 31 + count) * 31 + Arrays.hashCode(slots);
    }

    @Override
    public String toString() {
        return function + " x" + count + " ($" + frameSize + ", sp 0x" + Long.toHexString(spFirst) + "..0x"
                + Long.toHexString(spTop) + ", slots " + Arrays.toString(slots) + ")";
    }
}
