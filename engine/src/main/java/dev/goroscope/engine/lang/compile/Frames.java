package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.runtime.FuncInfo;



/**
 * Frame sizes: exact from gc's {@code TEXT} lines when the toolchain was asked, otherwise an
 * estimate that follows the amd64 register ABI. The estimator's rules (docs/front-end.md):
 * <ol>
 *   <li>arrays and structs declared in the function take their size in the frame, except an
 *       array that is only ever stored into: gc deletes such dead stores, and the array with
 *       them (lesson 2: the seed's "1 GB" recursion does not overflow);</li>
 *   <li>a function that calls another keeps each scalar parameter and result in a spill slot
 *       (8 bytes; a string 16) so it survives the call;</li>
 *   <li>the caller reserves spill space for the largest callee's register arguments;</li>
 *   <li>a non-empty frame saves the caller's frame pointer (8 bytes);</li>
 *   <li>a leaf with nothing in its frame is NOSPLIT, like gc's; a small leaf without loops
 *       (at most 5 statements, not {@code //go:noinline}) is taken as inlined: no frame at all.</li>
 * </ol>
 * In exact mode a function gc inlined everywhere has no TEXT line, and likewise no frame.
 */
final class Frames {
    private Frames() {}

    /** The frame of {@code f}, or null when the function is inlined (its calls push nothing). */
    static FuncInfo of(Func f, Info info, CompilerFacts facts) {
        return of(f.fullName(), f.type(), f.decl().body(), f.noinline() || f.name().equals("main") && !f.isMethod(),
                info, facts);
    }

    /** The frame of a function or function literal named {@code symbol} as gc names it. */
    static FuncInfo of(String symbol, dev.goroscope.engine.lang.types.Signature sig, Stmt.Block body,
                       boolean noinline, Info info, CompilerFacts facts) {
        int ptrSlots = 0;
        if (facts != null) {
            CompilerFacts.Frame fr = facts.frames().get(symbol);
            return fr == null ? null : new FuncInfo(symbol, fr.frameSize(), ptrSlots, fr.nosplit());
        }
        Scan s = new Scan(info);
        s.node(body);
        s.composites = s.composites();
        boolean leaf = s.calls == 0;
        if (leaf && !s.loops && s.statements <= 5 && !noinline) {
            return null;
        }
        long size = s.composites;
        if (!leaf) {
            if (sig.recv() != null) {
                size += slot(sig.recv().type());
            }
            for (Var p : sig.params().vars()) {
                size += slot(p.type());
            }
            for (Var r : sig.results().vars()) {
                size += slot(r.type());
            }
            size += s.outgoing;
        }
        if (size == 0 && leaf) {
            return new FuncInfo(symbol, 0, 0, true);
        }
        size = (size + 7) / 8 * 8 + 8;
        return new FuncInfo(symbol, size, ptrSlots, false);
    }

    private static long slot(Type t) {
        return Kinds.isString(t) ? 16 : 8;
    }

    /** Walks a body counting what decides the frame. */
    private static final class Scan {
        final Info info;
        final java.util.Set<Var> locals = new java.util.LinkedHashSet<>();
        final java.util.Set<Var> read = new java.util.HashSet<>();
        long composites;
        long outgoing;
        int calls;
        int statements;
        boolean loops;

        Scan(Info info) {
            this.info = info;
        }

        void node(Node n) {
            if (n == null) {
                return;
            }
            if (n instanceof Stmt st) {
                statements++;
                stmt(st);
            } else if (n instanceof Expr e) {
                expr(e);
            }
        }

        void stmt(Stmt s) {
            if (s instanceof Stmt.Block b) {
                b.stmts().forEach(this::node);
            } else if (s instanceof Stmt.ExprStmt e) {
                node(e.x());
            } else if (s instanceof Stmt.Assign a) {
                for (Expr l : a.lhs()) {
                    if (a.op() == null && l instanceof Expr.Index ix && ix.x() instanceof Expr.Ident) {
                        node(ix.index()); // a store into an element does not read the array
                    } else {
                        node(l);
                    }
                }
                a.rhs().forEach(this::node);
                if (a.define()) {
                    for (Expr l : a.lhs()) {
                        if (l instanceof Expr.Ident id && info.isNewDefinition(id)) {
                            local(info.objectOf(id));
                        }
                    }
                }
            } else if (s instanceof Stmt.DeclStmt d) {
                for (Spec sp : d.decl().specs()) {
                    if (sp instanceof Spec.ValueSpec v) {
                        v.names().forEach(id -> local(info.objectOf(id)));
                        v.values().forEach(this::node);
                    }
                }
            } else if (s instanceof Stmt.If i) {
                node(i.init());
                node(i.cond());
                node(i.then());
                node(i.els());
            } else if (s instanceof Stmt.For f) {
                loops = true;
                node(f.init());
                node(f.cond());
                node(f.post());
                node(f.body());
            } else if (s instanceof Stmt.Switch sw) {
                node(sw.init());
                node(sw.tag());
                sw.clauses().forEach(c -> {
                    c.list().forEach(this::node);
                    c.body().forEach(this::node);
                });
            } else if (s instanceof Stmt.Return r) {
                r.results().forEach(this::node);
            } else if (s instanceof Stmt.IncDec d) {
                node(d.x());
            }
        }

        void local(Obj o) {
            if (o instanceof Var v && !Kinds.scalar(v.type()) && !Kinds.isString(v.type())) {
                locals.add(v);
            }
        }

        /** Frame bytes of composite locals; arrays never read are dead, as gc finds. */
        long composites() {
            long total = 0;
            for (Var v : locals) {
                if (!Kinds.scalarArray(v.type()) || read.contains(v)) {
                    total += Sizes.sizeof(v.type());
                }
            }
            return total;
        }

        void expr(Expr e) {
            if (e instanceof Expr.Ident id) {
                if (info.objectOf(id) instanceof Var v) {
                    read.add(v);
                }
                return;
            }
            if (e instanceof Expr.Call c && info.valueOf(c) != null) {
                return; // len(array) and the like are constants: they read nothing
            }
            if (e instanceof Expr.Call c) {
                Obj callee = c.fun() instanceof Expr.Ident id ? info.objectOf(id) : null;
                if (callee instanceof Func f && !f.isStd()) {
                    calls++;
                    long args = 0;
                    for (Var p : f.type().params().vars()) {
                        args += slot(p.type());
                    }
                    outgoing = Math.max(outgoing, args);
                } else if (!info.isType(c.fun()) && info.builtinOf(c) == null) {
                    calls++;
                }
                c.args().forEach(this::node);
            } else if (e instanceof Expr.Binary b) {
                node(b.x());
                node(b.y());
            } else if (e instanceof Expr.Unary u) {
                node(u.x());
            } else if (e instanceof Expr.Paren p) {
                node(p.x());
            } else if (e instanceof Expr.Index ix) {
                node(ix.x());
                node(ix.index());
            }
        }
    }

}
