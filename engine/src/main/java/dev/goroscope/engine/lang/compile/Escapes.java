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

    /**
     * Variables the function literals in {@code body} capture. gc captures small variables that
     * are never reassigned by value; the engine captures every one by reference, in a heap box,
     * which is what gc does for the rest (and for all of them when the closure escapes).
     */
    static Set<Var> captured(Stmt.Block body, Info info) {
        Set<Var> out = new HashSet<>();
        collectCaptures(body, info, out);
        return out;
    }

    /**
     * Variables assigned after their definition anywhere in {@code body}, closures included
     * ({@code =}, {@code op=}, {@code ++}, a range that assigns): gc captures only those by
     * reference; a variable never reassigned is copied into the closure.
     */
    static Set<Var> reassigned(Stmt.Block body, Info info) {
        Set<Var> out = new HashSet<>();
        collectAssigned(body, info, out);
        return out;
    }

    private static void collectAssigned(Node n, Info info, Set<Var> out) {
        if (n == null) {
            return;
        }
        if (n instanceof Stmt.Assign a) {
            for (Expr l : a.lhs()) {
                if (l instanceof Expr.Ident id && info.objectOf(id) instanceof Var v
                        && !(a.define() && info.isNewDefinition(id))) {
                    out.add(v);
                } else {
                    addBase(l, info, out);
                }
            }
        } else if (n instanceof Stmt.IncDec d) {
            if (d.x() instanceof Expr.Ident id && info.objectOf(id) instanceof Var v) {
                out.add(v);
            } else {
                addBase(d.x(), info, out);
            }
        } else if (n instanceof Stmt.Range r && !r.define()) {
            for (Expr e : new Expr[] {r.key(), r.value()}) {
                if (e instanceof Expr.Ident id && info.objectOf(id) instanceof Var v) {
                    out.add(v);
                }
            }
        }
        if (n instanceof Expr.FuncLit fl) {
            collectAssigned(fl.body(), info, out);
            return;
        }
        if (n instanceof Stmt.Range r) {
            collectAssigned(r.body(), info, out);
        }
        for (Node c : children(n)) {
            collectAssigned(c, info, out);
        }
    }

    /** {@code a[i] = x}, {@code s.f = x}: the array or struct variable {@code a}/{@code s} changes. */
    private static void addBase(Expr e, Info info, Set<Var> out) {
        while (true) {
            if (e instanceof Expr.Index ix) {
                e = ix.x();
            } else if (e instanceof Expr.Selector s && !Kinds.isPointer(info.typeOf(s.x()))) {
                e = s.x();
            } else if (e instanceof Expr.Paren p) {
                e = p.x();
            } else {
                break;
            }
        }
        if (e instanceof Expr.Ident id && info.objectOf(id) instanceof Var v && !Kinds.isSlice(v.type())) {
            out.add(v);
        }
    }

    private static void collectCaptures(Node n, Info info, Set<Var> out) {
        if (n == null) {
            return;
        }
        if (n instanceof Expr.FuncLit fl) {
            out.addAll(info.captures(fl));
            return;
        }
        for (Node c : children(n)) {
            collectCaptures(c, info, out);
        }
    }

    /**
     * Local arrays of scalars that the function only ever stores into (never reads, slices,
     * ranges over or takes the address of, here or in a closure). gc deletes such stores and the
     * array with them (lesson 2); the compiler then keeps only their index checks.
     */
    static Set<Var> writeOnlyArrays(Stmt.Block body, Info info) {
        Set<Var> stored = new HashSet<>();
        Set<Var> read = new HashSet<>();
        uses(body, info, stored, read);
        stored.removeAll(read);
        return stored;
    }

    private static void uses(Node n, Info info, Set<Var> stored, Set<Var> read) {
        if (n == null) {
            return;
        }
        if (n instanceof Stmt.Assign a && a.op() == null) {
            if (a.lhs().size() == 1 && a.lhs().get(0) instanceof Expr.Ident blank && blank.name().equals("_")
                    && a.rhs().get(0) instanceof Expr.Ident) {
                return; // _ = buf reads nothing
            }
            for (Expr l : a.lhs()) {
                if (l instanceof Expr.Index ix && ix.x() instanceof Expr.Ident id
                        && info.objectOf(id) instanceof Var v && Kinds.scalarArray(v.type())) {
                    stored.add(v);
                    uses(ix.index(), info, stored, read);
                } else {
                    uses(l, info, stored, read);
                }
            }
            a.rhs().forEach(r -> uses(r, info, stored, read));
            return;
        }
        if (n instanceof Expr.Ident id && info.objectOf(id) instanceof Var v) {
            read.add(v);
            return;
        }
        if (n instanceof Expr.FuncLit fl) {
            uses(fl.body(), info, stored, read);
            return;
        }
        for (Node c : children(n)) {
            uses(c, info, stored, read);
        }
    }

    static Set<Var> addressTaken(Stmt.Block body, Info info) {
        Set<Var> out = new HashSet<>();
        walk(body, info, out, false);
        return out;
    }

    /** Every variable whose address is taken, MemStats included (for capture by reference). */
    static Set<Var> addressTakenAll(Stmt.Block body, Info info) {
        Set<Var> out = new HashSet<>();
        walk(body, info, out, true);
        return out;
    }

    private static void walk(Node n, Info info, Set<Var> out, boolean memStatsToo) {
        if (n == null) {
            return;
        }
        if (n instanceof Expr.Unary u && u.op() == dev.goroscope.engine.lang.ast.Op.AND
                && u.x() instanceof Expr.Ident id && info.objectOf(id) instanceof Var v
                && (memStatsToo || !MemStatsOps.is(v.type()))) {
            // runtime.ReadMemStats(&m) does not let the pointer escape: m stays in the frame.
            out.add(v);
        }
        for (Node c : children(n)) {
            walk(c, info, out, memStatsToo);
        }
    }

    /**
     * Estimate mode's escape verdict for {@code v := new(T)} of a library buffer type: it stays in
     * the frame when {@code v} is only ever the receiver of method calls ({@code v.WriteString(s)},
     * {@code v.Len()}), since bytes.Buffer's and strings.Builder's methods do not leak their
     * receiver (gc: "new(bytes.Buffer) does not escape"). Any other use (stored, passed, returned,
     * captured, compared) makes it escape.
     */
    static boolean onlyReceiver(Stmt.Block body, Info info, Expr.Call alloc) {
        if (body == null) {
            return false;
        }
        Var[] target = new Var[1];
        findDefinition(body, info, alloc, target);
        if (target[0] == null || target[0].kind() != Var.Kind.LOCAL) {
            return false;
        }
        return receiverUsesOnly(body, info, target[0], false);
    }

    private static void findDefinition(Node n, Info info, Expr.Call alloc, Var[] out) {
        if (n == null || out[0] != null) {
            return;
        }
        if (n instanceof Stmt.Assign a && a.define() && a.lhs().size() == 1 && a.rhs().size() == 1
                && a.rhs().get(0) == alloc && a.lhs().get(0) instanceof Expr.Ident id
                && info.defOf(id) instanceof Var v) {
            out[0] = v;
            return;
        }
        for (Node c : children(n)) {
            findDefinition(c, info, alloc, out);
        }
    }

    /** Whether every use of {@code v} under {@code n} is {@code v.M(...)}; {@code asReceiver}: n is such an x. */
    private static boolean receiverUsesOnly(Node n, Info info, Var v, boolean asReceiver) {
        if (n == null) {
            return true;
        }
        if (n instanceof Expr.Ident id) {
            return asReceiver || info.useOf(id) != v;
        }
        if (n instanceof Expr.FuncLit fl) {
            return !info.captures(fl).contains(v);
        }
        if (n instanceof Expr.Call c && c.fun() instanceof Expr.Selector sel && sel.x() instanceof Expr.Ident) {
            if (!receiverUsesOnly(sel.x(), info, v, true)) {
                return false;
            }
            for (Expr arg : c.args()) {
                if (!receiverUsesOnly(arg, info, v, false)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Stmt.Assign a && a.define()) {
            for (Expr r : a.rhs()) {
                if (!receiverUsesOnly(r, info, v, false)) {
                    return false;
                }
            }
            return true; // the defining identifiers are not uses
        }
        for (Node c : children(n)) {
            if (!receiverUsesOnly(c, info, v, false)) {
                return false;
            }
        }
        return true;
    }

    static java.util.List<Node> children(Node n) {
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
        } else if (n instanceof Stmt.TypeSwitch ts) {
            addAll(c, ts.init(), ts.x());
            for (CaseClause cc : ts.clauses()) {
                c.addAll(cc.body());
            }
        } else if (n instanceof Stmt.Range rg) {
            addAll(c, rg.x(), rg.body());
        } else if (n instanceof Stmt.Labeled l) {
            c.add(l.stmt());
        } else if (n instanceof Stmt.Select sel) {
            for (dev.goroscope.engine.lang.ast.CommClause cc : sel.clauses()) {
                addAll(c, cc.comm());
                c.addAll(cc.body());
            }
        } else if (n instanceof Stmt.Return r) {
            c.addAll(r.results());
        } else if (n instanceof Stmt.Send s) {
            addAll(c, s.ch(), s.value());
        } else if (n instanceof Stmt.Go g) {
            c.add(g.call());
        } else if (n instanceof Stmt.Defer d) {
            c.add(d.call());
        } else if (n instanceof Stmt.Labeled l) {
            c.add(l.stmt());
        } else if (n instanceof Stmt.Range r) {
            addAll(c, r.key(), r.value(), r.x(), r.body());
        } else if (n instanceof Stmt.TypeSwitch ts) {
            addAll(c, ts.init(), ts.x());
            for (CaseClause cc : ts.clauses()) {
                c.addAll(cc.body());
            }
        } else if (n instanceof Stmt.Select sel) {
            for (dev.goroscope.engine.lang.ast.CommClause cc : sel.clauses()) {
                addAll(c, cc.comm());
                c.addAll(cc.body());
            }
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
        } else if (n instanceof Expr.SliceExpr sl) {
            addAll(c, sl.x(), sl.lo(), sl.hi(), sl.max());
        } else if (n instanceof Expr.TypeAssert ta) {
            c.add(ta.x());
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
