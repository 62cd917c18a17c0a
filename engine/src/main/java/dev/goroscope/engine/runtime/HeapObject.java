package dev.goroscope.engine.runtime;

/**
 * One object in the garbage-collected heap: what {@code mallocgc} returned, plus the collector's
 * view of it.
 *
 * <p>Go keeps no per-object header. The mark bit lives in the span's {@code gcmarkBits}, the
 * "is it allocated" bit in {@code allocBits}, and the pointer layout in the type's GC bitmap.
 * The model gathers all of that on one Java object so the viewer and the collector can look at
 * an object in one place. The heap never moves objects (§4.1), so {@link #addr} is final.
 *
 * <p>Colours (tri-colour abstraction, §4.2): white = not marked; grey = marked but its pointers
 * not yet scanned (it is on a work queue); black = marked and scanned. Go itself has no grey bit:
 * grey is "marked and queued". {@link #scanned} makes the queue state explicit. Objects
 * allocated during mark are black from birth (§4.5). Sweeping resets survivors to white.
 *
 * <p>The fields are the object's pointer slots only (word-sized, in order); non-pointer data
 * is not simulated. Each value is 0 (nil) or an address, possibly an interior one.
 */
public final class HeapObject {
    /** Base address of the object (its slot's first byte). */
    public final long addr;
    /** Bytes asked for. */
    public final long size;
    /** Bytes of the slot it got: the size class, or whole pages for a large object. */
    public final long elemSize;
    /** Size class, 0 for a large object. */
    public final int sizeClass;
    /** The Go type, e.g. {@code main.Node}. */
    public final String typeName;
    /** Pointer fields: 0 or an address each. */
    public final long[] fields;
    /**
     * The runtime or the standard library allocated it for its own use, not the program's code:
     * what the runtime allocates outside any goroutine (G structs) or on one of its own goroutines
     * (a mark worker's node), and what library code allocates for itself while a goroutine of the
     * program calls it (fmt's printers, a sync.Pool's per-P arrays, timers and their heaps). Go
     * keeps no such bit; the viewer uses it to tell a program's own heap from the runtime's.
     */
    public final boolean runtime;

    /** Mark bit ({@code gcmarkBits}). */
    public boolean marked;
    /** Its pointers have been scanned (it left the grey queue). */
    public boolean scanned;
    /**
     * Set by the collector's reachability check: the sweeper will free this object although the
     * program can still reach it (the collector lost it, e.g. with a write barrier switched off).
     */
    public boolean lost;

    HeapObject(long addr, long size, long elemSize, int sizeClass, String typeName, int nptrs, boolean runtime) {
        this.addr = addr;
        this.runtime = runtime;
        this.size = size;
        this.elemSize = elemSize;
        this.sizeClass = sizeClass;
        this.typeName = typeName;
        this.fields = new long[nptrs];
    }

    public boolean isWhite() {
        return !marked;
    }

    public boolean isGrey() {
        return marked && !scanned;
    }

    public boolean isBlack() {
        return marked && scanned;
    }

    /** Number of pointer fields. */
    public int nptrs() {
        return fields.length;
    }

    /** One past the last byte of the slot. */
    public long limit() {
        return addr + elemSize;
    }

    /** Whether {@code a} points into this object's slot (interior pointers included). */
    public boolean contains(long a) {
        return a >= addr && a < addr + elemSize;
    }

    @Override
    public String toString() {
        String colour = isBlack() ? "black" : isGrey() ? "grey" : "white";
        return typeName + "@0x" + Long.toHexString(addr) + "(" + size + "/" + elemSize + " B, " + colour + ")";
    }
}
