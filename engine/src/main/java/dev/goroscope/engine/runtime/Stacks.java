package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.event.StackEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Stack growth, copying and shrinking: {@code morestack}/{@code newstack}, {@code copystack}
 * and {@code shrinkstack} from stack.go (go-runtime-facts.md §2.1-§2.3, §2.5, §2.8, §10).
 *
 * <p>Why stacks can move at all: escape analysis guarantees that no heap object points into a
 * stack, so when a stack is copied only pointers <em>within</em> the stack (one local pointing
 * at another) and runtime-held pointers need fixing. The new block is aligned at the top, so
 * every live address moves by the same {@code delta = new.hi - old.hi}.
 *
 * <p>Growth is pure doubling, with no change of policy at any size; one call whose frame is big
 * may double several times at once. The limit check is strict ({@code newsize > maxstacksize}),
 * and sizes are powers of two, so under the default 1,000,000,000-byte limit the largest stack
 * a goroutine ever has is 512 MiB. Stacks never shrink on return: only the GC's stack scan (or
 * a shrink it deferred) halves a stack, once per cycle, when a quarter of it would still be free.
 */
final class Stacks {
    private final StackAllocator alloc;
    private final EventSink sink;
    private final Settings settings;
    /** {@code maxstacksize}: changed by {@code debug.SetMaxStack}. */
    long maxstacksize;

    Stacks(StackAllocator alloc, EventSink sink, Settings settings) {
        this.alloc = alloc;
        this.sink = sink;
        this.settings = settings;
        this.maxstacksize = settings.maxStack();
    }

    /**
     * The prologue the compiler puts in every splittable function ({@code obj6.go stacksplit}),
     * given SP at entry (pointing at the return address) and the frame size. True means
     * "call morestack". Comparisons are unsigned, as in the generated code.
     */
    static boolean needsMorestack(long sp, long guard, long frameSize) {
        if (frameSize <= Sys.STACK_SMALL) {
            return Long.compareUnsigned(sp, guard) <= 0;
        }
        long lowest = sp - (frameSize - Sys.STACK_SMALL);
        if (frameSize > Sys.STACK_BIG && Long.compareUnsigned(lowest, sp) > 0) {
            return true; // the subtraction wrapped around: morestack at once
        }
        return Long.compareUnsigned(lowest, guard) <= 0;
    }

    /** A call: push the return address, run the prologue check, allocate the frame. */
    void push(Goroutine g, FuncInfo fn) {
        g.sp -= Sys.PTR_SIZE;
        if (!fn.nosplit() && needsMorestack(g.sp, g.stackguard0(), fn.frameSize())) {
            newstack(g, fn);
        }
        g.sp -= fn.frameSize();
        g.frames.add(new Frame(fn, g.sp));
        g.highWater = Math.max(g.highWater, g.used());
        sink.emit(new StackEvent.FramePushed(g.id, fn.name(), fn.frameSize(), g.sp, fn.ptrSlots()));
    }

    /** A return: pop the frame and the return address. The stack keeps its size. */
    void pop(Goroutine g) {
        Frame f = g.frames.remove(g.frames.size() - 1);
        g.sp += f.fn.frameSize() + Sys.PTR_SIZE;
        sink.emit(new StackEvent.FramePopped(g.id, f.fn.name(), f.fn.frameSize(), g.sp, f.slotsCopy()));
    }

    /**
     * {@code newstack}: double until the frame fits ({@code newsize - used < needed}), check
     * the limit, then copy. {@code g.sp} points at the return address of the call being made.
     */
    private void newstack(Goroutine g, FuncInfo fn) {
        long oldsize = g.stackSize();
        long newsize = oldsize * 2;
        long used = g.used();
        long needed = fn.frameSize() + Sys.STACK_GUARD;
        while (newsize - used < needed) {
            newsize *= 2;
        }
        if (newsize > maxstacksize || newsize > Sys.MAX_STACK_CEILING) {
            throw overflow(g, newsize);
        }
        GStatus before = g.status;
        setStatus(g, GStatus.COPYSTACK);
        long oldLo = g.lo;
        long oldHi = g.hi;
        Copied c = copystack(g, newsize);
        sink.emit(new StackEvent.StackGrew(g.id, oldLo, oldHi, g.lo, g.hi, used, c.frames, c.pointers,
                c.fate, fn.name(), fn.frameSize()));
        setStatus(g, before);
    }

    private void setStatus(Goroutine g, GStatus to) {
        GStatus from = g.status;
        g.status = to;
        sink.emit(new dev.goroscope.engine.event.SchedEvent.GoroutineStatusChanged(
                g.id, from, to, g.waitReason, g.waitReason));
    }

    /** What a copy did. */
    record Copied(int frames, int pointers, String fate) {}

    /**
     * {@code copystack}: allocate the new block, copy the used part {@code [sp, hi)} to its top,
     * re-aim every slot that pointed into the old block, free the old block.
     */
    Copied copystack(Goroutine g, long newsize) {
        long oldLo = g.lo;
        long oldHi = g.hi;
        long newLo = alloc.stackalloc(newsize, g.p);
        long delta = newLo + newsize - oldHi;
        int adjusted = 0;
        for (Frame f : g.frames) {
            f.sp += delta;
            long[] s = f.slots;
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= oldLo && s[i] < oldHi) {
                    s[i] += delta;
                    adjusted++;
                }
            }
        }
        g.lo = newLo;
        g.hi = newLo + newsize;
        g.sp += delta;
        g.highWater = g.used();
        String fate = alloc.stackfree(oldLo, oldHi - oldLo, g.p);
        return new Copied(g.frames.size(), adjusted, fate);
    }

    /**
     * {@code shrinkstack}: halve the stack if a quarter of it would still be free. Returns what
     * was decided, in words; emits {@link StackEvent.StackShrunk} when it shrank.
     */
    String shrinkstack(Goroutine g, boolean deferred) {
        if (settings.gcShrinkStackOff()) {
            return "not shrunk: GODEBUG=gcshrinkstackoff=1";
        }
        long oldsize = g.stackSize();
        long newsize = oldsize / 2;
        if (newsize < Sys.FIXED_STACK) {
            return "not shrunk: already at the 2 KiB minimum";
        }
        long used = g.used() + Sys.STACK_NOSPLIT;
        if (used >= oldsize / 4) {
            return "not shrunk: " + g.used() + " used + 800 = " + used + " is not below " + oldsize + "/4";
        }
        long oldLo = g.lo;
        long oldHi = g.hi;
        long usedNow = g.used();
        Copied c = copystack(g, newsize);
        sink.emit(new StackEvent.StackShrunk(g.id, oldLo, oldHi, g.lo, g.hi, usedNow, c.frames, c.pointers,
                c.fate, deferred));
        return "shrunk to " + dev.goroscope.engine.event.Fmt.size(newsize);
    }

    /** The limit message, the {@code throw}, and a traceback, as the runtime prints them (§2.8). */
    private GoFatal overflow(Goroutine g, long wanted) {
        long limit = Math.min(maxstacksize, Sys.MAX_STACK_CEILING);
        long sp = g.sp - Sys.PTR_SIZE; // newstack prints sched.sp minus the morestack call's return address
        List<String> lines = new ArrayList<>();
        lines.add("runtime: goroutine stack exceeds " + limit + "-byte limit");
        lines.add("runtime: sp=0x" + Long.toHexString(sp) + " stack=[0x" + Long.toHexString(g.lo) + ", 0x"
                + Long.toHexString(g.hi) + "]");
        lines.add("fatal error: stack overflow");
        lines.add("");
        lines.add("runtime stack:");
        lines.add("runtime.throw({0x4b0a1e?, 0x0?})");
        lines.add("runtime.newstack()");
        lines.add("runtime.morestack()");
        lines.add("");
        lines.addAll(Tracebacks.goroutine(g, settings.profile()));
        sink.emit(new StackEvent.StackOverflow(g.id, limit, sp, g.lo, g.hi, wanted, lines));
        return new GoFatal("stack overflow", lines);
    }
}
