package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.MethodTable;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import java.util.List;

/**
 * Method calls that are not a plain static call: {@code x.M(args)} where {@code x} is an
 * interface value (an {@link Op#CALLI} that finds {@code M} in the dynamic type's method table
 * when it runs), and calls of methods promoted from embedded fields (the receiver is reached by
 * a {@link ReceiverPath}, then the call is static, or dynamic when the embedded field is itself
 * an interface).
 */
final class DispatchOps {
    private final FuncCompiler fc;

    DispatchOps(FuncCompiler fc) {
        this.fc = fc;
    }

    /** {@code x.M(args)} for a method found through an interface or embedded fields. */
    void call(Expr.Call c, Expr.Selector sel, Selection s, Func m, int resI, int resR) {
        int recv = receiver(sel.x(), s, m);
        if (m.isInterfaceMethod()) {
            ifaceCall(recv, m, c, resI, resR);
        } else {
            new Calls(fc).callWithReceiver(m, recv, c, resI, resR);
        }
    }

    /**
     * The register holding {@code m}'s receiver, reached from {@code x} through the selection's
     * embedded fields (an interface value when {@code m} is an interface's method).
     */
    int receiver(Expr x, Selection s, Func m) {
        List<Integer> hops = s.path().subList(0, s.path().size() - 1);
        if (hops.isEmpty() && m.isInterfaceMethod()) {
            return fc.exprs.value(x);
        }
        Type xt = fc.info.typeOf(x);
        Var bv = boxedVar(x);
        int start;
        Type startType;
        if (bv != null && !Kinds.isPointer(xt)) {
            start = fc.regs.get(bv); // an addressable variable: walk from its heap box
            startType = new Pointer(xt);
        } else {
            start = fc.exprs.value(x);
            startType = xt;
        }
        ReceiverPath path = new ReceiverPath(startType, hops, m);
        if (!path.addressable()) {
            throw new Unsupported(x.pos(), "calling a pointer method on a variable that is not a pointer"
                    + " (declare it with new or &T{})");
        }
        boolean scalar = path.scalarReceiver();
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, xx, y, resumed) -> {
            Object v = path.walk(th, r[start]);
            if (scalar) {
                i[dst] = (Long) v;
            } else {
                r[dst] = v;
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    /** {@code x.M(args)} on the interface value in {@code iface}: dispatch on its dynamic type. */
    void ifaceCall(int iface, Func m, Expr.Call c, int resI, int resR) {
        List<Expr> args = c.args();
        Signature sig = m.type();
        if (sig.variadic()) {
            throw new Unsupported(args.isEmpty() ? null : args.get(0).pos(), "variadic interface methods");
        }
        Calls calls = new Calls(fc);
        int[] a = calls.args(args, sig);
        int[] res = calls.results(sig, resI, resR);
        MethodTable.Site site = new MethodTable.Site(fc.program.methods.table, m.name(), iface);
        fc.asm.emitAt(c.lparen().line(), Op.CALLI, fc.asm.constant(site), a[0], a[1], res[0], res[1]);
    }

    /** The moved-to-heap variable an expression names, or null. */
    private Var boxedVar(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.x();
        }
        if (e instanceof Expr.Ident id && fc.info.objectOf(id) instanceof Var v && fc.boxed.contains(v)
                && fc.regs.get(v) != null) {
            return v;
        }
        return null;
    }
}
