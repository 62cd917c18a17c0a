package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeStrings;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Asm;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.MethodTable;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.FuncInfo;
import java.util.List;

/**
 * Methods used as values. A method value {@code x.M} evaluates its receiver once, when it is
 * made (dereferencing or taking the address as a call would, and panicking on a nil pointer or
 * nil interface there), and is a closure over that receiver whose code is gc's wrapper
 * {@code main.T.M-fm}: it calls {@code M} with the captured receiver first, or dispatches on
 * the captured interface value. A method expression {@code T.M} is a function taking the receiver
 * as its first parameter: {@code M}'s own code when the receiver types agree, otherwise gc's
 * wrapper ({@code main.(*T).M} for a value method through a pointer, {@code main.S.M} for a
 * promoted one, {@code main.I.M} for an interface's method).
 */
final class MethodValues {
    private final FuncCompiler fc;

    MethodValues(FuncCompiler fc) {
        this.fc = fc;
    }

    /** Whether a selector denotes a method used as a value rather than a field. */
    static boolean is(Selection s) {
        return s != null && (s.kind() == Selection.Kind.METHOD_VAL || s.kind() == Selection.Kind.METHOD_EXPR);
    }

    int value(Expr.Selector sel, Selection s) {
        Func m = (Func) s.obj();
        if (m.isStd()) {
            throw new Unsupported(sel.pos(), "methods of the library's types used as values");
        }
        return s.kind() == Selection.Kind.METHOD_EXPR ? expression(s, m) : bound(sel, s, m);
    }

    /** {@code x.M}: a closure over the receiver, made now. */
    private int bound(Expr.Selector sel, Selection s, Func m) {
        int recv;
        Type recvType;
        if (m.isInterfaceMethod()) {
            recvType = typeAt(fc.info.typeOf(sel.x()), s.path());
            recv = new DispatchOps(fc).receiver(sel.x(), s, m);
            int iface = recv;
            Native nilCheck = (th, i, r, a, b, x, y, resumed) -> {
                if (r[iface] == null) {
                    throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
                }
                return Native.Result.DONE;
            };
            fc.exprs.vm(Op.NATIVE, fc.asm.constant(nilCheck), 0, 0, 0, 0);
        } else if (s.path().size() == 1) {
            recvType = m.type().recv().type();
            if (s.addrRecv()) {
                recv = new Places(fc).addressOfVar(sel.x());
            } else if (s.derefRecv()) {
                recv = fc.heap.read(fc.exprs.value(sel.x()), recvType);
            } else {
                recv = fc.exprs.value(sel.x());
            }
        } else {
            recvType = m.type().recv().type();
            recv = new DispatchOps(fc).receiver(sel.x(), s, m);
        }
        String name = (m.isInterfaceMethod() ? TypeStrings.runtime(recvType) + "." + m.name() : m.fullName()) + "-fm";
        boolean iface = m.isInterfaceMethod();
        Type rt = recvType;
        Code code = fc.program.wrapper(name, () -> boundWrapper(name, m, rt, iface));
        return closure(code, recv, recvType);
    }

    /** The closure object of a method value: the code pointer and the receiver, as gc lays it out. */
    private int closure(Code code, int recv, Type recvType) {
        boolean scalar = Kinds.scalar(recvType);
        boolean ptr = Kinds.refersToHeap(recvType);
        long size = 8 + Math.max(Sizes.sizeof(recvType), 0);
        int nptrs = Sizes.pointerOffsets(recvType).size();
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Object captured = scalar ? Layouts.box(i[recv], recvType) : Layouts.copy(r[recv]);
            long addr = th.machine().runtime().alloc(th.goroutine(), size, nptrs, "func closure");
            if (ptr) {
                th.machine().runtime().store(th.goroutine(), addr, 0, HeapOps.addrOfAny(captured));
            }
            r[dst] = new Values.FuncV(code, new Object[] {captured}, addr);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        fc.heap.slotStore(fc.newSlot(), dst);
        return dst;
    }

    /** {@code T.M}: M's own code, or a wrapper that turns the first argument into M's receiver. */
    private int expression(Selection s, Func m) {
        Type t = s.recv();
        List<Integer> hops = s.path().subList(0, s.path().size() - 1);
        if (!m.isInterfaceMethod() && hops.isEmpty() && Types.identical(m.type().recv().type(), t)) {
            return new Closures(fc).named(m);
        }
        String name = wrapperName(t, m);
        Code code = fc.program.wrapper(name, () -> expressionWrapper(name, t, hops, m));
        int ref = fc.asm.newRef();
        fc.exprs.vm(Op.LDR, ref, fc.asm.constant(code));
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            r[dst] = new Values.FuncV(r[ref], new Object[0], 0);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    /** gc's symbol for the wrapper of {@code T.M}: {@code main.(*T).M}, {@code main.S.M}, {@code main.I.M}. */
    private static String wrapperName(Type t, Func m) {
        if (t instanceof Pointer p && p.elem() instanceof Named n) {
            return pkgOf(n) + ".(*" + n.name() + ")." + m.name();
        }
        if (t instanceof Named n) {
            return pkgOf(n) + "." + n.name() + "." + m.name();
        }
        return TypeStrings.runtime(t) + "." + m.name();
    }

    private static String pkgOf(Named n) {
        return n.pkg() == null ? "go" : n.pkg();
    }

    /** The type reached from {@code start} through a selection's embedded fields. */
    private static Type typeAt(Type start, List<Integer> path) {
        Type cur = start;
        for (int k = 0; k < path.size() - 1; k++) {
            Type u = cur.underlying();
            if (u instanceof Pointer p) {
                u = p.elem().underlying();
            }
            cur = ((Struct) u).fields().get(path.get(k)).type();
        }
        return cur;
    }

    /**
     * {@code M-fm}: the declared parameters arrive first, the captured receiver after them;
     * the receiver goes first into the call of M (or the interface call).
     */
    private Code boundWrapper(String name, Func m, Type recvType, boolean iface) {
        Asm asm = new Asm(name);
        Signature sig = m.type();
        int[] params = params(asm, sig.params().vars());
        int cap = asm.newRef();
        int recv = cap;
        if (!iface && Kinds.scalar(recvType)) {
            recv = asm.newInt();
            int dst = recv;
            Native unbox = (th, i, r, a, b, x, y, resumed) -> {
                i[dst] = Layouts.unbox(r[cap], recvType);
                return Native.Result.DONE;
            };
            asm.emit(Op.NATIVE, asm.constant(unbox), 0, 0, 0, 0);
        }
        int[] arriving = counts(sig.params().vars());
        return call(asm, name, sig, iface ? -1 : recv, iface ? cap : -1, recvType, m, params, sig.params().vars(),
                arriving[0], arriving[1] + 1);
    }

    /** {@code T.M} through a wrapper: the first parameter becomes the receiver M takes. */
    private Code expressionWrapper(String name, Type t, List<Integer> hops, Func m) {
        Asm asm = new Asm(name);
        Signature sig = m.type();
        java.util.List<Var> all = new java.util.ArrayList<>();
        all.add(Var.param("", t));
        all.addAll(sig.params().vars());
        int[] params = params(asm, all);
        int[] arriving = counts(all);
        int first = params[0];
        int[] rest = java.util.Arrays.copyOfRange(params, 1, params.length);
        if (m.isInterfaceMethod() && hops.isEmpty()) {
            return call(asm, name, sig, -1, first, t, m, rest, sig.params().vars(), arriving[0], arriving[1]);
        }
        ReceiverPath path = new ReceiverPath(t, hops, m);
        boolean scalar = path.scalarReceiver();
        int recv = scalar ? asm.newInt() : asm.newRef();
        Native walk = (th, i, r, a, b, x, y, resumed) -> {
            Object v = path.walk(th, r[first]);
            if (scalar) {
                i[recv] = (Long) v;
            } else {
                r[recv] = v;
            }
            return Native.Result.DONE;
        };
        asm.emit(Op.NATIVE, asm.constant(walk), 0, 0, 0, 0);
        Type recvType = m.isInterfaceMethod() ? typeAt(t, append(hops)) : m.type().recv().type();
        return call(asm, name, sig, m.isInterfaceMethod() ? -1 : recv, m.isInterfaceMethod() ? recv : -1,
                recvType, m, rest, sig.params().vars(), arriving[0], arriving[1]);
    }

    /** {scalar, reference} parameter counts. */
    private static int[] counts(List<Var> vars) {
        int[] n = new int[2];
        for (Var v : vars) {
            n[Kinds.scalar(v.type()) ? 0 : 1]++;
        }
        return n;
    }

    /**
     * The wrapper's frame: gc's TEXT line with {@code --frames=go} (none: gc inlined it), else
     * a spill slot per argument word and the saved frame pointer.
     */
    private FuncInfo frame(String name, List<Var> args) {
        if (fc.program.facts() != null) {
            var fr = fc.program.facts().frames().get(name);
            return fr == null ? null : new FuncInfo(name, fr.frameSize(), 0, fr.nosplit());
        }
        long words = 1;
        for (Var v : args) {
            words += (Sizes.sizeof(v.type()) + 7) / 8;
        }
        return new FuncInfo(name, 8 * words + 8, 0, false);
    }

    private static List<Integer> append(List<Integer> hops) {
        java.util.List<Integer> p = new java.util.ArrayList<>(hops);
        p.add(0);
        return p;
    }

    /** Registers for parameters arriving in order, each in its file. */
    private static int[] params(Asm asm, List<Var> vars) {
        int[] regs = new int[vars.size()];
        for (int k = 0; k < regs.length; k++) {
            regs[k] = Kinds.scalar(vars.get(k).type()) ? asm.newInt() : asm.newRef();
        }
        return regs;
    }

    /**
     * Emits the call of {@code m} (receiver in {@code recv}) or the interface call (interface
     * value in {@code iface}) with the parameters, returns its results, and builds the code.
     */
    private Code call(Asm asm, String name, Signature sig, int recv, int iface, Type recvType, Func m, int[] params,
                      List<Var> vars, int paramInts, int paramRefs) {
        int firstI = asm.ints();
        int firstR = asm.refs();
        if (iface < 0) {
            asm.emit(Kinds.move(recvType), Kinds.scalar(recvType) ? asm.newInt() : asm.newRef(), recv);
        }
        for (int k = 0; k < params.length; k++) {
            Type pt = vars.get(k).type();
            asm.emit(Kinds.move(pt), Kinds.scalar(pt) ? asm.newInt() : asm.newRef(), params[k]);
        }
        int ri = -1;
        int rr = -1;
        int nri = 0;
        int nrr = 0;
        for (Var r : sig.results().vars()) {
            if (Kinds.scalar(r.type())) {
                int reg = asm.newInt();
                ri = ri < 0 ? reg : ri;
                nri++;
            } else {
                int reg = asm.newRef();
                rr = rr < 0 ? reg : rr;
                nrr++;
            }
        }
        ri = Math.max(ri, 0);
        rr = Math.max(rr, 0);
        if (iface >= 0) {
            MethodTable.Site site = new MethodTable.Site(fc.program.methods.table, m.name(), iface);
            asm.emit(Op.CALLI, asm.constant(site), firstI, firstR, ri, rr);
        } else {
            asm.emit(Op.CALL, asm.constant(fc.program.codeRef(m)), firstI, firstR, ri, rr);
        }
        asm.emit(Op.RET, ri, rr);
        return asm.build(frame(name, vars), paramInts, paramRefs, nri, nrr);
    }
}
