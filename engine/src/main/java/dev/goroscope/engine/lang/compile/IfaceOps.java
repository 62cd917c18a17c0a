package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.TypeNames;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;

/**
 * Interface values: an {@link Values.Iface} of the dynamic type's run-time descriptor and the
 * value, {@code null} for a nil interface; every interface type, with methods or without, holds
 * them the same way (the methods are found through the dynamic type, {@link MethodSets}). A
 * value is converted where the checker says it meets an interface type; a type assertion
 * compares descriptors, or checks the dynamic type's method set against an interface, and
 * panics with Go's {@code interface conversion} messages.
 */
final class IfaceOps {
    private final FuncCompiler fc;

    IfaceOps(FuncCompiler fc) {
        this.fc = fc;
    }

    static boolean isEmptyIface(Type t) {
        return t.underlying() instanceof dev.goroscope.engine.lang.types.Interface i && i.methods().isEmpty()
                && i.embeddeds().isEmpty();
    }

    /** Converts register {@code v} holding a value of {@code from} into an interface value. */
    int wrap(int v, Type from, Expr at) {
        return wrap(v, from, null, at);
    }

    /**
     * As {@link #wrap(int, Type, Expr)}, into the interface type {@code to} (null: any). The
     * dynamic type's method set goes into the method tables; the value is copied to the heap
     * where gc's {@code convT} would copy it ({@link ConvT}).
     */
    int wrap(int v, Type from, Type to, Expr at) {
        if (Kinds.isIface(from)) {
            return v; // between interface types the value stays as it is (the checker proved it fits)
        }
        RType rt;
        try {
            rt = RTypes.of(from);
        } catch (IllegalArgumentException e) {
            throw new Unsupported(at.pos(), "converting values of type " + from + " to an interface");
        }
        fc.program.methods.register(from);
        ConvT conv = ConvT.of(from, at != null && fc.info.valueOf(at) != null);
        boolean scalar = Kinds.scalar(from);
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Object val = scalar ? Layouts.box(i[v], from) : forIface(Layouts.copy(r[v]), from);
            r[dst] = new Values.Iface(rt, val, conv.alloc(th, val));
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        if (conv.mayAllocate()) {
            fc.heap.slotStore(fc.newSlot(), dst); // the heap copy is live while the interface is
        }
        return dst;
    }

    /**
     * A value as an interface holds it, in the model fmt reads: arrays of scalars as
     * {@link Values.ArrayV}; a slice keeps sharing its array (elements never written, null,
     * become explicit zero values in place).
     */
    static Object forIface(Object v, Type t) {
        if (v instanceof Values.SliceV sv && t.underlying() instanceof dev.goroscope.engine.lang.types.Slice st) {
            for (int k = 0; k < sv.len(); k++) {
                if (sv.get(k) == null) {
                    sv.array().elems[sv.off() + k] = Layouts.zero(st.elem());
                }
            }
            return sv;
        }
        return Layouts.forFmt(v, t);
    }

    /** The interface type's name as the runtime's messages spell it ({@code interface {}}, {@code main.Shape}). */
    static String runtimeName(Type t) {
        return dev.goroscope.engine.lang.types.TypeStrings.runtime(t);
    }

    /** {@code x.(T)} into a register of T's file; {@code okReg >= 0} for the comma-ok form. */
    int assert_(Expr.TypeAssert ta, int okReg) {
        Type to = fc.info.typeOf(ta.type());
        if (Kinds.isIface(to)) {
            return assertIface(ta, to, okReg);
        }
        int x = fc.exprs.value(ta.x());
        RType want = RTypes.of(to);
        fc.program.methods.register(to);
        String wantName = TypeNames.of(want);
        String ifaceName = runtimeName(fc.info.typeOf(ta.x()));
        boolean scalar = Kinds.scalar(to);
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, xx, y, resumed) -> {
            Values.Iface v = (Values.Iface) r[x];
            boolean ok = v != null && want.equals(v.type());
            if (okReg >= 0) {
                i[okReg] = ok ? 1 : 0;
            } else if (!ok) {
                String have = v == null ? "nil" : TypeNames.of(v.type());
                String msg = "interface conversion: " + ifaceName + " is " + have + ", not " + wantName;
                throw new GoPanic(msg, GoString.of(msg), true);
            }
            Object val = ReceiverPath.forRegister(ok ? v.value() : Layouts.zero(to), to);
            if (scalar) {
                i[dst] = (Long) val;
            } else {
                r[dst] = val;
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    /** {@code x.(I)} for an interface type I: the dynamic type must have I's methods. */
    private int assertIface(Expr.TypeAssert ta, Type to, int okReg) {
        int x = fc.exprs.value(ta.x());
        Implements impl = new Implements(fc.program.methods.table, to);
        String toName = runtimeName(to);
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, xx, y, resumed) -> {
            Values.Iface v = (Values.Iface) r[x];
            String missing = v == null ? null : impl.missing(v.type());
            boolean ok = v != null && missing == null;
            if (okReg >= 0) {
                i[okReg] = ok ? 1 : 0;
            } else if (v == null) {
                String msg = "interface conversion: interface is nil, not " + toName;
                throw new GoPanic(msg, GoString.of(msg), true);
            } else if (!ok) {
                String msg = "interface conversion: " + TypeNames.of(v.type()) + " is not " + toName
                        + ": missing method " + missing;
                throw new GoPanic(msg, GoString.of(msg), true);
            }
            r[dst] = ok ? v : null;
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    /** i-register with {@code x == y} for interface values (same dynamic type and equal values). */
    int equal(int x, int y) {
        int dst = fc.asm.newInt();
        Native n = (th, i, r, a, b, xx, yy, resumed) -> {
            Object p = r[x];
            Object q = r[y];
            boolean eq;
            if (p == null || q == null) {
                eq = p == q;
            } else {
                eq = same((Values.Iface) p, (Values.Iface) q);
            }
            i[dst] = eq ? 1 : 0;
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    /**
     * {@code efaceeq}: two non-nil interface values are equal when their dynamic types are the
     * same and their values are; comparing two values of the same uncomparable type panics.
     */
    static boolean same(Values.Iface u, Values.Iface v) {
        if (!u.type().equals(v.type())) {
            return false;
        }
        if (!comparable(u.type())) {
            throw GoPanic.runtimeError("comparing uncomparable type " + TypeNames.of(u.type()));
        }
        return u.value() == v.value() || u.value() != null && u.value().equals(v.value());
    }

    /** Whether values of a dynamic type can be compared with == (spec, "Comparison operators"). */
    static boolean comparable(RType t) {
        if (t instanceof RType.SliceT || t instanceof RType.MapT || t instanceof RType.FuncT) {
            return false;
        }
        if (t instanceof RType.ArrayT a) {
            return comparable(a.elem());
        }
        if (t instanceof RType.StructT s) {
            for (RType.Field f : s.fields()) {
                if (!comparable(f.type())) {
                    return false;
                }
            }
        }
        return true;
    }
}
