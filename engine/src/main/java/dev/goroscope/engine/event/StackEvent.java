package dev.goroscope.engine.event;


import java.util.List;

/** Events of a goroutine's stack: calls, returns, growth, shrinking, overflow. */
public sealed interface StackEvent extends Event {

    /** The goroutine whose stack this is. */
    long gid();

    /**
     * A call: the return address (8 bytes) was pushed and the callee's frame allocated.
     *
     * @param frameSize the callee's frame size as in its {@code TEXT} line ({@code $frameSize-args})
     * @param spAfter   the stack pointer after the frame was allocated
     * @param ptrSlots  pointer slots in the frame (live pointers the GC will scan)
     */
    record FramePushed(long gid, String function, long frameSize, long spAfter, int ptrSlots)
            implements StackEvent {
        @Override
        public EventKind kind() {
            return EventKind.FRAME;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " called " + function + ": frame of " + Fmt.size(frameSize)
                    + " + 8 B return address, sp=" + Fmt.addr(spAfter);
        }
    }

    /** A return: the frame was popped. {@code slots} are the values it held, for undo. */
    record FramePopped(long gid, String function, long frameSize, long spAfter, long[] slots)
            implements StackEvent {
        @Override
        public EventKind kind() {
            return EventKind.FRAME;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " returned from " + function
                    + "; the stack keeps its size (returning never shrinks a stack)";
        }
    }

    /**
     * A pointer stored into a stack slot. Stack writes have no write barrier (§4.4).
     *
     * @param depth frame index from the bottom of the stack (0 is the goroutine's entry frame)
     */
    record SlotWritten(long gid, int depth, int slot, long oldValue, long newValue) implements StackEvent {
        @Override
        public EventKind kind() {
            return EventKind.POINTER_WRITE;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " stored " + (newValue == 0 ? "nil" : Fmt.addr(newValue))
                    + " in a stack slot (no write barrier on stack writes)";
        }
    }

    /** Growth or shrinking: {@code copystack} moved the used part of the stack to a new block. */
    sealed interface Copy extends StackEvent {
        long oldLo();

        long oldHi();

        long newLo();

        long newHi();

        /** Bytes in use, {@code hi - sp}: the only part copied. */
        long used();

        int framesCopied();

        /** Stack-internal pointers that were re-aimed by {@code delta = new.hi - old.hi}. */
        int pointersAdjusted();

        /** Where the old block went: a P's cache, the global pool, the large-stack list, the heap. */
        String oldFate();

        default long oldSize() {
            return oldHi() - oldLo();
        }

        default long newSize() {
            return newHi() - newLo();
        }

        default long delta() {
            return newHi() - oldHi();
        }
    }

    /**
     * {@code newstack} doubled the stack (several times if the frame needed it) and copied it.
     *
     * @param function  the function whose prologue check failed
     * @param frameSize its frame size
     */
    record StackGrew(long gid, long oldLo, long oldHi, long newLo, long newHi, long used,
                     int framesCopied, int pointersAdjusted, String oldFate, String function,
                     long frameSize) implements Copy {
        @Override
        public EventKind kind() {
            return EventKind.STACK_GROW;
        }

        @Override
        public String narration() {
            String skip = newSize() > 2 * oldSize()
                    ? " (doubled " + Long.numberOfTrailingZeros(newSize() / oldSize())
                      + " times so the " + Fmt.size(frameSize) + " frame of " + function + " fits)"
                    : "";
            return "stack of goroutine " + gid + " grew " + Fmt.size(oldSize()) + " -> " + Fmt.size(newSize())
                    + skip + ": copied " + Fmt.plural(framesCopied, "frame", "frames") + ", " + Fmt.num(used)
                    + " bytes, adjusted " + Fmt.plural(pointersAdjusted, "pointer", "pointers")
                    + "; old stack " + oldFate;
        }
    }

    /** {@code shrinkstack} halved the stack during the GC's stack scan (or at a deferred safe point). */
    record StackShrunk(long gid, long oldLo, long oldHi, long newLo, long newHi, long used,
                       int framesCopied, int pointersAdjusted, String oldFate, boolean deferred)
            implements Copy {
        @Override
        public EventKind kind() {
            return EventKind.STACK_SHRINK;
        }

        @Override
        public String narration() {
            return "stack of goroutine " + gid + " shrank " + Fmt.size(oldSize()) + " -> " + Fmt.size(newSize())
                    + (deferred ? " at its next safe point (shrink deferred from the GC scan)"
                                : " during the GC's stack scan")
                    + ": only " + Fmt.num(used) + " bytes used, and used + 800 < " + Fmt.size(oldSize())
                    + "/4; copied " + Fmt.plural(framesCopied, "frame", "frames") + ", adjusted "
                    + Fmt.plural(pointersAdjusted, "pointer", "pointers") + "; old stack " + oldFate;
        }
    }

    /** The shrink was unsafe at scan time, so {@code gp.preemptShrink} was set (§2.5). */
    record ShrinkDeferred(long gid, String why) implements StackEvent {
        @Override
        public EventKind kind() {
            return EventKind.STACK_SHRINK;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + "'s stack cannot shrink now (" + why
                    + "): preemptShrink is set and it will shrink at its next synchronous safe point";
        }
    }

    /**
     * {@code newstack} found that the stack would exceed {@code maxstacksize}: the program dies.
     *
     * @param limit      the limit printed (maxstacksize, or maxstackceiling if smaller)
     * @param wantedSize the size growth asked for
     * @param stderr     the runtime's exact lines
     */
    record StackOverflow(long gid, long limit, long sp, long lo, long hi, long wantedSize,
                         List<String> stderr) implements StackEvent {
        public StackOverflow {
            stderr = List.copyOf(stderr);
        }

        @Override
        public EventKind kind() {
            return EventKind.STACK_OVERFLOW;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " needs a " + Fmt.size(wantedSize) + " stack, but " + Fmt.num(wantedSize)
                    + " > the " + Fmt.num(limit) + "-byte limit: fatal error: stack overflow. The last stack was "
                    + Fmt.size(hi - lo) + ": sizes are powers of two and the check is strict, so with the "
                    + "default 1,000,000,000-byte limit the largest stack is 512 MiB, not 1 GB";
        }
    }

    /** A goroutine got a stack (a reused G whose kept stack did not fit the starting size). */
    record StackAllocated(long gid, long lo, long hi) implements StackEvent {
        @Override
        public EventKind kind() {
            return EventKind.GOROUTINE;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " got a new " + Fmt.size(hi - lo) + " stack at " + Fmt.addr(lo);
        }
    }

    /** A dead goroutine's stack was freed (its size was not the starting size, or the GC released it). */
    record StackFreed(long gid, long lo, long hi, String where) implements StackEvent {
        @Override
        public EventKind kind() {
            return EventKind.STACK_FREE;
        }

        @Override
        public String narration() {
            return "stack of dead goroutine " + gid + " (" + Fmt.size(hi - lo) + ") freed " + where;
        }
    }
}
