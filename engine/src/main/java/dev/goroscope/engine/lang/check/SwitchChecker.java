package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expression switches, type switches and selects (spec, "Switch statements", "Select statements"). */
abstract class SwitchChecker extends StmtChecker {

    SwitchChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    @Override
    final void switchStmt(Stmt.Switch s, Ctx c, String label) {
        openScope(s);
        if (s.init() != null) {
            stmt(s.init(), c, null);
        }
        Operand tag = null;
        if (s.tag() != null) {
            tag = expr(s.tag(), null);
            if (!tag.invalid()) {
                assignment(tag, null, "switch expression");
                if (!tag.invalid() && !Types.comparable(tag.type)) {
                    error(s.tag(), "cannot switch on " + tag.describe());
                    tag = Operand.invalid(s.tag());
                }
            }
        }
        Map<Object, Pos> seen = new LinkedHashMap<>();
        CaseClause dflt = null;
        List<CaseClause> cs = s.clauses();
        for (int i = 0; i < cs.size(); i++) {
            CaseClause cc = cs.get(i);
            if (cc.isDefault()) {
                if (dflt != null) {
                    error(cc, "multiple defaults in switch");
                }
                dflt = cc;
            }
            for (Expr v : cc.list()) {
                caseValue(v, tag, s.tag() != null, seen);
            }
            openScope(cc);
            Ctx inner = c.with(true, c.continueOk(), label, false);
            stmtList(cc.body(), new Ctx(true, c.continueOk(), true, i == cs.size() - 1, false, inner.targets()));
            closeScope();
        }
        closeScope();
    }

    private void caseValue(Expr v, Operand tag, boolean hasTag, Map<Object, Pos> seen) {
        Operand y = expr(v, null);
        if (y.invalid()) {
            return;
        }
        if (!hasTag) {
            if (!Types.isBoolean(y.type)) {
                error(v, "invalid case " + ExprStrings.of(v) + " in switch (mismatched types " + y.type + " and bool)");
                return;
            }
            assignment(y, Basic.BOOL, "switch case");
            return;
        }
        if (tag == null || tag.invalid()) {
            return;
        }
        if (y.isUntyped()) {
            if (!convertUntyped(y, tag.type)) {
                return;
            }
        }
        if (!Types.assignable(y.type, tag.type) && !Types.assignable(tag.type, y.type)) {
            error(v, "invalid case " + ExprStrings.of(v) + " in switch on " + ExprStrings.of(tag.expr)
                    + " (mismatched types " + y.type + " and " + tag.type + ")");
            return;
        }
        if (Types.isInterface(tag.type) && !Types.isInterface(y.type)) {
            info.implicits.put(y.expr, tag.type);
        }
        if (y.isConst() && y.val != null) {
            Object key = List.of(y.val, y.type.toString());
            if (seen.containsKey(key)) {
                error(v, "duplicate case " + ExprStrings.of(v) + " in expression switch");
            } else {
                seen.put(key, v.pos());
            }
        }
    }

    @Override
    final void typeSwitch(Stmt.TypeSwitch s, Ctx c, String label) {
        openScope(s);
        if (s.init() != null) {
            stmt(s.init(), c, null);
        }
        Operand x = expr(s.x(), null);
        if (!x.invalid() && !Types.isInterface(x.type)) {
            error(s.x(), x.describe() + " is not an interface");
            x = Operand.invalid(s.x());
        }
        List<Var> clauseVars = new ArrayList<>();
        List<Type> seen = new ArrayList<>();
        boolean sawNil = false;
        CaseClause dflt = null;
        for (CaseClause cc : s.clauses()) {
            if (cc.isDefault()) {
                if (dflt != null) {
                    error(cc, "multiple defaults in switch");
                }
                dflt = cc;
            }
            Type single = null;
            for (Expr t : cc.list()) {
                Expr u = unparen(t);
                if (u instanceof Expr.Ident && ((Expr.Ident) u).name().equals("nil")
                        && scope.lookup("nil") instanceof dev.goroscope.engine.lang.types.Nil) {
                    info.uses.put((Expr.Ident) u, dev.goroscope.engine.lang.types.Nil.NIL);
                    info.types.put(t, Basic.UNTYPED_NIL);
                    if (sawNil) {
                        error(t, "multiple nil cases in type switch");
                    }
                    sawNil = true;
                    single = cc.list().size() == 1 ? null : single;
                    continue;
                }
                Type tt = typ(t);
                if (Types.isInvalid(tt)) {
                    continue;
                }
                if (cc.list().size() == 1) {
                    single = tt;
                }
                for (Type o : seen) {
                    if (Types.identical(o, tt)) {
                        error(t, "duplicate case " + tt + " in type switch");
                    }
                }
                seen.add(tt);
                if (!x.invalid() && !Types.isInterface(tt)) {
                    dev.goroscope.engine.lang.types.Lookup.Missing m = dev.goroscope.engine.lang.types.Lookup
                            .missingMethod(tt, (dev.goroscope.engine.lang.types.Interface) x.type.underlying());
                    if (m != null) {
                        // types2's typeAssertion: the case, then why on a line of its own.
                        error(t, "impossible type switch case: " + ExprStrings.of(t) + "\n\t" + x.describe()
                                + " cannot have dynamic type " + tt
                                + " (" + missingReason(tt, x.type, m).replaceFirst("^.* does not implement .* \\(", ""));
                    }
                }
            }
            openScope(cc);
            if (s.bind() != null && !s.bind().isBlank()) {
                Type vt = single != null ? single : x.invalid() ? Basic.INVALID : x.type;
                Var v = new Var(s.bind().name(), vt, s.bind().pos(), "main", Var.Kind.LOCAL, false, null);
                owners.put(v, fn.node);
                scope.insert(v);
                info.clauseVars.put(cc, v);
                clauseVars.add(v);
            }
            stmtList(cc.body(), new Ctx(true, c.continueOk(), false, false, true,
                    c.with(true, c.continueOk(), label, false).targets()));
            closeScope();
        }
        if (s.bind() != null && !s.bind().isBlank()) {
            boolean used = false;
            for (Var v : clauseVars) {
                used |= v.used();
            }
            if (!used) {
                error(s.bind(), unusedMessage(s.bind().name()));
            }
        }
        closeScope();
    }

    @Override
    final void select(Stmt.Select s, Ctx c, String label) {
        for (CommClause cc : s.clauses()) {
            openScope(cc);
            Stmt comm = cc.comm();
            if (comm != null) {
                boolean ok;
                if (comm instanceof Stmt.Send) {
                    ok = true;
                } else if (comm instanceof Stmt.ExprStmt) {
                    ok = isRecv(((Stmt.ExprStmt) comm).x());
                } else if (comm instanceof Stmt.Assign) {
                    Stmt.Assign a = (Stmt.Assign) comm;
                    ok = a.op() == null && a.rhs().size() == 1 && isRecv(a.rhs().get(0));
                } else {
                    ok = false;
                }
                if (!ok) {
                    error(comm, "select case must be receive, send or assign recv");
                } else {
                    stmt(comm, c, null);
                }
            }
            stmtList(cc.body(), c.with(true, c.continueOk(), label, false));
            closeScope();
        }
    }

    private static boolean isRecv(Expr e) {
        Expr u = unparen(e);
        return u instanceof Expr.Unary && ((Expr.Unary) u).op() == Op.RECV;
    }
}
