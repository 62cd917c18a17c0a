package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Asm;
import dev.goroscope.engine.lang.vm.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls: user functions (a {@code CALL}, which the VM mirrors into the runtime's stack), library
 * functions ({@code NATIVE}), builtins, and conversions. Arguments are evaluated left to right
 * into fresh consecutive registers of each file, as the VM's calling convention wants.
 */
final class Calls {
    private final FuncCompiler fc;
    private final ExprCompiler ec;
    private final Asm asm;

    Calls(FuncCompiler fc) {
        this.fc = fc;
        this.ec = fc.exprs;
        this.asm = fc.asm;
    }

    /** A call used as a single value: its first result's register. */
    int callValue(Expr.Call c) {
        if (fc.info.isType(c.fun())) {
            return conversion(c);
        }
        Type t = fc.info.typeOf(c);
        int ri = Kinds.scalar(t) ? asm.newInt() : -1;
        int rr = Kinds.scalar(t) ? -1 : asm.newRef();
        call(c, ri, rr);
        return ri >= 0 ? ri : rr;
    }

    /**
     * Emits the call with results going to consecutive registers starting at {@code resI} and
     * {@code resR} (-1: discard; fresh registers are then used).
     */
    void call(Expr.Call c, int resI, int resR) {
        Builtin b = fc.info.builtinOf(c);
        if (b != null) {
            Builtins.emit(fc, b, c, resI, resR);
            return;
        }
        Func f = callee(c.fun());
        if (f == null && c.fun() instanceof Expr.Selector sel
                && !(fc.info.selectionOf(sel) != null && fc.info.selectionOf(sel).kind() == Selection.Kind.METHOD_EXPR)) {
            Selection s = fc.info.selectionOf(sel);
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL && s.obj() instanceof Func m
                    && ContextOps.isContext(s.recv())) {
                ContextOps.call(fc, m, c, sel.x(), resI, resR);
                return;
            }
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL && s.obj() instanceof Func m && m.isStd()
                    && SyncOps.is(recvNamed(s.recv()))) {
                SyncOps.call(fc, m, sel.x(), c.args());
                return;
            }
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL && s.obj() instanceof Func m && m.isStd()
                    && TimeOps.method(fc, m, sel.x(), c.args(), resI, resR)) {
                return;
            }
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL && s.obj() instanceof Func m && m.isStd()
                    && PoolOps.is(recvNamed(s.recv())) && PoolOps.call(fc, m, sel.x(), c.args(), resR)) {
                return;
            }
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL && s.obj() instanceof Func m && m.isStd()
                    && BufferOps.is(recvNamed(s.recv()))) {
                BufferOps.call(fc, m, c, sel.x(), resI, resR);
                return;
            }
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL && s.obj() instanceof Func m && !m.isStd()) {
                methodCall(c, sel, s, m, resI, resR);
                return;
            }
            throw new Unsupported(c.pos(), "this method call (library types other than sync's and time's)");
        }
        if (f == null && Kinds.isFunc(fc.info.typeOf(c.fun()))) {
            Signature sig = (Signature) fc.info.typeOf(c.fun()).underlying();
            if (sig.variadic()) {
                throw new Unsupported(c.pos(), "variadic function values");
            }
            int fv = ec.value(c.fun());
            int[] args = args(c.args(), sig);
            int[] res = results(sig, resI, resR);
            asm.emitAt(c.lparen().line(), Op.CALLV, fv, args[0], args[1], res[0], res[1]);
            return;
        }
        if (f == null) {
            throw new Unsupported(c.pos(), "this kind of call");
        }
        Signature sig = f.type();
        if (sig.variadic() && !f.isStd()) {
            throw new Unsupported(c.pos(), "variadic functions");
        }
        if (f.isStd()) {
            Natives.emit(fc, f, c, resI, resR);
            return;
        }
        if (f.isMethod()) {
            throw new Unsupported(c.pos(), "methods");
        }
        int[] args = args(c.args(), sig);
        int[] res = results(sig, resI, resR);
        asm.emitAt(c.lparen().line(), Op.CALL, asm.constant(fc.program.callRef(f, c.lparen())), args[0], args[1], res[0], res[1]);
    }

    /** {@code x.M(args)} of a method declared in the program: the receiver is the first argument. */
    private void methodCall(Expr.Call c, Expr.Selector sel, Selection s, Func m, int resI, int resR) {
        if (s.path().size() != 1 || m.isInterfaceMethod()) {
            new DispatchOps(fc).call(c, sel, s, m, resI, resR); // through an interface or embedded fields
            return;
        }
        Type recvType = m.type().recv().type();
        int recv;
        Integer pre = fc.preset(sel);
        if (pre != null) {
            recv = pre; // a deferred call's receiver, evaluated at the defer statement
        } else if (s.addrRecv()) {
            recv = new Places(fc).addressOfVar(sel.x());
        } else if (s.derefRecv()) {
            recv = fc.heap.read(ec.value(sel.x()), recvType);
        } else {
            recv = ec.value(sel.x());
        }
        callWithReceiver(m, recv, c, resI, resR);
    }

    /** Calls method {@code m} with the receiver already in register {@code recv} (of its file), for call {@code c}. */
    void callWithReceiver(Func m, int recv, Expr.Call c, int resI, int resR) {
        List<Expr> args = c.args();
        Type recvType = m.type().recv().type();
        Signature sig = m.type();
        List<int[]> placed = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            placed.add(new int[] {ec.value(args.get(k))});
        }
        int firstI = asm.ints();
        int firstR = asm.refs();
        ec.vm(Kinds.move(recvType), Kinds.scalar(recvType) ? asm.newInt() : asm.newRef(), recv);
        for (int k = 0; k < args.size(); k++) {
            Type pt = sig.params().type(k);
            ec.vm(Kinds.move(pt), Kinds.scalar(pt) ? asm.newInt() : asm.newRef(), placed.get(k)[0]);
        }
        int[] res = results(sig, resI, resR);
        asm.emitAt(c.lparen().line(), Op.CALL, asm.constant(fc.program.callRef(m, c.lparen())), firstI, firstR, res[0], res[1]);
    }

    /** {@code go f(args)}: a new goroutine starts in {@code f} (named functions in this version). */
    void go(Expr.Call c) {
        Func f = callee(c.fun());
        if (f == null && Kinds.isFunc(fc.info.typeOf(c.fun()))) {
            Signature sig = (Signature) fc.info.typeOf(c.fun()).underlying();
            int fv = ec.value(c.fun());
            int[] args = args(c.args(), sig);
            asm.emit(Op.GOV, fv, args[0], args[1], 0, 0);
            return;
        }
        if (f == null || f.isStd() || f.isMethod() || fc.info.builtinOf(c) != null) {
            throw new Unsupported(c.pos(), "go with a method or library call");
        }
        int[] args = args(c.args(), f.type());
        asm.emit(Op.GO, asm.constant(fc.program.codeRef(f)), args[0], args[1], 0, 0);
    }

    private static Type recvNamed(Type t) {
        return t.underlying() instanceof dev.goroscope.engine.lang.types.Pointer p ? p.elem() : t;
    }

    /** The function a call expression names: {@code f} or {@code pkg.F}. */
    Func callee(Expr fun) {
        if (fun instanceof Expr.Paren p) {
            return callee(p.x());
        }
        if (fun instanceof Expr.Ident id) {
            Obj o = fc.info.objectOf(id);
            return o instanceof Func f ? f : null;
        }
        if (fun instanceof Expr.Selector s) {
            Selection sel = fc.info.selectionOf(s);
            if (sel != null && sel.kind() == Selection.Kind.PACKAGE_MEMBER && sel.obj() instanceof Func f) {
                return f;
            }
        }
        return null;
    }

    /** Evaluates arguments into fresh consecutive registers: {firstInt, firstRef}. */
    int[] args(List<Expr> args, Signature sig) {
        List<int[]> placed = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            Type pt = sig.params().type(Math.min(k, sig.params().size() - 1));
            placed.add(new int[] {ec.value(args.get(k)), Kinds.scalar(pt) ? 1 : 0});
        }
        int firstI = asm.ints();
        int firstR = asm.refs();
        for (int k = 0; k < args.size(); k++) {
            Type pt = sig.params().type(Math.min(k, sig.params().size() - 1));
            if (Kinds.scalar(pt)) {
                ec.vm(Op.MOVI, asm.newInt(), placed.get(k)[0]);
            } else {
                ec.vm(Kinds.move(pt), asm.newRef(), placed.get(k)[0]);
            }
        }
        return new int[] {firstI, firstR};
    }

    /** Result registers: the requested ones, then fresh consecutive ones for the rest. */
    int[] results(Signature sig, int resI, int resR) {
        int firstI = resI;
        int firstR = resR;
        boolean usedI = false;
        boolean usedR = false;
        for (int k = 0; k < sig.results().size(); k++) {
            if (Kinds.scalar(sig.results().type(k))) {
                int r = asm.newInt();
                if (!usedI) {
                    firstI = firstI >= 0 ? firstI : r;
                    usedI = true;
                }
            } else {
                int r = asm.newRef();
                if (!usedR) {
                    firstR = firstR >= 0 ? firstR : r;
                    usedR = true;
                }
            }
        }
        return new int[] {Math.max(firstI, 0), Math.max(firstR, 0)};
    }

    /** {@code T(x)}: numeric conversions here, strings and byte or rune slices in {@link Conversions}. */
    private int conversion(Expr.Call c) {
        Type to = fc.info.typeOf(c);
        Expr x = c.args().get(0);
        Type from = fc.info.typeOf(x);
        int v = ec.value(x);
        if (Kinds.isIface(to)) {
            return new IfaceOps(fc).wrap(v, from, x);
        }
        if (Kinds.isString(to) && Kinds.isString(from)) {
            return v;
        }
        if (Conversions.handles(from, to)) {
            return Conversions.convert(fc, c, from, to, v);
        }
        if (Kinds.refersToHeap(to) && !Kinds.isIface(to)
                && (Kinds.refersToHeap(from) || fc.info.valueOf(x) != null && fc.info.valueOf(x).value() == null)) {
            return v; // (*T)(nil), []byte(b) of a named slice type: the same value under another type
        }
        if (!Kinds.scalar(to) || !Kinds.scalar(from)) {
            throw new Unsupported(c.pos(), "conversion from " + from + " to " + to);
        }
        int r = asm.newInt();
        if (Kinds.isFloat(to) && !Kinds.isFloat(from)) {
            ec.vm(Kinds.isUnsigned(from) ? Op.U2F : Op.I2F, r, v);
            return r;
        }
        if (!Kinds.isFloat(to) && Kinds.isFloat(from)) {
            ec.vm(Op.F2I, r, v);
            return ec.wrap(r, to);
        }
        ec.vm(Op.MOVI, r, v);
        return ec.wrap(r, to);
    }
}
