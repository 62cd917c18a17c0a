package dev.goroscope.engine.event;


import dev.goroscope.engine.runtime.Span;

/** Events of memory: spans, heap objects, globals and pointer stores. */
public sealed interface HeapEvent extends Event {

    /**
     * Pages were taken from the page heap for a span.
     *
     * @param sizeClass heap size class, or the stack order for pool stack spans, or 0
     */
    record SpanAllocated(long base, long npages, Span.Kind spanKind, int sizeClass) implements HeapEvent {
        @Override
        public EventKind kind() {
            return EventKind.SPAN;
        }

        @Override
        public String narration() {
            return describe(spanKind) + " span of " + Fmt.size(npages * 8192) + " allocated at " + Fmt.addr(base);
        }
    }

    /** A span's pages went back to the page heap (they become HeapIdle). */
    record SpanFreed(long base, long npages, Span.Kind spanKind, int sizeClass) implements HeapEvent {
        @Override
        public EventKind kind() {
            return EventKind.SPAN;
        }

        @Override
        public String narration() {
            return describe(spanKind) + " span of " + Fmt.size(npages * 8192) + " at " + Fmt.addr(base)
                    + " returned to the heap (its pages are now idle heap memory)";
        }
    }

    /** The heap mapped more memory from the OS ({@code mheap.grow}, 4 MiB at a time). */
    record ArenaGrew(long oldBytes, long newBytes) implements HeapEvent {
        @Override
        public EventKind kind() {
            return EventKind.SPAN;
        }

        @Override
        public String narration() {
            return "the heap grew from " + Fmt.size(oldBytes) + " to " + Fmt.size(newBytes) + " of address space";
        }
    }

    /**
     * Idle pages were returned to the OS (the scavenger or {@code debug.FreeOSMemory}):
     * {@code ranges} holds the released page ranges as {@code [start, end)} pairs, or is null
     * when every idle page was released.
     */
    record Scavenged(long bytes, long releasedBefore, long[] ranges) implements HeapEvent {
        @Override
        public EventKind kind() {
            return EventKind.SPAN;
        }

        @Override
        public String narration() {
            return Fmt.size(bytes) + " of idle pages returned to the OS";
        }
    }

    /**
     * {@code mallocgc}: an object was allocated. During mark it is allocated black (§4.5).
     *
     * @param size      bytes asked for
     * @param elemSize  bytes of its size-class slot (what HeapAlloc counts)
     * @param nptrs     pointer fields the collector traces
     * @param typeName  the Go type, e.g. {@code main.Node}
     * @param black     allocated black because the collector is marking
     * @param gid       the goroutine it was allocated on; 0 for the runtime outside any goroutine
     * @param runtime   the runtime or the standard library made it for its own use (a G struct, a
     *                  mark worker's node, fmt's printer, a sync.Pool's per-P array, a timer), not
     *                  the program's code; see {@link dev.goroscope.engine.runtime.HeapObject#runtime}
     */
    record ObjectAllocated(long addr, long size, long elemSize, int sizeClass, int nptrs,
                           String typeName, boolean black, long gid, boolean runtime) implements HeapEvent {

        /** An allocation by the program's own code. */
        public ObjectAllocated(long addr, long size, long elemSize, int sizeClass, int nptrs, String typeName,
                               boolean black, long gid) {
            this(addr, size, elemSize, sizeClass, nptrs, typeName, black, gid, false);
        }
        @Override
        public EventKind kind() {
            return EventKind.ALLOC;
        }

        @Override
        public String narration() {
            String cls = sizeClass > 0 ? "size class " + sizeClass + ", " + Fmt.size(elemSize) + " slot"
                                       : "a large object with a span of its own";
            return (gid > 0 ? "goroutine " + gid : "the runtime") + " allocated " + typeName + " (" + Fmt.size(size) + ", " + cls + ") at "
                    + Fmt.addr(addr) + (black ? "; the GC is marking, so it is allocated black" : "");
        }
    }

    /** A global variable (a root the collector scans first). */
    record GlobalDeclared(String name, long addr, int nptrs) implements HeapEvent {
        @Override
        public EventKind kind() {
            return EventKind.ALLOC;
        }

        @Override
        public String narration() {
            return "global " + name + " lives in the data segment at " + Fmt.addr(addr);
        }
    }

    /**
     * A pointer stored into a heap object's field or a global: the write barrier sees this one.
     *
     * @param holder  the object's (or global's) address
     * @param global  true when the holder is a global
     */
    record PointerWritten(long holder, boolean global, int field, long oldValue, long newValue,
                          long gid, boolean barrierOn) implements HeapEvent {
        @Override
        public EventKind kind() {
            return EventKind.POINTER_WRITE;
        }

        @Override
        public String narration() {
            return "goroutine " + gid + " wrote " + (newValue == 0 ? "nil" : Fmt.addr(newValue)) + " into "
                    + (global ? "global at " : "field " + field + " of ") + Fmt.addr(holder)
                    + " (was " + (oldValue == 0 ? "nil" : Fmt.addr(oldValue)) + ")"
                    + (barrierOn ? "; the write barrier is on" : "");
        }
    }

    private static String describe(Span.Kind k) {
        return switch (k) {
            case STACK_POOL -> "stack pool";
            case STACK_LARGE -> "large stack";
            case HEAP_SMALL -> "heap";
            case HEAP_LARGE -> "large-object";
        };
    }
}
