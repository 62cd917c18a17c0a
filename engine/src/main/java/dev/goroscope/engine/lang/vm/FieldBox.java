package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.Values;

/**
 * A pointer to a struct field inside a heap object: {@code &p.E} where a pointer method of an
 * embedded field {@code E} is called through {@code p} (a promoted method). Reads and writes go
 * to the field of the enclosing struct, so the method sees and changes the object itself. The
 * engine knows only whole objects, so the address is the enclosing object's and the layout maps
 * the field's pointers to the enclosing object's pointer slots: a store through this pointer
 * reaches the write barrier as a store into that object.
 */
public final class FieldBox extends HeapBox {
    private final HeapBox holder;
    private final int field;

    /** @param layout the field's type, its pointer fields numbered in the enclosing object */
    public FieldBox(HeapBox holder, int field, Layout layout) {
        super(null, holder.addr(), layout);
        this.holder = holder;
        this.field = field;
    }

    @Override
    public Object get() {
        return ((Values.StructV) holder.get()).fields()[field];
    }

    @Override
    public void set(Object v) {
        ((Values.StructV) holder.get()).fields()[field] = v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldBox b && b.holder.equals(holder) && b.field == field;
    }

    @Override
    public int hashCode() {
        return holder.hashCode() * 31 + field;
    }
}
