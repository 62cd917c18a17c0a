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
 * Interface values ({@code any}, {@code interface{}}): an {@link Values.Iface} of the dynamic
 * type's run-time descriptor and the value, {@code null} for a nil interface. A value is
 * converted where the checker says it meets an interface type; a type assertion compares
 * descriptors and panics with Go's {@code interface conversion} message. Interfaces with
 * methods (error, fmt.Stringer) need method sets and come with methods.
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

    /** As {@link #wrap(int, Type, Expr)}, into the interface type {@code to} (null: any). */
    int wrap(int v, Type from, Type to, Expr at) {
        if (Kinds.isIface(from)) {
            return v;
        }
        if (to != null && !isEmptyIface(to)) {
            throw new Unsupported(at.pos(), "converting " + from + " to " + to
                    + " (interfaces with methods take values of the library's types only, for now)");
        }
        RType rt;
        try {
            rt = RTypes.of(from);
        } catch (IllegalArgumentException e) {
            throw new Unsupported(at.pos(), "converting values of type " + from + " to an interface");
        }
        boolean scalar = Kinds.scalar(from);
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Object val = scalar ? Layouts.box(i[v], from) : Layouts.forFmt(Layouts.copy(r[v]), from);
            r[dst] = new Values.Iface(rt, val);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    /** {@code x.(T)} into a register of T's file; {@code okReg >= 0} for the comma-ok form. */
    int assert_(Expr.TypeAssert ta, int okReg) {
        Type to = fc.info.typeOf(ta.type());
        if (Kinds.isIface(to)) {
            throw new Unsupported(ta.pos(), "type assertions to interface types");
        }
        int x = fc.exprs.value(ta.x());
        RType want = RTypes.of(to);
        String wantName = TypeNames.of(want);
        String ifaceName = fc.info.typeOf(ta.x()).toString();
        boolean scalar = Kinds.scalar(to);
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, xx, y, resumed) -> {
            Values.Iface v = (Values.Iface) r[x];
            boolean ok = v != null && want.equals(v.type());
            if (okReg >= 0) {
                i[okReg] = ok ? 1 : 0;
            } else if (!ok) {
                String have = v == null ? "nil" : TypeNames.of(v.type());
                String msg = "interface conversion: " + ("any".equals(ifaceName) ? "interface {}" : ifaceName)
                        + " is " + have + ", not " + wantName;
                throw new GoPanic(msg, GoString.of(msg), true);
            }
            Object val = ok ? v.value() : Layouts.zero(to);
            if (val instanceof Values.ArrayV av && Kinds.scalarArray(to)) {
                dev.goroscope.engine.lang.vm.ScalarArray sa = new dev.goroscope.engine.lang.vm.ScalarArray(av.elems().length);
                Type et = ((dev.goroscope.engine.lang.types.Array) to.underlying()).elem();
                for (int k = 0; k < av.elems().length; k++) {
                    sa.set(k, Layouts.unbox(av.elems()[k], et));
                }
                val = sa;
            }
            if (scalar) {
                i[dst] = Layouts.unbox(val, to);
            } else {
                r[dst] = Layouts.copy(val);
            }
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
                Values.Iface u = (Values.Iface) p;
                Values.Iface v = (Values.Iface) q;
                eq = u.type().equals(v.type()) && (u.value() == v.value()
                        || u.value() != null && !(u.value() instanceof dev.goroscope.engine.lang.vm.HeapBox)
                        && u.value().equals(v.value()));
            }
            i[dst] = eq ? 1 : 0;
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }
}
