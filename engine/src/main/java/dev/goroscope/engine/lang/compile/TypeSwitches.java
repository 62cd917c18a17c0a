package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code switch v := x.(type) { case T1, T2: ... case I: ... case nil: ... default: ... }}.
 * The interface value is evaluated once; one native tries the cases in source order, as Go does
 * (a concrete type matches the identical dynamic type, an interface type a dynamic type that
 * implements it, {@code nil} the nil interface), and leaves the number of the clause to run,
 * which a row of compares turns into a jump. In a clause that names one type, {@code v} has that
 * type (the value taken out of the interface, or the interface value itself for an interface
 * type); in the others it is {@code x}'s interface value.
 */
final class TypeSwitches {
    private final FuncCompiler fc;

    TypeSwitches(FuncCompiler fc) {
        this.fc = fc;
    }

    void compile(Stmt.TypeSwitch s) {
        if (s.init() != null) {
            fc.stmt(s.init());
        }
        int x = fc.exprs.value(s.x());
        List<CaseClause> cs = s.clauses();
        List<List<Predicate<Values.Iface>>> tests = new ArrayList<>();
        int deflt = -1;
        for (int k = 0; k < cs.size(); k++) {
            List<Predicate<Values.Iface>> row = new ArrayList<>();
            for (Expr e : cs.get(k).list()) {
                row.add(test(e));
            }
            tests.add(row);
            if (cs.get(k).isDefault()) {
                deflt = k;
            }
        }
        int none = deflt;
        int which = fc.asm.newInt();
        Native n = (th, i, r, a, b, xx, y, resumed) -> {
            Values.Iface v = (Values.Iface) r[x];
            i[which] = none;
            for (int k = 0; k < tests.size(); k++) {
                for (Predicate<Values.Iface> p : tests.get(k)) {
                    if (p.test(v)) {
                        i[which] = k;
                        return Native.Result.DONE;
                    }
                }
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        int end = fc.asm.label();
        int[] bodies = new int[cs.size()];
        int k0 = fc.asm.newInt();
        int eq = fc.asm.newInt();
        for (int k = 0; k < cs.size(); k++) {
            bodies[k] = fc.asm.label();
            fc.exprs.vm(Op.LDI, k0, fc.asm.constant((long) k));
            fc.exprs.vm(Op.EQ, eq, which, k0);
            fc.asm.jump(Op.JT, eq, bodies[k]);
        }
        fc.asm.jump(Op.JMP, 0, end);
        fc.pushLoop(new int[] {end, -1});
        for (int k = 0; k < cs.size(); k++) {
            CaseClause c = cs.get(k);
            fc.asm.place(bodies[k]);
            long mark = fc.asm.mark();
            Var v = fc.info.clauseVar(c);
            if (v != null) {
                bind(v, c, x);
            }
            for (Stmt st : c.body()) {
                fc.stmt(st);
            }
            fc.asm.release(mark);
            fc.asm.jump(Op.JMP, 0, end);
        }
        fc.popLoop();
        fc.asm.place(end);
    }

    /** The test for one case: {@code nil}, a concrete type, or an interface type. */
    private Predicate<Values.Iface> test(Expr e) {
        Type t = fc.info.typeOf(e);
        if (t.underlying() instanceof dev.goroscope.engine.lang.types.Basic b
                && b.kind() == dev.goroscope.engine.lang.types.Basic.Kind.UNTYPED_NIL) {
            return v -> v == null;
        }
        if (Kinds.isIface(t)) {
            Implements impl = new Implements(fc.program.methods.table, t);
            return v -> v != null && impl.implementedBy(v.type());
        }
        RType want = RTypes.of(t);
        fc.program.methods.register(t);
        return v -> v != null && want.equals(v.type());
    }

    /** Defines the clause's variable: the value as the clause's single type, or the interface value. */
    private void bind(Var v, CaseClause c, int x) {
        Type t = v.type();
        int val = x;
        if (!Kinds.isIface(t)) {
            boolean scalar = Kinds.scalar(t);
            int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
            Native n = (th, i, r, a, b, xx, y, resumed) -> {
                Object o = ReceiverPath.forRegister(((Values.Iface) r[x]).value(), t);
                if (scalar) {
                    i[dst] = (Long) o;
                } else {
                    r[dst] = o;
                }
                return Native.Result.DONE;
            };
            fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
            val = dst;
        }
        int reg = fc.define(v);
        if (fc.boxed.contains(v)) {
            fc.heap.write(reg, t, val);
            return;
        }
        fc.exprs.vm(Kinds.move(t), reg, val);
        Integer slot = fc.slots.get(v);
        if (slot != null) {
            fc.heap.slotStore(slot, reg);
        }
    }
}
