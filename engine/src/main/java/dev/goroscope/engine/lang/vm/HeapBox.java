package dev.goroscope.engine.lang.vm;

import dev.goroscope.engine.lang.interp.Values;

/**
 * A Go value that lives on the simulated heap ({@code new(T)}, {@code &T{}}, a variable moved to
 * the heap): the interpreter's value plus the engine object's address. A {@code *T} is this box;
 * the collector sees the object through its address, and every pointer stored into it goes
 * through {@code GoRuntime.store}, so the engine's pointer graph is the program's.
 * {@link FieldBox} is a pointer into such an object (a field's address).
 */
public class HeapBox implements Values.Ref {
    /** How a type's values map onto engine pointer fields. */
    public record Layout(String typeName, long size, int nptrs, int[] fieldPtrIndex) {}

    Object value;
    final long addr;
    final Layout layout;

    public HeapBox(Object value, long addr, Layout layout) {
        this.value = value;
        this.addr = addr;
        this.layout = layout;
    }

    @Override
    public Object get() {
        return value;
    }

    @Override
    public void set(Object v) {
        value = v;
    }

    @Override
    public long addr() {
        return addr;
    }

    public Layout layout() {
        return layout;
    }
}
