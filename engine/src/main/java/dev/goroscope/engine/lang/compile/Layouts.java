package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.ScalarArray;
import java.util.List;

/**
 * Heap layouts and the boxing of values: a struct field that is a pointer maps to one engine
 * pointer field, so the collector traces exactly the program's pointers. (A string's data
 * pointer is counted as a pointer word, as gc counts it, but holds no engine object.)
 */
final class Layouts {
    private Layouts() {}

    static HeapBox.Layout of(Type t) {
        List<Long> ptrs = Sizes.pointerOffsets(t);
        Type u = t.underlying();
        int[] map = new int[0];
        if (u instanceof Struct s) {
            long[] offs = Sizes.offsetsof(s);
            map = new int[s.fields().size()];
            for (int k = 0; k < map.length; k++) {
                map[k] = Kinds.refersToHeap(s.fields().get(k).type()) ? ptrs.indexOf(offs[k]) : -1;
            }
        } else if (Kinds.refersToHeap(t)) {
            map = new int[] {0};
        }
        return new HeapBox.Layout(dev.goroscope.engine.lang.interp.TypeNames.of(RTypes.of(t)),
                Math.max(Sizes.sizeof(t), 1), ptrs.size(), map);
    }

    /**
     * The layout of a field at byte {@code offset} inside a heap object of type {@code box}: its
     * pointer fields numbered as the enclosing object's pointer slots (for a {@code FieldBox}).
     */
    static HeapBox.Layout interior(Type box, long offset, Type field) {
        List<Long> outer = Sizes.pointerOffsets(box);
        Type u = field.underlying();
        int[] map = new int[0];
        if (u instanceof Struct s) {
            long[] offs = Sizes.offsetsof(s);
            map = new int[s.fields().size()];
            for (int k = 0; k < map.length; k++) {
                map[k] = Kinds.refersToHeap(s.fields().get(k).type()) ? outer.indexOf(offset + offs[k]) : -1;
            }
        } else if (Kinds.refersToHeap(field)) {
            map = new int[] {outer.indexOf(offset)};
        }
        return new HeapBox.Layout(dev.goroscope.engine.lang.interp.TypeNames.of(RTypes.of(field)),
                Math.max(Sizes.sizeof(field), 1), Sizes.pointerOffsets(field).size(), map);
    }

    /** The zero value of a type, as the interpreter holds it in a box or struct field. */
    static Object zero(Type t) {
        Type u = t.underlying();
        if (SyncOps.is(t)) {
            return new dev.goroscope.engine.runtime.SyncState(SyncOps.kind(t));
        }
        if (MemStatsOps.is(t)) {
            return new long[MemStatsOps.FIELDS.size()];
        }
        if (PoolOps.is(t)) {
            return new PoolOps.Pool();
        }
        if (BufferOps.is(t)) {
            return BufferOps.zero(t);
        }
        if (Kinds.isBool(t)) {
            return Boolean.FALSE;
        }
        if (Kinds.isFloat(t)) {
            return 0.0;
        }
        if (Kinds.scalar(t)) {
            return 0L;
        }
        if (Kinds.isString(t)) {
            return GoString.EMPTY;
        }
        if (Kinds.scalarArray(t)) {
            return new ScalarArray((int) ((dev.goroscope.engine.lang.types.Array) u).len());
        }
        if (u instanceof Struct s) {
            Object[] f = new Object[s.fields().size()];
            for (int k = 0; k < f.length; k++) {
                f[k] = zero(s.fields().get(k).type());
            }
            return new Values.StructV((dev.goroscope.engine.lang.interp.RType.StructT) RTypes.of(t), f);
        }
        return null; // pointers, channels: nil
    }

    /** A scalar register's bits as the boxed value a struct field or heap box holds. */
    static Object box(long bits, Type t) {
        if (Kinds.isBool(t)) {
            return bits != 0;
        }
        if (Kinds.isFloat(t)) {
            return Double.longBitsToDouble(bits);
        }
        return bits;
    }

    static long unbox(Object v, Type t) {
        if (v == null) {
            return 0; // an element never written: the zero value
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double d) {
            return Double.doubleToRawLongBits(d);
        }
        return (Long) v;
    }

    /**
     * A value as the interpreter's value model shows it to fmt and to interfaces: arrays of
     * scalars as {@link Values.ArrayV} of boxed elements, slices with their unset elements as
     * zero values.
     */
    static Object forFmt(Object v, Type t) {
        if (v instanceof ScalarArray sa && t.underlying() instanceof dev.goroscope.engine.lang.types.Array at) {
            long[] a = sa.toArray();
            Object[] es = new Object[a.length];
            for (int k = 0; k < a.length; k++) {
                es[k] = box(a[k], at.elem());
            }
            return new Values.ArrayV(es);
        }
        if (v instanceof Values.SliceV sv && t.underlying() instanceof dev.goroscope.engine.lang.types.Slice st) {
            Object[] es = new Object[sv.len()];
            for (int k = 0; k < es.length; k++) {
                Object e = sv.get(k);
                es[k] = e != null ? e : zero(st.elem());
            }
            return new Values.SliceV(new Values.Backing(es, sv.array().addr), 0, sv.len(), sv.len());
        }
        return v;
    }

    /** Value semantics: structs and arrays are copied when assigned or passed. */
    static Object copy(Object v) {
        if (v instanceof Values.StructV s) {
            Object[] f = s.fields().clone();
            for (int k = 0; k < f.length; k++) {
                f[k] = copy(f[k]);
            }
            return new Values.StructV(s.type(), f);
        }
        if (v instanceof ScalarArray a) {
            return a.copy();
        }
        return v;
    }

    static int fieldIndex(Struct s, Var f) {
        return s.fields().indexOf(f);
    }
}
