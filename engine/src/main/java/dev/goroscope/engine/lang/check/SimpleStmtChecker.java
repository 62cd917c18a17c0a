package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assignments ({@code =}, {@code :=}, {@code op=}, {@code ++}), sends and returns. */
abstract class SimpleStmtChecker extends BuiltinChecker {

    SimpleStmtChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** A variable declared by a statement, not yet visible. */
    final Var newLocal(Expr.Ident id, Type t) {
        Var v = new Var(id.name(), t, id.pos(), "main", Var.Kind.LOCAL, false, null);
        if (!id.isBlank()) {
            locals.add(v);
        }
        return v;
    }

    /** The type of an assignment's left side (null for {@code _}), reporting unassignable operands. */
    final Type lhsType(Expr lhs) {
        Expr e = unparen(lhs);
        if (e instanceof Expr.Ident) {
            Expr.Ident id = (Expr.Ident) e;
            if (id.isBlank()) {
                info.types.put(lhs, Basic.INVALID);
                return null;
            }
            Obj o = scope.lookup(id.name());
            if (o instanceof Var) {
                // Assigning is not using: do not mark the variable used (but closures capture it).
                info.uses.put(id, o);
                capture((Var) o);
                info.types.put(lhs, o.type());
                if (lhs != e) {
                    info.types.put(e, o.type());
                }
                return o.type();
            }
        }
        Operand x = expr(lhs, null);
        if (x.invalid()) {
            return Basic.INVALID;
        }
        if (x.mode == Operand.Mode.VARIABLE || x.mode == Operand.Mode.MAPINDEX) {
            return x.type;
        }
        if (e instanceof Expr.Selector && info.typeOf(((Expr.Selector) e).x()) != null) {
            Expr base = unparen(((Expr.Selector) e).x());
            if (base instanceof Expr.Index && info.typeOf(((Expr.Index) base).x()) != null
                    && info.typeOf(((Expr.Index) base).x()).underlying() instanceof dev.goroscope.engine.lang.types.MapType) {
                error(lhs, "cannot assign to struct field " + ExprStrings.of(lhs) + " in map");
                return Basic.INVALID;
            }
        }
        if (version.atLeast(20)) {
            error(lhs, "cannot assign to " + ExprStrings.of(lhs) + " (neither addressable nor a map index expression)");
        } else {
            error(lhs, "cannot assign to " + x.describe());
        }
        return Basic.INVALID;
    }

    // ---- = and := ----------------------------------------------------------------------

    final void assign(Stmt.Assign s) {
        if (s.op() != null) {
            opAssign(s);
            return;
        }
        if (s.define()) {
            define(s.lhs(), s.rhs(), s);
            return;
        }
        List<Type> lt = new ArrayList<>();
        for (Expr l : s.lhs()) {
            lt.add(lhsType(l));
        }
        assignValues(lt, s.rhs(), "assignment");
    }

    /** Assigns the right-hand sides to targets of the given types (null: infer). Returns the value types. */
    final List<Type> assignValues(List<Type> targets, List<Expr> rhs, String context) {
        int n = targets.size();
        List<Type> out = new ArrayList<>();
        boolean singleCall = rhs.size() == 1 && unparen(rhs.get(0)) instanceof Expr.Call;
        if (rhs.size() == n && !(n == 1 && singleCall)) {
            for (int i = 0; i < n; i++) {
                Type t = targets.get(i);
                Operand x = expr(rhs.get(i), null);
                if (t != null && Types.isInvalid(t)) {
                    out.add(Basic.INVALID);
                    continue;
                }
                assignment(x, t, context);
                out.add(x.invalid() ? Basic.INVALID : x.type);
            }
            return out;
        }
        if (rhs.size() == 1) {
            Operand x = multiExpr(rhs.get(0));
            if (x.invalid()) {
                return fill(n);
            }
            if (n == 1 && !(x.type instanceof Tuple)) {
                if (x.mode == Operand.Mode.NOVALUE) {
                    error(rhs.get(0), ExprStrings.of(rhs.get(0)) + " (no value) used as value");
                    return fill(n);
                }
                x = singleValue(x);
                Type t = targets.get(0);
                if (t != null && Types.isInvalid(t)) {
                    out.add(Basic.INVALID);
                    return out;
                }
                assignment(x, t, context);
                out.add(x.invalid() ? Basic.INVALID : x.type);
                return out;
            }
            if (x.type instanceof Tuple) {
                Tuple tu = (Tuple) x.type;
                if (tu.size() == n) {
                    for (int i = 0; i < n; i++) {
                        Type t = targets.get(i);
                        if (t != null && !Types.isInvalid(t) && !Types.assignable(tu.type(i), t)) {
                            error(rhs.get(0), "cannot use " + ExprStrings.of(rhs.get(0)) + " (value of type "
                                    + tu.type(i) + ") as " + t + " value in " + context);
                        }
                        out.add(tu.type(i));
                    }
                    return out;
                }
                mismatch(rhs, n, tu.size());
                return fill(n);
            }
            boolean commaOk = x.mode == Operand.Mode.COMMAOK || x.mode == Operand.Mode.MAPINDEX;
            if (n == 2 && commaOk) {
                assignment(x, targets.get(0), context);
                out.add(x.invalid() ? Basic.INVALID : x.type);
                Type t2 = targets.get(1);
                if (t2 != null && !Types.isInvalid(t2) && !Types.isBoolean(t2)) {
                    error(rhs.get(0), "cannot use " + ExprStrings.of(rhs.get(0)) + " (untyped bool value) as " + t2
                            + " value in " + context);
                }
                out.add(t2 != null && !Types.isInvalid(t2) ? t2 : Basic.BOOL);
                return out;
            }
            mismatch(rhs, n, 1);
            return fill(n);
        }
        for (Expr r : rhs) {
            exprOrType(r, null);
        }
        mismatch(rhs, n, rhs.size());
        return fill(n);
    }

    private static List<Type> fill(int n) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Basic.INVALID);
        }
        return out;
    }

    private void mismatch(List<Expr> rhs, int l, int r) {
        String vars = l + (l == 1 ? " variable" : " variables");
        String vals = r + (r == 1 ? " value" : " values");
        Expr r0 = rhs.get(0);
        Expr u = unparen(r0);
        if (rhs.size() == 1 && u instanceof Expr.Call) {
            error(r0, "assignment mismatch: " + vars + " but " + ExprStrings.of(((Expr.Call) u).fun()) + " returns "
                    + vals);
        } else {
            error(r0, "assignment mismatch: " + vars + " but " + vals);
        }
    }

    /** {@code lhs := rhs}; also used by range clauses and select receives. */
    final void define(List<Expr> lhs, List<Expr> rhs, Stmt.Assign s) {
        List<Var> vars = new ArrayList<>();
        List<Type> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean anyNew = false;
        boolean bad = false;
        for (Expr l : lhs) {
            if (!(l instanceof Expr.Ident)) {
                error(l, "non-name " + ExprStrings.of(l) + " on left side of :=");
                exprOrType(l, null);
                vars.add(null);
                targets.add(Basic.INVALID);
                bad = true;
                continue;
            }
            Expr.Ident id = (Expr.Ident) l;
            if (!id.isBlank() && !seen.add(id.name())) {
                error(id, id.name() + " repeated on left side of :=");
                vars.add(null);
                targets.add(Basic.INVALID);
                bad = true;
                continue;
            }
            Obj old = id.isBlank() ? null : scope.lookupLocal(id.name());
            if (old instanceof Var) {
                info.uses.put(id, old);
                capture((Var) old);
                vars.add(null);
                targets.add(old.type());
                continue;
            }
            if (old != null) {
                error(id, "cannot assign to " + id.name());
                vars.add(null);
                targets.add(Basic.INVALID);
                continue;
            }
            Var v = newLocal(id, null);
            anyNew |= !id.isBlank();
            vars.add(v);
            targets.add(null);
        }
        List<Type> got = assignValues(targets, rhs, "assignment");
        for (int i = 0; i < vars.size(); i++) {
            Var v = vars.get(i);
            if (v != null) {
                Type t = got.get(i);
                v.setType(t == null ? Basic.INVALID : t);
                Expr.Ident id = (Expr.Ident) lhs.get(i);
                info.types.put(id, v.type());
                if (id.isBlank()) {
                    continue;
                }
                declare(scope, id, v);
            }
        }
        if (!anyNew && !bad) {
            error(s == null ? lhs.get(0).pos() : defineOpPos(lhs), "no new variables on left side of :=");
        }
    }

    /** Where gc puts a {@code :=} statement: its operator, one space after the last name. */
    static Pos defineOpPos(List<Expr> lhs) {
        Expr last = lhs.get(lhs.size() - 1);
        if (last instanceof Expr.Ident) {
            String n = ((Expr.Ident) last).name();
            return new Pos(last.pos().line(), last.pos().col() + n.getBytes(StandardCharsets.UTF_8).length + 1);
        }
        return lhs.get(0).pos();
    }

    private void opAssign(Stmt.Assign s) {
        if (s.lhs().size() != 1 || s.rhs().size() != 1) {
            error(s, "assignment operation " + s.op().text() + "= requires single-valued expressions");
            return;
        }
        Expr l = s.lhs().get(0);
        Expr.Binary b = new Expr.Binary(l.pos(), l, s.op(), l.pos(), s.rhs().get(0));
        Operand x = expr(b, null);
        info.types.remove(b);
        info.values.remove(b);
        untyped.remove(b);
        if (x.invalid()) {
            return;
        }
        Type t = lhsType(l);
        if (t != null && !Types.isInvalid(t)) {
            x.expr = s.rhs().get(0);
            assignment(x, t, "assignment");
        }
    }

    final void incDec(Stmt.IncDec s) {
        Operand x = expr(s.x(), null);
        if (x.invalid()) {
            return;
        }
        if (!Types.isNumeric(x.type)) {
            error(s.x(), "invalid operation: " + ExprStrings.of(s.x()) + (s.inc() ? "++" : "--")
                    + " (non-numeric type " + x.type + ")");
            return;
        }
        lhsType(s.x());
    }

    final void send(Stmt.Send s) {
        Operand ch = expr(s.ch(), null);
        Operand v = expr(s.value(), null);
        if (ch.invalid() || v.invalid()) {
            return;
        }
        if (!(ch.type.underlying() instanceof dev.goroscope.engine.lang.types.Chan)) {
            error(s, "invalid operation: cannot send to non-channel " + ch.describe());
            return;
        }
        dev.goroscope.engine.lang.types.Chan c = (dev.goroscope.engine.lang.types.Chan) ch.type.underlying();
        if (!c.canSend()) {
            error(s, "invalid operation: cannot send to receive-only channel " + ch.describe());
            return;
        }
        assignment(v, c.elem(), "send");
    }

    // ---- return ------------------------------------------------------------------------

    final void returnStmt(Stmt.Return s) {
        Signature sig = fn.sig;
        Tuple want = sig.results();
        List<Expr> rs = s.results();
        if (rs.isEmpty()) {
            if (want.size() > 0 && want.vars().get(0).name().isEmpty()) {
                error(s, "not enough return values\n\thave ()\n\twant " + summaryTypes(want));
            } else if (want.size() > 0) {
                for (Var r : want.vars()) {
                    Obj o = scope.lookup(r.name());
                    if (o != r && o != null && !r.name().equals("_")) {
                        error(s, "result parameter " + r.name() + " not in scope at return");
                    }
                }
            }
            return;
        }
        if (want.size() == 0) {
            List<Operand> got = argOperands(rs, true);
            error(rs.get(0), "too many return values\n\thave " + summary(got) + "\n\twant ()");
            return;
        }
        if (rs.size() == want.size()) {
            for (int i = 0; i < rs.size(); i++) {
                Operand x = expr(rs.get(i), null);
                assignment(x, want.type(i), "return statement");
            }
            return;
        }
        List<Operand> got = argOperands(rs, true);
        for (Operand g : got) {
            if (g.invalid()) {
                return;
            }
        }
        if (got.size() == want.size()) {
            for (int i = 0; i < got.size(); i++) {
                Operand g = got.get(i);
                if (!Types.assignable(g.type, want.type(i))) {
                    error(rs.get(0), "cannot use " + ExprStrings.of(rs.get(0)) + " (value of type " + g.type + ") as "
                            + want.type(i) + " value in return statement");
                    return;
                }
            }
            return;
        }
        boolean tooMany = got.size() > want.size();
        Expr at = tooMany && rs.size() > want.size() ? rs.get(want.size()) : rs.get(rs.size() - 1);
        error(at, (tooMany ? "too many" : "not enough") + " return values\n\thave " + summary(got) + "\n\twant "
                + summaryTypes(want));
    }

    static String summaryTypes(Tuple t) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < t.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(t.type(i));
        }
        return sb.append(')').toString();
    }

    /** An expression statement must be a call or a receive. */
    final void exprStmt(Stmt.ExprStmt s) {
        Operand x = exprOrType(s.x(), null);
        if (x.invalid()) {
            return;
        }
        Expr e = unparen(s.x());
        String msg;
        if (x.mode == Operand.Mode.BUILTIN) {
            msg = "must be called";
        } else if (x.mode == Operand.Mode.TYPEXPR) {
            msg = "is not an expression";
        } else {
            if (e instanceof Expr.Call) {
                dev.goroscope.engine.lang.types.Builtin b = info.builtinOf((Expr.Call) e);
                if (!info.isType(((Expr.Call) e).fun()) && (b == null || isStatementBuiltin(b))) {
                    return;
                }
            } else if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Op.RECV) {
                return;
            }
            msg = "is not used";
        }
        error(s.x(), x.describe() + " " + msg);
    }

    static boolean isStatementBuiltin(dev.goroscope.engine.lang.types.Builtin b) {
        switch (b.kind()) {
            case COPY: case DELETE: case PANIC: case PRINT: case PRINTLN: case RECOVER: case CLOSE: case CLEAR:
                return true;
            default:
                return false;
        }
    }

    /** {@code go}/{@code defer}: the call's value (if any) is discarded; builtins must be statements. */
    final void goDefer(Expr.Call call, String kw) {
        Operand x = exprOrType(call, null);
        if (x.invalid()) {
            return;
        }
        if (info.isType(call.fun())) {
            error(call, kw + " requires function call, not conversion");
            return;
        }
        dev.goroscope.engine.lang.types.Builtin b = info.builtinOf(call);
        if (b != null && !isStatementBuiltin(b)) {
            error(call, kw + " discards result of " + ExprStrings.of(call));
        }
    }
}
