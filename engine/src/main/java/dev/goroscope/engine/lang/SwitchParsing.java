package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code switch} and {@code select}, kept apart from {@link StmtParser} only for size.
 *
 * <p>An expression switch and a type switch share a header; the difference is whether the
 * last simple statement is a type switch guard {@code x.(type)} or {@code v := x.(type)}.
 */
final class SwitchParsing {

    private SwitchParsing() {
    }

    static Stmt switchStmt(StmtParser sp) {
        Pos p = sp.want(Tok.SWITCH);
        int outer = sp.exprLev;
        sp.exprLev = -1;
        Stmt init = null;
        Stmt tag = null;
        if (!sp.at(Tok.LBRACE)) {
            if (!sp.at(Tok.SEMICOLON)) {
                tag = sp.simpleStmt(null, Tok.SWITCH);
            }
            if (sp.got(Tok.SEMICOLON)) {
                init = tag;
                tag = null;
                if (!sp.at(Tok.LBRACE)) {
                    tag = sp.simpleStmt(null, Tok.SWITCH);
                }
            }
        }
        sp.exprLev = outer;
        Expr.Ident bind = null;
        Expr guarded = null;
        Expr tagExpr = null;
        if (tag instanceof Stmt.ExprStmt) {
            Expr x = ((Stmt.ExprStmt) tag).x();
            if (isGuard(x)) {
                guarded = ((Expr.TypeAssert) x).x();
            } else {
                tagExpr = x;
            }
        } else if (tag instanceof Stmt.Assign && isGuardAssign((Stmt.Assign) tag)) {
            Stmt.Assign a = (Stmt.Assign) tag;
            bind = (Expr.Ident) a.lhs().get(0);
            guarded = ((Expr.TypeAssert) a.rhs().get(0)).x();
        } else if (tag != null) {
            throw sp.syntaxErrorAt(tag.pos(), "cannot use " + StmtParser.describe(tag) + " as value");
        }
        if (!sp.got(Tok.LBRACE)) {
            throw sp.syntaxError("missing { after switch clause");
        }
        List<CaseClause> clauses = new ArrayList<>();
        while (!sp.at(Tok.RBRACE)) {
            clauses.add(caseClause(sp));
        }
        Pos rbrace = sp.want(Tok.RBRACE);
        if (guarded != null) {
            return new Stmt.TypeSwitch(p, init, bind, guarded, clauses, rbrace);
        }
        return new Stmt.Switch(p, init, tagExpr, clauses, rbrace);
    }

    private static boolean isGuard(Expr x) {
        return x instanceof Expr.TypeAssert && ((Expr.TypeAssert) x).type() == null;
    }

    private static boolean isGuardAssign(Stmt.Assign a) {
        return a.define() && a.lhs().size() == 1 && a.lhs().get(0) instanceof Expr.Ident
                && a.rhs().size() == 1 && isGuard(a.rhs().get(0));
    }

    private static CaseClause caseClause(StmtParser sp) {
        Pos p = sp.tok.pos();
        List<Expr> list;
        if (sp.got(Tok.CASE)) {
            list = sp.exprList();
        } else if (sp.got(Tok.DEFAULT)) {
            list = List.of();
        } else {
            throw sp.syntaxError("expected case or default or }");
        }
        sp.want(Tok.COLON);
        return new CaseClause(p, list, sp.stmtList());
    }

    static Stmt selectStmt(StmtParser sp) {
        Pos p = sp.want(Tok.SELECT);
        if (!sp.got(Tok.LBRACE)) {
            throw sp.syntaxError("missing { after select clause");
        }
        List<CommClause> clauses = new ArrayList<>();
        while (!sp.at(Tok.RBRACE)) {
            Pos cp = sp.tok.pos();
            Stmt comm;
            if (sp.got(Tok.CASE)) {
                comm = sp.simpleStmt(null, null);
            } else if (sp.got(Tok.DEFAULT)) {
                comm = null;
            } else {
                throw sp.syntaxError("expected case or default or }");
            }
            sp.want(Tok.COLON);
            clauses.add(new CommClause(cp, comm, sp.stmtList()));
        }
        Pos rbrace = sp.want(Tok.RBRACE);
        return new Stmt.Select(p, clauses, rbrace);
    }
}
