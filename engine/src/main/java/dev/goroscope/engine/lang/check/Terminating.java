package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Builtin;
import java.util.List;

/** Spec, "Terminating statements": what makes "missing return" go away. */
final class Terminating {

    private static final int MAX_DEPTH = 1000;

    private Terminating() {
    }

    /** Whether a statement list ends in a terminating statement (trailing empty statements allowed). */
    static boolean list(List<Stmt> ss, String label, Info info) {
        return list(ss, label, info, 0);
    }

    private static boolean list(List<Stmt> ss, String label, Info info, int d) {
        for (int i = ss.size() - 1; i >= 0; i--) {
            if (!(ss.get(i) instanceof Stmt.Empty)) {
                return stmt(ss.get(i), label, info, d + 1);
            }
        }
        return false;
    }

    private static boolean stmt(Stmt s, String label, Info info, int d) {
        if (d > MAX_DEPTH) {
            return true;
        }
        if (s instanceof Stmt.Return) {
            return true;
        }
        if (s instanceof Stmt.Branch) {
            Stmt.BranchKind k = ((Stmt.Branch) s).kind();
            return k == Stmt.BranchKind.GOTO || k == Stmt.BranchKind.FALLTHROUGH;
        }
        if (s instanceof Stmt.ExprStmt) {
            Expr x = ExprChecker.unparen(((Stmt.ExprStmt) s).x());
            if (x instanceof Expr.Call) {
                Builtin b = info.builtinOf((Expr.Call) x);
                return b != null && b.kind() == Builtin.Kind.PANIC;
            }
            return false;
        }
        if (s instanceof Stmt.Labeled) {
            Stmt.Labeled l = (Stmt.Labeled) s;
            return stmt(l.stmt(), l.label().name(), info, d + 1);
        }
        if (s instanceof Stmt.Block) {
            return list(((Stmt.Block) s).stmts(), null, info, d);
        }
        if (s instanceof Stmt.If) {
            Stmt.If i = (Stmt.If) s;
            return i.els() != null && list(i.then().stmts(), null, info, d) && stmt(i.els(), null, info, d + 1);
        }
        if (s instanceof Stmt.For) {
            Stmt.For f = (Stmt.For) s;
            return f.cond() == null && !hasBreakList(f.body().stmts(), label, true, d);
        }
        if (s instanceof Stmt.Switch) {
            return clauses(((Stmt.Switch) s).clauses(), label, info, d);
        }
        if (s instanceof Stmt.TypeSwitch) {
            return clauses(((Stmt.TypeSwitch) s).clauses(), label, info, d);
        }
        if (s instanceof Stmt.Select) {
            for (CommClause c : ((Stmt.Select) s).clauses()) {
                if (!list(c.body(), null, info, d) || hasBreakList(c.body(), label, true, d)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean clauses(List<CaseClause> cs, String label, Info info, int d) {
        boolean hasDefault = false;
        for (CaseClause c : cs) {
            hasDefault |= c.isDefault();
            if (!list(c.body(), null, info, d) || hasBreakList(c.body(), label, true, d)) {
                return false;
            }
        }
        return hasDefault;
    }

    private static boolean hasBreakList(List<Stmt> ss, String label, boolean implicit, int d) {
        for (Stmt s : ss) {
            if (hasBreak(s, label, implicit, d + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether s contains a break that leaves the statement being analysed. */
    private static boolean hasBreak(Stmt s, String label, boolean implicit, int d) {
        if (d > MAX_DEPTH) {
            return false;
        }
        if (s instanceof Stmt.Branch) {
            Stmt.Branch b = (Stmt.Branch) s;
            if (b.kind() != Stmt.BranchKind.BREAK) {
                return false;
            }
            return b.label() == null ? implicit : b.label().name().equals(label);
        }
        if (s instanceof Stmt.Labeled) {
            return hasBreak(((Stmt.Labeled) s).stmt(), label, implicit, d + 1);
        }
        if (s instanceof Stmt.Block) {
            return hasBreakList(((Stmt.Block) s).stmts(), label, implicit, d);
        }
        if (s instanceof Stmt.If) {
            Stmt.If i = (Stmt.If) s;
            return hasBreakList(i.then().stmts(), label, implicit, d)
                    || (i.els() != null && hasBreak(i.els(), label, implicit, d + 1));
        }
        if (label == null) {
            return false; // nested breakable statements absorb unlabeled breaks
        }
        if (s instanceof Stmt.For) {
            return hasBreakList(((Stmt.For) s).body().stmts(), label, false, d);
        }
        if (s instanceof Stmt.Range) {
            return hasBreakList(((Stmt.Range) s).body().stmts(), label, false, d);
        }
        if (s instanceof Stmt.Switch) {
            for (CaseClause c : ((Stmt.Switch) s).clauses()) {
                if (hasBreakList(c.body(), label, false, d)) {
                    return true;
                }
            }
        }
        if (s instanceof Stmt.TypeSwitch) {
            for (CaseClause c : ((Stmt.TypeSwitch) s).clauses()) {
                if (hasBreakList(c.body(), label, false, d)) {
                    return true;
                }
            }
        }
        if (s instanceof Stmt.Select) {
            for (CommClause c : ((Stmt.Select) s).clauses()) {
                if (hasBreakList(c.body(), label, false, d)) {
                    return true;
                }
            }
        }
        return false;
    }
}
