package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.FieldBox;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.ScalarArray;
import java.util.List;

/**
 * From a value to the receiver a method was compiled for (spec, "Selectors"): through the
 * embedded fields a promoted method comes from, following pointers on the way, then taking the
 * address ({@code &x.E} for a pointer method of an embedded value, an interior pointer) or
 * dereferencing ({@code *p} for a value method through a pointer). gc compiles this walk into
 * the wrappers it generates ({@code main.(*Dog).Name}); the simulation does it in place, for
 * interface calls (method tables), fmt's calls, and static calls of promoted methods.
 *
 * <p>Everything static about the walk is worked out once, when the path is built; a walk only
 * reads fields. A nil pointer on the way panics as Go's wrappers do: the receiver itself with
 * {@code value method main.T.M called using nil *T pointer} ({@code runtime.panicwrap}), an
 * embedded pointer with a nil pointer dereference.
 */
final class ReceiverPath {
    private final Func method;
    /** Per hop: the field index, whether the value there is reached through a pointer, the interior layout. */
    private final int[] fields;
    private final boolean[] viaPtr;
    private final boolean[] ptrField;
    private final HeapBox.Layout[] interior;
    /** The type reached at the end of the walk. */
    private final Type end;
    private final Type recvType;

    /**
     * @param start  the type of the value the walk starts from (a pointer or not)
     * @param hops   the embedded fields to walk through (a selection's path without its last index)
     * @param method the method; an interface's method when it is promoted from an embedded interface
     */
    ReceiverPath(Type start, List<Integer> hops, Func method) {
        this.method = method;
        int n = hops.size();
        fields = new int[n];
        viaPtr = new boolean[n];
        ptrField = new boolean[n];
        interior = new HeapBox.Layout[n];
        Type cur = start;
        Type box = null; // the type of the heap object the current value lives in, if known
        long offset = 0;
        for (int k = 0; k < n; k++) {
            if (Kinds.isPointer(cur)) {
                viaPtr[k] = true;
                cur = ((Pointer) cur.underlying()).elem();
                box = cur;
                offset = 0;
            }
            Struct st = (Struct) cur.underlying();
            int fi = hops.get(k);
            fields[k] = fi;
            offset += Sizes.offsetsof(st)[fi];
            cur = st.fields().get(fi).type();
            ptrField[k] = Kinds.isPointer(cur);
            interior[k] = box == null ? null : Layouts.interior(box, offset, cur);
        }
        end = cur;
        recvType = method.type().recv() == null ? null : method.type().recv().type();
    }

    /**
     * Whether the walk can produce the receiver: a pointer method of a value reached by value
     * needs that value's address, which exists only when a pointer was followed on the way.
     */
    boolean addressable() {
        if (!(recvType instanceof Pointer) || Kinds.isPointer(end)) {
            return true;
        }
        for (boolean p : viaPtr) {
            if (p) {
                return true;
            }
        }
        return false;
    }

    /** Whether the receiver goes into a scalar register. */
    boolean scalarReceiver() {
        return recvType != null && Kinds.scalar(recvType);
    }

    /** Whether the method is an interface's: the walk ends at an interface value to dispatch on. */
    boolean forwards() {
        return recvType == null;
    }

    /**
     * The receiver, from a value of the start type as the interpreter holds it (a pointer as its
     * box, or null): a scalar as its register bits, a struct or array as a copy.
     */
    Object walk(Machine.Thread t, Object data) {
        Object v = data;
        HeapBox holder = null;
        for (int k = 0; k < fields.length; k++) {
            if (viaPtr[k]) {
                HeapBox b = deref(t, v);
                holder = b;
                v = b.get();
            }
            v = ((Values.StructV) v).fields()[fields[k]];
            holder = holder == null || ptrField[k] ? null : new FieldBox(holder, fields[k], interior[k]);
        }
        if (recvType == null) {
            return v; // an interface value: the caller dispatches on it
        }
        if (recvType instanceof Pointer) {
            return Kinds.isPointer(end) ? v : holder;
        }
        if (Kinds.isPointer(end)) {
            if (v == null) {
                if (fields.length == 0) {
                    throw panicwrap();
                }
                throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
            }
            v = deref(t, v).get();
        }
        return forRegister(v, recvType);
    }

    private static HeapBox deref(Machine.Thread t, Object v) {
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        HeapBox h = (HeapBox) v;
        t.machine().runtime().use(t.goroutine(), h.addr());
        return h;
    }

    /** {@code runtime.panicwrap}: a value method called through a nil pointer. */
    private GoPanic panicwrap() {
        Named n = (Named) recvType;
        String typ = n.name();
        String msg = "value method " + (n.pkg() == null ? "" : n.pkg() + ".") + typ + "." + method.name()
                + " called using nil *" + typ + " pointer";
        return new GoPanic(msg, GoString.of(msg), true);
    }

    /** A value as a register of its type holds it: scalars as bits, arrays of scalars as ScalarArray, copies. */
    static Object forRegister(Object v, Type t) {
        if (Kinds.scalar(t)) {
            return Layouts.unbox(v, t);
        }
        if (v instanceof Values.ArrayV av && Kinds.scalarArray(t)) {
            ScalarArray sa = new ScalarArray(av.elems().length);
            Type et = ((dev.goroscope.engine.lang.types.Array) t.underlying()).elem();
            for (int k = 0; k < av.elems().length; k++) {
                sa.set(k, Layouts.unbox(av.elems()[k], et));
            }
            return sa;
        }
        if (v == null && Kinds.copied(t)) {
            return Layouts.zero(t);
        }
        return Layouts.copy(v);
    }
}
