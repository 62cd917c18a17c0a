package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Type;
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
    private final Embedded path;
    private final Type recvType;

    /**
     * @param start  the type of the value the walk starts from (a pointer or not)
     * @param hops   the embedded fields to walk through (a selection's path without its last index)
     * @param method the method; an interface's method when it is promoted from an embedded interface
     */
    ReceiverPath(Type start, List<Integer> hops, Func method) {
        this.method = method;
        this.path = new Embedded(start, hops);
        recvType = method.type().recv() == null ? null : method.type().recv().type();
    }

    /**
     * Whether the walk can produce the receiver: a pointer method of a value reached by value
     * needs that value's address, which exists only when a pointer was followed on the way.
     */
    boolean addressable() {
        return !(recvType instanceof Pointer) || Kinds.isPointer(path.end()) || path.addressable();
    }

    /** Whether the receiver goes into a scalar register. */
    boolean scalarReceiver() {
        return recvType != null && Kinds.scalar(recvType);
    }

    /**
     * Whether the method is an interface's: the walk ends at an interface value to dispatch on.
     * The universe's {@code error} gives its Error method the interface as receiver type.
     */
    boolean forwards() {
        return recvType == null || Kinds.isIface(recvType);
    }

    /**
     * The receiver, from a value of the start type as the interpreter holds it (a pointer as its
     * box, or null): a scalar as its register bits, a struct or array as a copy.
     */
    Object walk(Machine.Thread t, Object data) {
        Object v = path.walk(t, data);
        boolean atPointer = Kinds.isPointer(path.end());
        if (recvType instanceof Pointer) {
            return v; // the pointer itself, or the address of the embedded value
        }
        if (atPointer) {
            if (v == null) {
                if (path.empty()) {
                    throw panicwrap();
                }
                throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
            }
            v = Embedded.deref(t, v).get();
        } else if (path.yieldsBox()) {
            v = ((HeapBox) v).get();
        }
        return recvType == null ? v : forRegister(v, recvType);
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
