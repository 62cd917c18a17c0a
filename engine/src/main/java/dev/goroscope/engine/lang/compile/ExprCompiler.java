package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Asm;

/**
 * Compiles expressions. {@link #value} returns the register holding the value (the file follows
 * the expression's type: scalars in {@code i}, strings and arrays in {@code r}); the register
 * may be a variable's own, so callers only read it.
 */
final class ExprCompiler {
    private final FuncCompiler fc;
    private final Asm asm;

    ExprCompiler(FuncCompiler fc) {
        this.fc = fc;
        this.asm = fc.asm;
    }

    Type type(Expr e) {
        return fc.info.typeOf(e);
    }

    int temp(Type t) {
        return Kinds.scalar(t) ? asm.newInt() : asm.newRef();
    }

    /** Evaluates for side effects only. */
    void discard(Expr e) {
        if (e instanceof Expr.Call c) {
            new Calls(fc).call(c, -1, -1);
            return;
        }
        value(e);
    }

    /** Evaluates {@code e} into {@code reg} (of the file of {@code target}). */
    void into(Expr e, int reg, Type target) {
        int v = value(e);
        if (v != reg || Kinds.copied(target)) {
            vm(Kinds.move(target), reg, v);
        }
    }

    /**
     * The value of {@code e}, converted to an interface where the checker says the value meets
     * one (an argument of type any, an assignment to an interface variable, ...).
     */
    int value(Expr e) {
        Integer pre = fc.preset(e);
        if (pre != null) {
            return pre; // a deferred call's operand, evaluated at the defer statement
        }
        Type target = fc.info.implicitTarget(e);
        int v = rawValue(e);
        if (target != null && Kinds.isIface(target) && !Kinds.isIface(type(e))) {
            if (type(e).underlying() instanceof dev.goroscope.engine.lang.types.Basic bb
                    && bb.kind() == dev.goroscope.engine.lang.types.Basic.Kind.UNTYPED_NIL) {
                return v; // nil as an interface: the nil interface
            }
            return new IfaceOps(fc).wrap(v, type(e), target, e);
        }
        return v;
    }

    private int rawValue(Expr e) {
        Constant c = fc.info.valueOf(e);
        if (c != null) {
            return constant(c, type(e), e);
        }
        if (e instanceof Expr.Paren p) {
            return value(p.x());
        }
        if (e instanceof Expr.Ident id) {
            return ident(id);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u);
        }
        if (e instanceof Expr.Call call) {
            return new Calls(fc).callValue(call);
        }
        if (e instanceof Expr.Index ix) {
            return index(ix);
        }
        if (e instanceof Expr.Selector sel && MemStatsOps.is(type(sel.x()))) {
            return MemStatsOps.field(fc, sel);
        }
        if (e instanceof Expr.Selector sel && LibraryVars.of(fc, sel) != null) {
            return LibraryVars.load(fc, LibraryVars.of(fc, sel));
        }
        if (e instanceof Expr.Selector sel && MethodValues.is(fc.info.selectionOf(sel))) {
            return new MethodValues(fc).value(sel, fc.info.selectionOf(sel));
        }
        if (e instanceof Expr.Selector sel) {
            return new Places(fc).fieldRead(sel);
        }
        if (e instanceof Expr.Star st) {
            return fc.heap.read(value(st.x()), type(st));
        }
        if (e instanceof Expr.FuncLit fl) {
            return new Closures(fc).literal(fl);
        }
        if (e instanceof Expr.CompositeLit cl && PoolOps.is(type(cl))) {
            return PoolOps.literal(fc, cl);
        }
        if (e instanceof Expr.CompositeLit cl && Kinds.isMap(type(cl))) {
            return mapLit(cl);
        }
        if (e instanceof Expr.CompositeLit cl && Kinds.isSlice(type(cl))) {
            return sliceLit(cl);
        }
        if (e instanceof Expr.CompositeLit cl) {
            return new Places(fc).structLit(cl);
        }
        if (e instanceof Expr.SliceExpr se) {
            return sliceExpr(se);
        }
        if (e instanceof Expr.TypeAssert ta) {
            return new IfaceOps(fc).assert_(ta, -1);
        }
        throw new Unsupported(e.pos(), describe(e));
    }

    private static String describe(Expr e) {
        if (e instanceof Expr.CompositeLit) {
            return "composite literals";
        }
        if (e instanceof Expr.Selector) {
            return "selectors (struct fields, methods)";
        }
        if (e instanceof Expr.SliceExpr) {
            return "slice expressions";
        }
        if (e instanceof Expr.Star) {
            return "pointers";
        }
        return e.getClass().getSimpleName();
    }

    int constant(Constant c, Type t, Expr at) {
        if (Kinds.isString(t)) {
            int r = asm.newRef();
            vm(dev.goroscope.engine.lang.vm.Op.LDR, r, asm.constant(GoString.of(c.stringValue())));
            return r;
        }
        if (!Kinds.scalar(t)) {
            if (c.value() == null || Kinds.isChan(t)) {
                int r = asm.newRef(); // nil
                vm(dev.goroscope.engine.lang.vm.Op.LDR, r, asm.constant(null));
                return r;
            }
            throw new Unsupported(at.pos(), "constants of type " + t);
        }
        long bits;
        if (Kinds.isBool(t)) {
            bits = c.boolValue() ? 1 : 0;
        } else if (Kinds.isFloat(t)) {
            bits = Double.doubleToRawLongBits(c.doubleValue());
        } else {
            bits = c.toBigInteger().longValue();
        }
        int r = asm.newInt();
        vm(dev.goroscope.engine.lang.vm.Op.LDI, r, asm.constant(bits));
        return r;
    }

    private int ident(Expr.Ident id) {
        Obj o = fc.obj(id);
        if (o instanceof dev.goroscope.engine.lang.types.Nil) {
            int r = asm.newRef();
            vm(dev.goroscope.engine.lang.vm.Op.LDR, r, asm.constant(null));
            return r;
        }
        if (o instanceof Var v) {
            Integer reg = fc.regs.get(v);
            if (reg != null && fc.boxed.contains(v)) {
                return fc.heap.read(reg, v.type());
            }
            if (reg != null) {
                return reg;
            }
            Integer slot = fc.program.globalSlot(v);
            if (slot != null) {
                int r = temp(v.type());
                vm(Kinds.scalar(v.type()) ? dev.goroscope.engine.lang.vm.Op.GLDI : dev.goroscope.engine.lang.vm.Op.GLDR,
                        r, slot);
                return r;
            }
            throw new Unsupported(id.pos(), "variables captured from an enclosing function");
        }
        if (o instanceof dev.goroscope.engine.lang.types.Func f && !f.isStd() && !f.isMethod()) {
            return new Closures(fc).named(f);
        }
        throw new Unsupported(id.pos(), "the value of " + id.name());
    }

    /** The array a variable holds, shared (not copied) when it lives in a heap box. */
    int arrayOf(Expr e) {
        if (e instanceof Expr.Ident id && fc.obj(id) instanceof Var v && fc.boxed.contains(v)
                && fc.regs.get(v) != null) {
            return fc.heap.readShared(fc.regs.get(v));
        }
        return value(e);
    }

    private int index(Expr.Index ix) {
        Type xt = type(ix.x());
        int x = Kinds.scalarArray(xt) ? arrayOf(ix.x()) : value(ix.x());
        int k = value(ix.index());
        int r = asm.newInt();
        if (Kinds.isMap(xt)) {
            return new MapOps(fc).get(x, k, xt, -1);
        }
        if (Kinds.isSlice(xt)) {
            return new SliceOps(fc).index(x, k, SliceOps.elem(xt));
        }
        if (Kinds.isString(xt)) {
            vm(dev.goroscope.engine.lang.vm.Op.SINDEX, r, x, k);
        } else if (Kinds.scalarArray(xt)) {
            vm(dev.goroscope.engine.lang.vm.Op.ALOAD, r, x, k);
        } else {
            throw new Unsupported(ix.pos(), "indexing " + xt);
        }
        return r;
    }

    private int unary(Expr.Unary u) {
        Type t = type(u);
        if (u.op() == Op.RECV) {
            return ChanOps.recv(fc, u.x(), t, -1);
        }
        if (u.op() == Op.AND) {
            return new Places(fc).addressOf(u);
        }
        int x = value(u.x());
        int r = asm.newInt();
        switch (u.op()) {
            case ADD:
                return x;
            case SUB:
                vm(Kinds.isFloat(t) ? dev.goroscope.engine.lang.vm.Op.FNEG : dev.goroscope.engine.lang.vm.Op.NEG, r, x);
                return wrap(r, t);
            case NOT:
                vm(dev.goroscope.engine.lang.vm.Op.NOT, r, x);
                return r;
            case XOR:
                vm(dev.goroscope.engine.lang.vm.Op.COMPL, r, x);
                return wrap(r, t);
            default:
                return new Places(fc).addressOf(u);
        }
    }

    /** Truncates an integer result to its type's width. */
    int wrap(int r, Type t) {
        int k = Kinds.wrapKind(t);
        if (k != 0) {
            vm(dev.goroscope.engine.lang.vm.Op.WRAP, r, r, k);
        }
        return r;
    }

    private int binary(Expr.Binary b) {
        if (b.op() == Op.LAND || b.op() == Op.LOR) {
            int r = asm.newInt();
            int end = asm.label();
            into(b.x(), r, type(b));
            asm.jump(b.op() == Op.LAND ? dev.goroscope.engine.lang.vm.Op.JF : dev.goroscope.engine.lang.vm.Op.JT, r, end);
            into(b.y(), r, type(b));
            asm.place(end);
            return r;
        }
        Type ot = type(b.x());
        if (!Kinds.isIface(ot) && Kinds.isIface(type(b.y()))) {
            ot = type(b.y()); // x == iface: x was converted to the interface type
        }
        int x = value(b.x());
        int y = value(b.y());
        return Arithmetic.binary(this, b, ot, type(b), x, y);
    }

    private int sliceLit(Expr.CompositeLit cl) {
        Type et = SliceOps.elem(type(cl));
        int[] regs = new int[cl.elts().size()];
        boolean[] scalar = new boolean[regs.length];
        for (int k = 0; k < regs.length; k++) {
            Expr e = cl.elts().get(k);
            if (e instanceof Expr.KeyValue) {
                throw new Unsupported(e.pos(), "indexed slice literals");
            }
            if (e instanceof Expr.CompositeLit inner && inner.type() == null) {
                throw new Unsupported(e.pos(), "elided types in nested composite literals");
            }
            regs[k] = value(e);
            scalar[k] = Kinds.scalar(et);
        }
        int dst = asm.newRef();
        new SliceOps(fc).literal(type(cl), regs, scalar, dst);
        return dst;
    }

    private int mapLit(Expr.CompositeLit cl) {
        Type t = type(cl);
        int dst = asm.newRef();
        MapOps ops = new MapOps(fc);
        int hint = asm.newInt();
        vm(dev.goroscope.engine.lang.vm.Op.LDI, hint, asm.constant((long) cl.elts().size()));
        ops.make(t, hint, dst);
        for (Expr e : cl.elts()) {
            Expr.KeyValue kv = (Expr.KeyValue) e;
            if (kv.value() instanceof Expr.CompositeLit inner && inner.type() == null
                    || kv.key() instanceof Expr.CompositeLit ik && ik.type() == null) {
                throw new Unsupported(e.pos(), "elided types in nested composite literals");
            }
            ops.put(dst, value(kv.key()), t, value(kv.value()));
        }
        return dst;
    }

    private int sliceExpr(Expr.SliceExpr se) {
        Type xt = type(se.x());
        if (!Kinds.isSlice(xt) && !Kinds.isString(xt)) {
            throw new Unsupported(se.pos(), "slicing " + xt + " (slices and strings only, for now)");
        }
        int x = value(se.x());
        int lo = se.lo() == null ? -1 : value(se.lo());
        int hi = se.hi() == null ? -1 : value(se.hi());
        int max = se.max() == null ? -1 : value(se.max());
        return new SliceOps(fc).slice(x, Kinds.isString(xt), lo, hi, max);
    }

    /** i-register holding {@code tag == caseExpr}. */
    int equal(Expr tagExpr, int tag, Expr caseExpr) {
        return Arithmetic.compare(this, Op.EQL, type(tagExpr), tag, value(caseExpr));
    }

    /** Jumps to {@code label} when {@code cond} is false. */
    void branchIfFalse(Expr cond, int label) {
        asm.jump(dev.goroscope.engine.lang.vm.Op.JF, value(cond), label);
    }

    void vm(int op, int... args) {
        asm.emit(op, args);
    }

    Asm asm() {
        return asm;
    }

    FuncCompiler fc() {
        return fc;
    }
}
