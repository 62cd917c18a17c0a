package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.MapType;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;

/** {@code for k, v := range x} (spec, "For statements with range clause"). */
final class RangeChecks {

    private RangeChecks() {
    }

    static void range(StmtChecker k, Stmt.Range s, StmtChecker.Ctx body) {
        k.openScope(s);
        Operand x = k.expr(s.x(), null);
        Type kt = null;
        Type vt = null;
        int maxVars = 2;
        boolean ok = !x.invalid();
        if (ok) {
            Type u = x.type.underlying();
            Array pa = Types.arrayBehindPointer(x.type);
            if (Types.isString(u)) {
                if (x.isUntyped()) {
                    k.convertUntyped(x, Basic.STRING);
                }
                kt = Basic.INT;
                vt = Basic.RUNE;
            } else if (u instanceof Array) {
                kt = Basic.INT;
                vt = ((Array) u).elem();
            } else if (pa != null) {
                kt = Basic.INT;
                vt = pa.elem();
            } else if (u instanceof Slice) {
                kt = Basic.INT;
                vt = ((Slice) u).elem();
            } else if (u instanceof MapType) {
                kt = ((MapType) u).key();
                vt = ((MapType) u).elem();
            } else if (u instanceof Chan) {
                if (!((Chan) u).canRecv()) {
                    k.error(s.x(), "invalid operation: range " + ExprStrings.of(s.x()) + " receive from send-only channel "
                            + x.describe());
                    ok = false;
                }
                kt = ((Chan) u).elem();
                maxVars = 1;
            } else if (Types.isInteger(x.type) && k.version.atLeast(22)) {
                if (x.isUntyped()) {
                    k.assignment(x, null, "range clause");
                }
                kt = x.type;
                maxVars = 1;
            } else if (u instanceof Signature && k.version.atLeast(23)) {
                k.error(s.x(), "unsupported: range over function " + x.describe());
                ok = false;
            } else {
                k.error(s.x(), "cannot range over " + x.describe());
                ok = false;
            }
        }
        if (ok && s.value() != null && maxVars == 1) {
            k.error(s.value(), "range over " + x.describe() + " permits only one iteration variable");
            ok = false;
        }
        Expr[] lhs = {s.key(), s.value()};
        Type[] types = {ok ? kt : Basic.INVALID, ok ? vt : Basic.INVALID};
        if (s.define()) {
            Var[] vars = new Var[2];
            for (int i = 0; i < 2; i++) {
                if (lhs[i] == null) {
                    continue;
                }
                if (!(lhs[i] instanceof Expr.Ident)) {
                    k.error(lhs[i], "non-name " + ExprStrings.of(lhs[i]) + " on left side of :=");
                    continue;
                }
                Expr.Ident id = (Expr.Ident) lhs[i];
                vars[i] = k.newLocal(id, types[i] == null ? Basic.INVALID : types[i]);
                k.info.types.put(id, vars[i].type());
            }
            for (int i = 0; i < 2; i++) {
                if (vars[i] != null) {
                    Expr.Ident id = (Expr.Ident) lhs[i];
                    if (id.isBlank()) {
                        k.info.defs.put(id, vars[i]);
                    } else {
                        k.declare(k.scope, id, vars[i]);
                    }
                }
            }
        } else {
            for (int i = 0; i < 2; i++) {
                if (lhs[i] == null) {
                    continue;
                }
                Type t = k.lhsType(lhs[i]);
                if (ok && t != null && !Types.isInvalid(t) && types[i] != null && !Types.assignable(types[i], t)) {
                    k.error(lhs[i], "cannot use " + ExprStrings.of(lhs[i]) + " (value of type " + types[i] + ") as " + t
                            + " value in range clause");
                }
            }
        }
        k.openScope(s.body());
        k.stmtList(s.body().stmts(), body);
        k.closeScope();
        k.closeScope();
    }
}
