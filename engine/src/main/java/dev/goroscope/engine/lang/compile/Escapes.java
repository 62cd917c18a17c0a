package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.types.Var;
import java.util.HashSet;
import java.util.Set;

/**
 * Which variables move to the heap. The rule here is the conservative half of gc's escape
 * analysis: a variable whose address is taken ({@code &x}) lives in a heap object. gc keeps
 * some of those on the stack when it can prove the pointer never outlives the frame; with
 * {@code --frames=go} its "moved to heap" notes are the authority for frame sizes, and the
 * lesson notes point out where the estimate moved more than gc would.
 */
final class Escapes {
    private Escapes() {}

    static Set<Var> addressTaken(Stmt.Block body, Info info) {
        Set<Var> out = new HashSet<>();
        walk(body, info, out);
        return out;
    }

    private static void walk(Node n, Info info, Set<Var> out) {
        if (n == null) {
            return;
        }
        if (n instanceof Expr.Unary u && u.op() == dev.goroscope.engine.lang.ast.Op.AND
                && u.x() instanceof Expr.Ident id && info.objectOf(id) instanceof Var v
                && !MemStatsOps.is(v.type())) {
            // runtime.ReadMemStats(&m) does not let the pointer escape: m stays in the frame.
            out.add(v);
        }
        for (Node c : children(n)) {
            walk(c, info, out);
        }
    }

    private static java.util.List<Node> children(Node n) {
        java.util.List<Node> c = new java.util.ArrayList<>();
        if (n instanceof Stmt.Block b) {
            c.addAll(b.stmts());
        } else if (n instanceof Stmt.ExprStmt e) {
            c.add(e.x());
        } else if (n instanceof Stmt.Assign a) {
            c.addAll(a.lhs());
            c.addAll(a.rhs());
        } else if (n instanceof Stmt.IncDec d) {
            c.add(d.x());
        } else if (n instanceof Stmt.DeclStmt d) {
            for (Spec sp : d.decl().specs()) {
                if (sp instanceof Spec.ValueSpec v) {
                    c.addAll(v.values());
                }
            }
        } else if (n instanceof Stmt.If i) {
            addAll(c, i.init(), i.cond(), i.then(), i.els());
        } else if (n instanceof Stmt.For f) {
            addAll(c, f.init(), f.cond(), f.post(), f.body());
        } else if (n instanceof Stmt.Switch s) {
            addAll(c, s.init(), s.tag());
            for (CaseClause cc : s.clauses()) {
                c.addAll(cc.list());
                c.addAll(cc.body());
            }
        } else if (n instanceof Stmt.Return r) {
            c.addAll(r.results());
        } else if (n instanceof Stmt.Send s) {
            addAll(c, s.ch(), s.value());
        } else if (n instanceof Stmt.Go g) {
            c.add(g.call());
        } else if (n instanceof Expr.Call call) {
            c.add(call.fun());
            c.addAll(call.args());
        } else if (n instanceof Expr.Binary b) {
            addAll(c, b.x(), b.y());
        } else if (n instanceof Expr.Unary u) {
            c.add(u.x());
        } else if (n instanceof Expr.Paren p) {
            c.add(p.x());
        } else if (n instanceof Expr.Index ix) {
            addAll(c, ix.x(), ix.index());
        } else if (n instanceof Expr.Selector s) {
            c.add(s.x());
        } else if (n instanceof Expr.Star s) {
            c.add(s.x());
        } else if (n instanceof Expr.CompositeLit cl) {
            c.addAll(cl.elts());
        } else if (n instanceof Expr.KeyValue kv) {
            c.add(kv.value());
        }
        return c;
    }

    private static void addAll(java.util.List<Node> c, Node... ns) {
        for (Node n : ns) {
            if (n != null) {
                c.add(n);
            }
        }
    }
}
