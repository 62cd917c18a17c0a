package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.ScalarArray;
import dev.goroscope.engine.runtime.GoRuntime;

/**
 * What converting a value to an interface allocates, as gc compiles it (walk/convert.go
 * {@code dataWord}, runtime/iface.go {@code convT*}). An interface holds one data word: a
 * pointer-shaped value (pointer, map, channel, func, or a struct or array of one such) goes in
 * it directly; anything else is copied to the heap and the word points at the copy, except where
 * the runtime has the value already:
 * <ul>
 *   <li>a constant is static read-only data, and so are zero-size values ({@code zerobase});</li>
 *   <li>a bool or a one-byte integer points into {@code staticuint64s};</li>
 *   <li>{@code convT16/32/64} (2-, 4- or 8-byte values without pointers, naturally aligned)
 *       point into {@code staticuint64s} when the value is below 256;</li>
 *   <li>{@code convTstring} of {@code ""} and {@code convTslice} of a nil slice point at
 *       {@code zeroVal}.</li>
 * </ul>
 * Every other conversion allocates an object of the value's size ({@code mallocgc}), holding the
 * value's pointers. gc puts the copy on the stack instead when the interface does not escape;
 * the simulation, like its {@code &x}, takes every conversion as escaping.
 */
final class ConvT {
    private enum Kind { DIRECT, STATIC, SMALL, STRING, SLICE, ALWAYS }

    private final Kind kind;
    private final Type type;
    private final long size;
    private final int nptrs;
    private final HeapBox.Layout layout;

    private ConvT(Kind kind, Type type) {
        this.kind = kind;
        this.type = type;
        this.size = Sizes.sizeof(type);
        this.nptrs = Sizes.pointerOffsets(type).size();
        this.layout = kind == Kind.ALWAYS ? Layouts.of(type) : null;
    }

    /** How a value of {@code t} converts; {@code constant}: the operand is a constant expression. */
    static ConvT of(Type t, boolean constant) {
        long size = Sizes.sizeof(t);
        if (directIface(t)) {
            return new ConvT(Kind.DIRECT, t);
        }
        if (constant || size == 0 || Kinds.isBool(t) || size == 1 && Kinds.scalar(t)) {
            return new ConvT(Kind.STATIC, t);
        }
        boolean ptrs = Sizes.hasPointers(t);
        long align = Sizes.alignof(t);
        if (!ptrs && (size == 2 && align == 2 || size == 4 && align == 4 || size == 8 && align == 8)) {
            return new ConvT(Kind.SMALL, t);
        }
        Type sole = soleComponent(t);
        if (Kinds.isString(sole)) {
            return new ConvT(Kind.STRING, t);
        }
        if (Kinds.isSlice(sole)) {
            return new ConvT(Kind.SLICE, t);
        }
        return new ConvT(Kind.ALWAYS, t);
    }

    /** Whether some values of this kind get a heap object (so the interface needs a frame slot). */
    boolean mayAllocate() {
        return kind != Kind.DIRECT && kind != Kind.STATIC;
    }

    /** Allocates the heap copy of {@code v} if Go would; its address, or 0. */
    long alloc(Machine.Thread th, Object v) {
        GoRuntime rt = th.machine().runtime();
        switch (kind) {
            case SMALL:
                if (Long.compareUnsigned(bits(v, type) & mask(size), 256) < 0) {
                    return 0;
                }
                return rt.alloc(th.goroutine(), size, 0, dev.goroscope.engine.lang.interp.TypeNames.of(RTypes.of(type)));
            case STRING:
                if (sole(v, type) instanceof GoString s && s.len() == 0) {
                    return 0;
                }
                return rt.alloc(th.goroutine(), 16, 1, "string");
            case SLICE: {
                Object s = sole(v, type);
                if (s == null) {
                    return 0;
                }
                long addr = rt.alloc(th.goroutine(), 24, 1, "slice");
                rt.store(th.goroutine(), addr, 0, HeapOps.addrOfAny(s));
                return addr;
            }
            case ALWAYS: {
                long addr = rt.alloc(th.goroutine(), Math.max(size, 1), nptrs, layout.typeName());
                if (v instanceof Values.StructV s) {
                    int[] map = layout.fieldPtrIndex();
                    for (int k = 0; k < map.length; k++) {
                        long target = map[k] >= 0 ? HeapOps.addrOfAny(s.fields()[k]) : 0;
                        if (target != 0) {
                            rt.store(th.goroutine(), addr, map[k], target);
                        }
                    }
                }
                return addr;
            }
            default:
                return 0;
        }
    }

    /** {@code types.IsDirectIface}: the value is one pointer word and is the data word itself. */
    static boolean directIface(Type t) {
        Type u = t.underlying();
        if (Kinds.isPointer(t) || Kinds.isMap(t) || Kinds.isChan(t) || Kinds.isFunc(t)) {
            return true;
        }
        if (u instanceof Array a) {
            return a.len() == 1 && directIface(a.elem());
        }
        if (u instanceof Struct s) {
            return s.fields().size() == 1 && directIface(s.fields().get(0).type());
        }
        return false;
    }

    /** {@code Type.SoleComponent}: the only non-blank, non-empty field or element, all the way down. */
    private static Type soleComponent(Type t) {
        Type u = t.underlying();
        if (u instanceof Struct s) {
            Type only = null;
            for (dev.goroscope.engine.lang.types.Var f : s.fields()) {
                if (f.name().equals("_") || Sizes.sizeof(f.type()) == 0) {
                    continue;
                }
                if (only != null) {
                    return t;
                }
                only = f.type();
            }
            return only == null ? t : soleComponent(only);
        }
        if (u instanceof Array a && a.len() == 1) {
            return soleComponent(a.elem());
        }
        return t;
    }

    /** The value of the sole component of {@code v} (a string or slice). */
    private static Object sole(Object v, Type t) {
        Type u = t.underlying();
        if (u instanceof Struct s && v instanceof Values.StructV sv) {
            for (int k = 0; k < s.fields().size(); k++) {
                dev.goroscope.engine.lang.types.Var f = s.fields().get(k);
                if (!f.name().equals("_") && Sizes.sizeof(f.type()) != 0) {
                    return sole(sv.fields()[k], f.type());
                }
            }
            return v;
        }
        if (u instanceof Array a && a.len() == 1 && v instanceof Values.ArrayV av) {
            return sole(av.elems()[0], a.elem());
        }
        return v;
    }

    private static long mask(long size) {
        return size >= 8 ? -1L : (1L << (8 * size)) - 1;
    }

    /** The value's bytes as a little-endian integer (types of at most 8 bytes without pointers). */
    static long bits(Object v, Type t) {
        Type u = t.underlying();
        if (u instanceof Basic b) {
            if (v instanceof Double d) {
                return b.kind() == Basic.Kind.FLOAT32 ? Float.floatToRawIntBits((float) (double) d) & 0xffffffffL
                        : Double.doubleToRawLongBits(d);
            }
            if (v instanceof Boolean z) {
                return z ? 1 : 0;
            }
            return v == null ? 0 : (Long) v;
        }
        if (u instanceof Struct s) {
            long[] offs = Sizes.offsetsof(s);
            long out = 0;
            Object[] fs = ((Values.StructV) v).fields();
            for (int k = 0; k < offs.length; k++) {
                Type ft = s.fields().get(k).type();
                out |= (bits(fs[k], ft) & mask(Sizes.sizeof(ft))) << (8 * offs[k]);
            }
            return out;
        }
        if (u instanceof Array a) {
            long es = Sizes.sizeof(a.elem());
            long out = 0;
            for (int k = 0; k < a.len(); k++) {
                Object e = v instanceof ScalarArray sa ? Layouts.box(sa.get(k), a.elem())
                        : ((Values.ArrayV) v).elems()[k];
                out |= (bits(e, a.elem()) & mask(es)) << (8 * es * k);
            }
            return out;
        }
        return 0;
    }
}
