package dev.goroscope.engine.runtime;

/**
 * A run of pages owned by one user: an {@code mspan}. Stack spans are {@code mSpanManual}
 * (not swept, freed explicitly, §2.4); heap spans hold objects of one size class.
 */
public class Span {
    /** What a span is used for. */
    public enum Kind {
        /** A 32 KiB span carved into 2/4/8/16 KiB stacks. */
        STACK_POOL,
        /** A whole span for one stack of 32 KiB or more. */
        STACK_LARGE,
        /** A heap span for small objects of one size class. */
        HEAP_SMALL,
        /** A heap span for one large object. */
        HEAP_LARGE;

        public boolean isStack() {
            return this == STACK_POOL || this == STACK_LARGE;
        }
    }

    private final long base;
    private final long npages;
    private final Kind kind;

    public Span(long base, long npages, Kind kind) {
        this.base = base;
        this.npages = npages;
        this.kind = kind;
    }

    public final long base() {
        return base;
    }

    public final long npages() {
        return npages;
    }

    public final long bytes() {
        return npages << Sys.PAGE_SHIFT;
    }

    /** One past the last byte. */
    public final long limit() {
        return base + bytes();
    }

    public final Kind kind() {
        return kind;
    }

    /** The heap size class (0 for large objects), or the stack order of a pool stack span. */
    public int sizeClass() {
        return 0;
    }

    public final boolean contains(long addr) {
        return addr >= base && addr < limit();
    }

    @Override
    public String toString() {
        return kind + "[0x" + Long.toHexString(base) + ", +" + npages + " pages]";
    }
}
