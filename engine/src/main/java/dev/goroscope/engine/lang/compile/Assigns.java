package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Op;
import java.util.ArrayList;
import java.util.List;

/** Assignments, {@code :=}, {@code op=}, {@code ++}/{@code --} and {@code var} declarations. */
final class Assigns {
    private final FuncCompiler fc;
    private final ExprCompiler ec;

    Assigns(FuncCompiler fc) {
        this.fc = fc;
        this.ec = fc.exprs;
    }

    void varSpec(Spec.ValueSpec v) {
        for (int k = 0; k < v.names().size(); k++) {
            Expr.Ident id = v.names().get(k);
            Var var = (Var) fc.info.objectOf(id);
            if (id.isBlank()) {
                if (!v.values().isEmpty()) {
                    ec.discard(v.values().get(k));
                }
                continue;
            }
            int reg = fc.define(var);
            if (fc.writeOnly.contains(var)) {
                if (!v.values().isEmpty()) {
                    ec.discard(v.values().get(k));
                }
                continue; // gc deleted the array: nothing to allocate
            }
            if (fc.boxed.contains(var)) {
                if (!v.values().isEmpty()) {
                    fc.heap.write(reg, var.type(), ec.value(v.values().get(k)));
                }
                continue;
            }
            if (v.values().isEmpty()) {
                zero(reg, var.type());
            } else if (v.values().size() == v.names().size()) {
                ec.into(v.values().get(k), reg, var.type());
            } else {
                throw new Unsupported(v.pos(), "var declarations from a multi-value call");
            }
        }
    }

    /** The zero value of a type into a register. */
    void zero(int reg, Type t) {
        var asm = fc.asm;
        if (Kinds.scalar(t)) {
            ec.vm(Op.LDI, reg, asm.constant(0L));
        } else if (Kinds.isString(t)) {
            ec.vm(Op.LDR, reg, asm.constant(dev.goroscope.engine.lang.interp.GoString.EMPTY));
        } else if (Kinds.scalarArray(t)) {
            long n = ((dev.goroscope.engine.lang.types.Array) t.underlying()).len();
            ec.vm(Op.NEWARR, reg, 0, (int) n);
        } else if (Kinds.refersToHeap(t)) {
            ec.vm(Op.LDR, reg, asm.constant(null));
        } else if (BufferOps.is(t)) {
            BufferOps.declare(fc, reg, t);
        } else if ((Kinds.isStruct(t) || SyncOps.is(t)) && !MemStatsOps.is(t)) {
            fc.heap.zero(reg, t);
        } else if (MemStatsOps.is(t)) {
            MemStatsOps.zero(fc, reg);
        } else {
            throw new Unsupported(null, "zero value of " + t);
        }
    }

    void assign(Stmt.Assign a) {
        if (a.op() != null) {
            opAssign(a);
            return;
        }
        if (a.rhs().size() == 1 && a.lhs().size() == 2 && a.rhs().get(0) instanceof Expr.Unary u
                && u.op() == dev.goroscope.engine.lang.ast.Op.RECV) {
            commaOkRecv(a, u);
            return;
        }
        if (a.rhs().size() == 1 && a.lhs().size() == 2 && a.rhs().get(0) instanceof Expr.Index ix
                && Kinds.isMap(fc.info.typeOf(ix.x()))) {
            int ok = fc.asm.newInt();
            int v = new MapOps(fc).get(ec.value(ix.x()), ec.value(ix.index()), fc.info.typeOf(ix.x()), ok);
            if (!(a.lhs().get(0) instanceof Expr.Ident id && id.isBlank())) {
                store(a.lhs().get(0), v, a.define());
            }
            if (!(a.lhs().get(1) instanceof Expr.Ident id2 && id2.isBlank())) {
                store(a.lhs().get(1), ok, a.define());
            }
            return;
        }
        if (a.rhs().size() == 1 && a.lhs().size() == 2 && a.rhs().get(0) instanceof Expr.TypeAssert ta) {
            int ok = fc.asm.newInt();
            int v = new IfaceOps(fc).assert_(ta, ok);
            if (!(a.lhs().get(0) instanceof Expr.Ident id && id.isBlank())) {
                store(a.lhs().get(0), v, a.define());
            }
            if (!(a.lhs().get(1) instanceof Expr.Ident id2 && id2.isBlank())) {
                store(a.lhs().get(1), ok, a.define());
            }
            return;
        }
        if (a.rhs().size() == 1 && a.lhs().size() > 1) {
            multiCall(a);
            return;
        }
        // Go evaluates all right-hand sides before assigning (a, b = b, a).
        List<int[]> vals = new ArrayList<>();
        for (int k = 0; k < a.rhs().size(); k++) {
            Expr lhs = a.lhs().get(k);
            Type t = fc.info.typeOf(a.rhs().get(k));
            int v = ec.value(a.rhs().get(k));
            if (a.lhs().size() > 1) {
                int tmp = ec.temp(t);
                ec.vm(Kinds.scalar(t) ? Op.MOVI : Op.MOVR, tmp, v);
                v = tmp;
            }
            vals.add(new int[] {v});
            if (lhs instanceof Expr.Ident id && id.isBlank()) {
                vals.set(k, null);
            }
        }
        for (int k = 0; k < a.lhs().size(); k++) {
            if (vals.get(k) != null) {
                store(a.lhs().get(k), vals.get(k)[0], a.define());
            }
        }
    }

    /** {@code v, ok := <-ch}. */
    private void commaOkRecv(Stmt.Assign a, Expr.Unary u) {
        Type elem = ChanOps.chanType(fc.info.typeOf(u.x())).elem();
        int ok = fc.asm.newInt();
        int v = ChanOps.recv(fc, u.x(), elem, ok);
        Expr lv = a.lhs().get(0);
        if (!(lv instanceof Expr.Ident id && id.isBlank())) {
            store(lv, v, a.define());
        }
        Expr lo = a.lhs().get(1);
        if (!(lo instanceof Expr.Ident id2 && id2.isBlank())) {
            store(lo, ok, a.define());
        }
    }

    /** {@code a, b := f()}. */
    private void multiCall(Stmt.Assign a) {
        Expr.Call call = (Expr.Call) a.rhs().get(0);
        Type t = fc.info.typeOf(call);
        if (!(t instanceof Tuple tup)) {
            throw new Unsupported(a.pos(), "this multi-value assignment");
        }
        Calls calls = new Calls(fc);
        Signature sig = new Signature(null, Tuple.EMPTY, tup, false);
        int[] res = calls.results(sig, -1, -1);
        calls.call(call, res[0], res[1]);
        int ni = res[0];
        int nr = res[1];
        for (int k = 0; k < a.lhs().size(); k++) {
            Type vt = tup.type(k);
            int v = Kinds.scalar(vt) ? ni++ : nr++;
            Expr lhs = a.lhs().get(k);
            if (!(lhs instanceof Expr.Ident id && id.isBlank())) {
                store(lhs, v, a.define());
            }
        }
    }

    private void opAssign(Stmt.Assign a) {
        Expr lhs = a.lhs().get(0);
        Expr.Binary b = new Expr.Binary(a.pos(), lhs, a.op(), a.pos(), a.rhs().get(0));
        Type t = fc.info.typeOf(lhs);
        int x = ec.value(lhs);
        int y = ec.value(a.rhs().get(0));
        int r = Arithmetic.binary(ec, b, t, t, x, y);
        store(lhs, r, false);
    }

    void incDec(Stmt.IncDec d) {
        Type t = fc.info.typeOf(d.x());
        int x = ec.value(d.x());
        int r = fc.asm.newInt();
        if (Kinds.isFloat(t)) {
            int one = fc.asm.newInt();
            ec.vm(Op.LDI, one, fc.asm.constant(Double.doubleToRawLongBits(1.0)));
            ec.vm(d.inc() ? Op.FADD : Op.FSUB, r, x, one);
        } else {
            ec.vm(Op.ADDK, r, x, d.inc() ? 1 : -1);
            ec.wrap(r, t);
        }
        store(d.x(), r, false);
    }

    /** Stores register {@code v} into the place {@code lhs} names ({@code define}: a := may define it). */
    void store(Expr lhs, int v, boolean define) {
        if (lhs instanceof Expr.Paren p) {
            store(p.x(), v, define);
            return;
        }
        if (lhs instanceof Expr.Ident id) {
            Obj o = fc.info.objectOf(id);
            if (!(o instanceof Var var)) {
                throw new Unsupported(lhs.pos(), "assignment to " + id.name());
            }
            Integer reg = fc.regs.get(var);
            if (reg == null && define && fc.info.isNewDefinition(id)) {
                reg = fc.define(var);
            }
            if (reg != null && fc.boxed.contains(var)) {
                fc.heap.write(reg, var.type(), v);
                return;
            }
            Type t = var.type();
            if (fc.boxed.contains(var)) {
                fc.heap.write(reg, t, v);
                return;
            }
            if (fc.writeOnly.contains(var)) {
                return; // an array gc deleted: its value goes nowhere
            }
            if (reg != null) {
                ec.vm(Kinds.move(t), reg, v);
                Integer slot = fc.slots.get(var);
                if (slot != null) {
                    fc.heap.slotStore(slot, reg);
                }
                return;
            }
            Integer slot = fc.program.globalSlot(var);
            if (slot != null) {
                ec.vm(Kinds.scalar(t) ? Op.GSTI : Op.GSTR, slot, v);
                long[] cell = fc.program.rootCell(var);
                if (cell != null) {
                    fc.heap.globalStore(cell, v);
                }
                return;
            }
            throw new Unsupported(lhs.pos(), "assignment to a captured variable");
        }
        if (lhs instanceof Expr.Index ix && Kinds.isMap(fc.info.typeOf(ix.x()))) {
            new MapOps(fc).put(ec.value(ix.x()), ec.value(ix.index()), fc.info.typeOf(ix.x()), v);
            return;
        }
        if (lhs instanceof Expr.Index ix && Kinds.isSlice(fc.info.typeOf(ix.x()))) {
            Type st = fc.info.typeOf(ix.x());
            new SliceOps(fc).setIndex(ec.value(ix.x()), ec.value(ix.index()), SliceOps.elem(st), v);
            return;
        }
        if (lhs instanceof Expr.Index ix && ix.x() instanceof Expr.Ident id && fc.obj(id) instanceof Var var
                && fc.writeOnly.contains(var)) {
            long len = ((dev.goroscope.engine.lang.types.Array) var.type().underlying()).len();
            ec.vm(Op.BOUNDS, 0, ec.value(ix.index()), (int) len); // the store is gone; its index check stays
            return;
        }
        if (lhs instanceof Expr.Index ix && Kinds.scalarArray(fc.info.typeOf(ix.x()))) {
            int arr = ec.arrayOf(ix.x());
            int k = ec.value(ix.index());
            ec.vm(Op.ASTORE, arr, k, v);
            return;
        }
        if (lhs instanceof Expr.Selector sel) {
            new Places(fc).fieldWrite(sel, v);
            return;
        }
        if (lhs instanceof Expr.Star st) {
            fc.heap.write(ec.value(st.x()), fc.info.typeOf(st), v);
            return;
        }
        throw new Unsupported(lhs.pos(), "assignment to this kind of place");
    }
}
