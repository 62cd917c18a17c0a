package dev.goroscope.engine.event;


import dev.goroscope.engine.runtime.GcPhase;
import java.util.List;

/** Events of the garbage collector: cycles, phases, marking, the write barrier, sweeping. */
public sealed interface GcEvent extends Event {

    /** Why a white object turned grey. */
    enum GreyReason {
        GLOBAL_ROOT("a global points to it"),
        RUNTIME_ROOT("the runtime's list of all goroutines (allgs) points to it"),
        STACK_ROOT("a stack slot points to it"),
        SCAN("a black object points to it"),
        RESCAN("the stop-the-world stack rescan found it");

        private final String text;

        GreyReason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Which value a write barrier shaded. */
    enum ShadeReason {
        /** The value being overwritten ({@code *slot}): Yuasa's deletion half. */
        OLD_VALUE("the old value being overwritten"),
        /** The value being stored ({@code ptr}): Dijkstra's insertion half. */
        NEW_VALUE("the new value being stored");

        private final String text;

        ShadeReason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A GC cycle begins ({@code gcStart}). */
    record GcCycleStarted(int cycle, String trigger, long heapLive, long heapGoal) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.GC_CYCLE;
        }

        @Override
        public String narration() {
            return "GC " + cycle + " starts (" + trigger + "): heap " + Fmt.size(heapLive) + ", goal "
                    + Fmt.size(heapGoal);
        }
    }

    /** {@code setGCPhase}, or a stop-the-world window beginning or ending. */
    record GcPhaseChanged(int cycle, GcPhase from, GcPhase to) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.GC_PHASE;
        }

        @Override
        public String narration() {
            return switch (to) {
                case SWEEP_TERMINATION -> "GC " + cycle + ": stop the world for sweep termination";
                case MARK -> "GC " + cycle + ": _GCmark; the write barrier is on, new objects are allocated "
                        + "black, and the world restarts: marking runs concurrently with the program";
                case MARK_TERMINATION -> "GC " + cycle + ": no grey objects left; stop the world for mark "
                        + "termination (no stack is rescanned with the hybrid barrier)";
                case OFF -> "GC " + cycle + ": _GCoff; the write barrier is off, the world restarts and "
                        + "unmarked (white) objects will be swept";
            };
        }
    }

    /** A white object was marked and queued: it is grey. */
    record ObjectGreyed(long addr, GreyReason reason, long from) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.MARK;
        }

        @Override
        public String narration() {
            return "object " + Fmt.addr(addr) + " turns grey: " + reason.text();
        }
    }

    /** The write barrier shaded a white object grey. */
    record BarrierShaded(long addr, ShadeReason reason, long holder, int field, long gid) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.BARRIER_SHADE;
        }

        @Override
        public String narration() {
            return "write barrier: goroutine " + gid + " shaded " + Fmt.addr(addr) + " grey, "
                    + reason.text() + " in field " + field + " of " + Fmt.addr(holder);
        }
    }

    /** A grey object was scanned: its pointers were greyed and it is black. */
    record ObjectBlackened(long addr, int pointersScanned, long scanBytes, long gid) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.MARK;
        }

        @Override
        public String narration() {
            return (gid > 0 ? "a mark assist by goroutine " + gid : "a background mark worker")
                    + " scanned " + Fmt.addr(addr) + " (" + Fmt.size(scanBytes) + ", "
                    + Fmt.plural(pointersScanned, "pointer", "pointers") + "): it is black";
        }
    }

    /** The globals root job ran (data and BSS). */
    record GlobalsScanned(int pointersFound, long bytes) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.ROOT_SCAN;
        }

        @Override
        public String narration() {
            return "root scan: globals (" + Fmt.size(bytes) + "), " + Fmt.plural(pointersFound, "pointer", "pointers")
                    + " to the heap";
        }
    }

    /**
     * {@code scanstack}: one goroutine was suspended, its stack scanned and perhaps shrunk, and it
     * was resumed while the others kept running.
     *
     * @param decision what shrinkstack decided, in words
     */
    record StackScanned(long gid, long used, long size, int pointersFound, String decision,
                        boolean rescan) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.ROOT_SCAN;
        }

        @Override
        public String narration() {
            return (rescan ? "stop-the-world rescan of" : "root scan: suspended") + " goroutine " + gid
                    + ", scanned " + Fmt.num(used) + " used bytes of its " + Fmt.size(size) + " stack, "
                    + Fmt.plural(pointersFound, "pointer", "pointers") + " to the heap; " + decision
                    + (rescan ? "" : "; resumed it (only this goroutine was stopped)");
        }
    }

    /**
     * An object freed by the sweeper; {@code lost} means it was still reachable (no barrier);
     * {@code runtime}, that the runtime or a library had allocated it for itself
     * ({@link HeapEvent.ObjectAllocated#runtime}).
     */
    record FreedObject(long addr, long size, long elemSize, int sizeClass, String typeName,
                       long[] fields, boolean lost, boolean runtime) {
        /** A freed object the program's own code had allocated. */
        public FreedObject(long addr, long size, long elemSize, int sizeClass, String typeName, long[] fields,
                           boolean lost) {
            this(addr, size, elemSize, sizeClass, typeName, fields, lost, false);
        }
    }

    /**
     * A span was swept: unmarked slots became free, marked ones survive (and are white again
     * for the next cycle).
     */
    record SpanSwept(long base, long limit, int sizeClass, List<FreedObject> freed, int survivors,
                     long gid) implements GcEvent {
        public SpanSwept {
            freed = List.copyOf(freed);
        }

        @Override
        public EventKind kind() {
            return EventKind.SWEEP;
        }

        @Override
        public String narration() {
            long bytes = freed.stream().mapToLong(FreedObject::elemSize).sum();
            String who = gid > 0 ? "goroutine " + gid + " (lazily, before allocating)" : "the background sweeper";
            long lost = freed.stream().filter(FreedObject::lost).count();
            return who + " swept the span at " + Fmt.addr(base) + ": freed " + Fmt.plural(freed.size(), "object", "objects")
                    + " (" + Fmt.size(bytes) + "), " + Fmt.num(survivors) + " survive"
                    + (lost > 0 ? "; " + Fmt.plural(lost, "freed object was", "freed objects were")
                                  + " STILL REACHABLE: the collector lost it" : "");
        }
    }

    /** {@code gcComputeStartingStackSize} (§2.7). */
    record StartingStackSizeChanged(long oldSize, long newSize, long scannedStacks, long totalUsed)
            implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.GC_CYCLE;
        }

        @Override
        public String narration() {
            if (scannedStacks == 0) {
                return "starting stack size is " + Fmt.size(newSize) + " (no stacks scanned)";
            }
            return "starting stack size " + Fmt.size(oldSize) + " -> " + Fmt.size(newSize) + ": " + Fmt.num(scannedStacks)
                    + " stacks used " + Fmt.num(totalUsed / scannedStacks) + " B on average, + 928, rounded up to a power of two";
        }
    }

    /**
     * A mark assist: an allocating goroutine paid for its allocation with scan work (§4.6).
     */
    record MarkAssist(long gid, long debt, long scanWork) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.MARK;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " allocated during mark and owes the GC " + Fmt.size(debt)
                    + " of work: it assists, scanning " + Fmt.size(scanWork);
        }
    }

    /**
     * A cycle ended ({@code gcMarkTermination}).
     *
     * @param heap0     heap when the cycle started
     * @param heap1     heap at mark termination (includes black allocation)
     * @param marked    live heap marked ({@code heapMarked})
     * @param goal      this cycle's goal
     * @param nextGoal  the goal of the next cycle
     * @param gctrace   the {@code GODEBUG=gctrace=1} line
     */
    record GcCycleEnded(int cycle, long heap0, long heap1, long marked, long goal, long nextGoal,
                        long nextTrigger, long stackScan, long globalsScan, String gctrace) implements GcEvent {
        @Override
        public EventKind kind() {
            return EventKind.GC_CYCLE;
        }

        @Override
        public String narration() {
            return "GC " + cycle + " done: " + Fmt.size(heap0) + " -> " + Fmt.size(heap1) + " -> " + Fmt.size(marked)
                    + " live; next goal = " + Fmt.size(marked) + " + (" + Fmt.size(marked) + " + " + Fmt.size(stackScan)
                    + " stack + " + Fmt.size(globalsScan) + " globals) x GOGC/100 = " + Fmt.size(nextGoal)
                    + " (at least 4 MiB x GOGC/100)";
        }
    }
}
