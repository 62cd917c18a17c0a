package dev.goroscope.engine.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A goroutine ({@code runtime.g}): its status, its stack {@code [lo, hi)} growing down from
 * {@code hi}, the stack pointer, its frames, and the flags that decide whether its stack may
 * be shrunk safely (§2.5, §10).
 */
public final class Goroutine {
    final long id;
    final long parentId;
    final String entry;
    GStatus status = GStatus.IDLE;
    WaitReason waitReason = WaitReason.NONE;
    long lo;
    long hi;
    long sp;
    final ArrayList<Frame> frames = new ArrayList<>();
    /** The P this goroutine last ran on (its stack cache is used for its stacks). */
    int p;
    /** The cycle whose root job scanned this stack ({@code gcscandone} for that cycle). */
    int scannedCycle;
    /** Whether a GC root job must scan it this cycle (it existed at {@code gcMarkRootPrepare}). */
    boolean isRoot;
    /** {@code gp.preemptShrink}: shrink at the next synchronous safe point. */
    boolean preemptShrink;
    /** {@code gp.syscallsp != 0}. */
    boolean inSyscall;
    /** {@code gp.asyncSafePoint}: stopped by an async preemption signal. */
    boolean asyncPreempted;
    /** {@code gp.parkingOnChan}. */
    boolean parkingOnChan;
    /** Highest number of bytes used since the stack was last copied. */
    long highWater;
    /** The entry function, still to be entered when the goroutine first runs. */
    FuncInfo pendingEntry;
    /** Address of its {@code runtime.g} heap object (0 if not modelled). */
    long gstruct;
    /** A runtime goroutine (sweeper, scavenger, mark worker): not counted by NumGoroutine. */
    boolean system;
    /** The result of the channel or select operation this goroutine was parked in. */
    ChanResult wake;
    /** Runtime frames pushed by {@code block}, popped when the goroutine is made ready. */
    int parkFrames;
    /**
     * Objects allocated during the instruction being run (a library call that allocates more
     * than once): live in Go's registers until stored, so roots until the instruction ends.
     */
    long[] pins = new long[4];
    int npins;
    boolean pinning;
    /**
     * {@code gcAssistBytes}: assist credit in bytes of allocation (negative: debt), reset when a
     * cycle starts (§4.6).
     */
    long gcAssistBytes;
    /** A background mark worker: its stack is never shrunk (§2.5). */
    boolean markWorker;
    /** How many times it has been scheduled to run ({@code execute}). */
    int runs;

    Goroutine(long id, long parentId, String entry) {
        this.id = id;
        this.parentId = parentId;
        this.entry = entry;
    }

    public long id() {
        return id;
    }

    public long parentId() {
        return parentId;
    }

    public String entry() {
        return entry;
    }

    public GStatus status() {
        return status;
    }

    public WaitReason waitReason() {
        return waitReason;
    }

    public long lo() {
        return lo;
    }

    public long hi() {
        return hi;
    }

    public long sp() {
        return sp;
    }

    public long stackSize() {
        return hi - lo;
    }

    /** Bytes in use: {@code hi - sp}. */
    public long used() {
        return hi - sp;
    }

    /** {@code stackguard0 = lo + stackGuard} (928). */
    public long stackguard0() {
        return lo + Sys.STACK_GUARD;
    }

    public boolean preemptShrink() {
        return preemptShrink;
    }

    public long highWater() {
        return highWater;
    }

    public int depth() {
        return frames.size();
    }

    public Frame frame(int depth) {
        return frames.get(depth);
    }

    public Frame top() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    public List<Frame> frames() {
        return java.util.Collections.unmodifiableList(frames);
    }

    /** {@code isShrinkStackSafe} (§2.5). */
    public boolean isShrinkStackSafe() {
        return !inSyscall && !asyncPreempted && !parkingOnChan;
    }

    /** Why {@link #isShrinkStackSafe} is false, in words. */
    String shrinkUnsafeReason() {
        if (inSyscall) {
            return "it is in a system call, which may hold pointers into the stack";
        }
        if (asyncPreempted) {
            return "it was preempted asynchronously, so its innermost frames have no precise pointer maps";
        }
        return "it is parking on a channel";
    }

    /** The result of the blocking channel operation that woke it, or null. */
    public ChanResult wake() {
        return wake;
    }

    /** Clears the wake result once the program has taken it. */
    public void clearWake() {
        wake = null;
    }

    /** How many times the scheduler has started it running: a new count means a new time slice. */
    public int runs() {
        return runs;
    }

    public boolean isSystem() {
        return system;
    }

    public boolean isDead() {
        return status == GStatus.DEAD;
    }

    public boolean hasStack() {
        return hi != 0;
    }

    @Override
    public String toString() {
        return "goroutine " + id + " [" + status.goName() + "] stack=[0x" + Long.toHexString(lo) + ", 0x"
                + Long.toHexString(hi) + "] sp=0x" + Long.toHexString(sp);
    }
}
