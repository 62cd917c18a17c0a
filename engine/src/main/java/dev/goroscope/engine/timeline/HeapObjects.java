package dev.goroscope.engine.timeline;

import dev.goroscope.engine.runtime.Sys;
import java.util.function.IntConsumer;

/**
 * The heap objects of a replica as a table of columns (struct of arrays) over {@link Cow}
 * storage, so a million objects copy for a checkpoint in a spine copy.
 *
 * <p>Rows are found by address through a hash map; a row freed by the sweeper is reused.
 * Because reuse makes row order depend on the path taken to a position, views sort by address.
 * The sweeper works a span at a time, so rows are also chained per 8 KiB page (by the page of
 * their first byte): the objects of {@code [base, limit)} are found by walking its pages.
 *
 * <p>An object's pointer fields are a {@code long[]} owned copy-on-write like a goroutine: a
 * row whose field array carries another generation clones it before a store.
 */
final class HeapObjects {
    static final int WHITE = 0;
    static final int GREY = 1;
    static final int BLACK = 2;
    private static final int RUNTIME = 4;
    private static final long[] NO_FIELDS = new long[0];

    private final LongIntMap rows;
    private final LongIntMap pageHead;
    private final Cow.Ints next;
    private final Cow.Ints prev;
    /** {@code sizeClass << 3 | runtime << 2 | colour}. */
    private final Cow.Ints meta;
    private final Cow.Longs addr;
    private final Cow.Longs size;
    private final Cow.Longs elemSize;
    /** When the object last turned grey (a running count of greyings): the grey queue's order. */
    private final Cow.Longs greySeq;
    private final Cow.Refs<String> type;
    private final Cow.Refs<long[]> fields;
    private final Cow.Ints fieldsOwner;
    private final Cow.Ints freeRows;
    private int nfree;
    private int high;
    /** Objects now grey: a snapshot taken outside marking skips the scan for the grey queue. */
    private int ngrey;
    private int gen;

    HeapObjects(Cow.Meter m) {
        rows = new LongIntMap(m);
        pageHead = new LongIntMap(m);
        next = new Cow.Ints(m);
        prev = new Cow.Ints(m);
        meta = new Cow.Ints(m);
        addr = new Cow.Longs(m);
        size = new Cow.Longs(m);
        elemSize = new Cow.Longs(m);
        greySeq = new Cow.Longs(m);
        type = new Cow.Refs<>(m);
        fields = new Cow.Refs<>(m);
        fieldsOwner = new Cow.Ints(m);
        freeRows = new Cow.Ints(m);
        gen = Cow.freshGeneration();
    }

    private HeapObjects(HeapObjects o, Cow.Meter m) {
        rows = o.rows.copy(m);
        pageHead = o.pageHead.copy(m);
        next = o.next.copy(m);
        prev = o.prev.copy(m);
        meta = o.meta.copy(m);
        addr = o.addr.copy(m);
        size = o.size.copy(m);
        elemSize = o.elemSize.copy(m);
        greySeq = o.greySeq.copy(m);
        type = o.type.copy(m);
        fields = o.fields.copy(m);
        fieldsOwner = o.fieldsOwner.copy(m);
        freeRows = o.freeRows.copy(m);
        nfree = o.nfree;
        ngrey = o.ngrey;
        high = o.high;
        gen = Cow.freshGeneration();
    }

    HeapObjects copy(Cow.Meter m) {
        gen = Cow.freshGeneration();
        return new HeapObjects(this, m);
    }

    int count() {
        return rows.size();
    }

    /** Rows {@code [0, rowLimit())} include every live row; a free row has address 0. */
    int rowLimit() {
        return high;
    }

    /** The row of the object at {@code a}, or -1. */
    int row(long a) {
        return rows.get(a);
    }

    int rowOrThrow(long a) {
        int r = rows.get(a);
        if (r < 0) {
            throw new IllegalStateException("no heap object at 0x" + Long.toHexString(a));
        }
        return r;
    }

    int add(long a, long sz, long elem, int sizeClass, String typeName, long[] f, int colour, long seq,
            boolean runtime) {
        if (rows.get(a) >= 0) {
            throw new IllegalStateException("two heap objects at 0x" + Long.toHexString(a));
        }
        int r;
        if (nfree > 0) {
            r = freeRows.get(--nfree);
        } else {
            r = high++;
            next.ensure(high);
            prev.ensure(high);
            meta.ensure(high);
            addr.ensure(high);
            size.ensure(high);
            elemSize.ensure(high);
            greySeq.ensure(high);
            type.ensure(high);
            fields.ensure(high);
            fieldsOwner.ensure(high);
        }
        rows.put(a, r);
        addr.set(r, a);
        size.set(r, sz);
        elemSize.set(r, elem);
        meta.set(r, sizeClass << 3 | (runtime ? RUNTIME : 0) | colour);
        if (colour == GREY) {
            ngrey++;
        }
        greySeq.set(r, seq);
        type.set(r, typeName);
        fields.set(r, f.length == 0 ? NO_FIELDS : f);
        fieldsOwner.set(r, gen);
        long page = a >>> Sys.PAGE_SHIFT;
        int h = pageHead.get(page);
        next.set(r, h);
        prev.set(r, -1);
        if (h >= 0) {
            prev.set(h, r);
        }
        pageHead.put(page, r);
        return r;
    }

    void remove(int r) {
        long a = addr.get(r);
        if (colour(r) == GREY) {
            ngrey--;
        }
        rows.remove(a);
        int p = prev.get(r);
        int n = next.get(r);
        if (n >= 0) {
            prev.set(n, p);
        }
        if (p >= 0) {
            next.set(p, n);
        } else if (n >= 0) {
            pageHead.put(a >>> Sys.PAGE_SHIFT, n);
        } else {
            pageHead.remove(a >>> Sys.PAGE_SHIFT);
        }
        addr.set(r, 0);
        type.set(r, null);
        fields.set(r, null);
        freeRows.ensure(nfree + 1);
        freeRows.set(nfree++, r);
    }

    /** How many objects are grey now. */
    int greyCount() {
        return ngrey;
    }

    long addr(int r) {
        return addr.get(r);
    }

    long size(int r) {
        return size.get(r);
    }

    long elemSize(int r) {
        return elemSize.get(r);
    }

    int sizeClass(int r) {
        return meta.get(r) >>> 3;
    }

    /** The runtime or a library allocated it for itself ({@code HeapEvent.ObjectAllocated.runtime}). */
    boolean runtime(int r) {
        return (meta.get(r) & RUNTIME) != 0;
    }

    int colour(int r) {
        return meta.get(r) & 3;
    }

    void setColour(int r, int c) {
        int old = meta.get(r) & 3;
        ngrey += (c == GREY ? 1 : 0) - (old == GREY ? 1 : 0);
        meta.set(r, (meta.get(r) & ~3) | c);
    }

    long greySeq(int r) {
        return greySeq.get(r);
    }

    void setGreySeq(int r, long s) {
        greySeq.set(r, s);
    }

    String typeName(int r) {
        return type.get(r);
    }

    /** The row's field array: read it, never write it (see {@link #setField}). */
    long[] fields(int r) {
        return fields.get(r);
    }

    void setField(int r, int i, long v) {
        long[] f = fields.get(r);
        if (fieldsOwner.get(r) != gen) {
            f = f.clone();
            fields.set(r, f);
            fieldsOwner.set(r, gen);
        }
        f[i] = v;
    }

    /** Calls {@code f} with the row of every object whose address is in {@code [base, limit)}. */
    void forEachIn(long base, long limit, IntConsumer f) {
        for (long page = base >>> Sys.PAGE_SHIFT; page <= (limit - 1) >>> Sys.PAGE_SHIFT; page++) {
            for (int r = pageHead.get(page); r >= 0; ) {
                int n = next.get(r);
                long a = addr.get(r);
                if (a >= base && a < limit) {
                    f.accept(r);
                }
                r = n;
            }
        }
    }
}
