package dev.goroscope.engine.lang.interp;

import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * How Go values look inside the interpreter.
 *
 * <ul>
 *   <li>bool: {@link Boolean}; every integer kind: {@link Long} (wrapped to its width; unsigned
 *       kinds keep their bits, so {@code uint64} max is -1L); floats: {@link Double};
 *       string: {@link GoString}.</li>
 *   <li>arrays and structs are values: {@link ArrayV}, {@link StructV}, copied on assignment.</li>
 *   <li>slices share a backing {@link Backing}; maps are {@link MapV}; channels are the engine's
 *       {@code Channel}; pointers are {@link Ref}s; funcs are {@link FuncV}.</li>
 *   <li>an interface value is an {@link Iface}; a nil interface, pointer, slice, map, chan or
 *       func is {@code null} (the static type says which).</li>
 * </ul>
 *
 * Objects that live on the simulated heap carry their engine address ({@code addr}); that is
 * how the collector sees them and how {@code %p} prints them.
 */
public final class Values {
    private Values() {}

    /**
     * An interface value: the dynamic type and the value. {@code addr} is the heap object that
     * holds the value when the conversion allocated one (Go's {@code convT}: a non-pointer value
     * is copied to the heap and the interface points at the copy), 0 when it did not (a pointer,
     * or a value Go keeps in static data). Two interface values are equal by type and value.
     */
    public record Iface(RType type, Object value, long addr) {
        public Iface(RType type, Object value) {
            this(type, value, 0);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Iface i && java.util.Objects.equals(type, i.type)
                    && java.util.Objects.equals(value, i.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(type, value);
        }
    }

    /** A backing array (of a slice, or an array that escaped); {@code addr} 0 when on a stack. */
    public static final class Backing {
        public final Object[] elems;
        public final long addr;

        public Backing(Object[] elems, long addr) {
            this.elems = elems;
            this.addr = addr;
        }
    }

    /** A slice header. */
    public record SliceV(Backing array, int off, int len, int cap) {
        public Object get(int i) {
            return array.elems[off + i];
        }
    }

    /** An array value. */
    public record ArrayV(Object[] elems) {
        public ArrayV copy() {
            return new ArrayV(Arrays.copyOf(elems, elems.length));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ArrayV a && Arrays.equals(elems, a.elems);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(elems);
        }
    }

    /** A struct value. */
    public record StructV(RType.StructT type, Object[] fields) {
        public StructV copy() {
            return new StructV(type, Arrays.copyOf(fields, fields.length));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StructV s && type.equals(s.type) && Arrays.equals(fields, s.fields);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(fields);
        }
    }

    /** A map: insertion-ordered storage; Go's iteration order is randomised, fmt sorts keys. */
    public static final class MapV {
        public final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();
        public final long addr;

        public MapV(long addr) {
            this.addr = addr;
        }
    }

    /** Something a pointer points at: a variable, a heap object, a field, an element. */
    public interface Ref {
        Object get();

        void set(Object v);

        /** The address {@code %p} prints and the collector knows. */
        long addr();
    }

    /** A function value: code plus captured variables. */
    public record FuncV(Object code, Object[] captured, long addr) {}
}
