package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements and function bodies (spec, "Statements"): blocks and scopes, control flow, labels,
 * and "missing return" via {@link Terminating}.
 */
abstract class StmtChecker extends SimpleStmtChecker {

    /** Where break/continue/fallthrough may go. */
    record Ctx(boolean breakOk, boolean continueOk, boolean fallthroughOk, boolean finalCase, boolean typeSwitch,
               List<Target> targets) {
        static final Ctx TOP = new Ctx(false, false, false, false, false, List.of());

        Ctx with(boolean brk, boolean cont, String label, boolean loop) {
            List<Target> ts = targets;
            if (label != null) {
                ts = new ArrayList<>(targets);
                ts.add(new Target(label, loop));
            }
            return new Ctx(brk, cont, false, false, false, ts);
        }
    }

    /** An enclosing labeled statement. */
    record Target(String label, boolean loop) {}

    /** A label of the current function. */
    static final class Label {
        final Pos pos;
        boolean used;

        Label(Pos pos) {
            this.pos = pos;
        }
    }

    Map<String, Label> labels = new LinkedHashMap<>();

    StmtChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** A local const, var or type declaration. */
    abstract void localDecl(Decl.GenDecl d);

    // ---- function bodies ---------------------------------------------------------------

    /** Checks a body in the already opened function scope (parameters declared). */
    final void funcBody(Node owner, Signature sig, Stmt.Block body) {
        Map<String, Label> savedLabels = labels;
        labels = new LinkedHashMap<>();
        collectLabels(body.stmts(), 0);
        stmtList(body.stmts(), Ctx.TOP);
        if (sig.results().size() > 0 && !Terminating.list(body.stmts(), null, info)) {
            error(body.rbrace(), "missing return");
        }
        for (Map.Entry<String, Label> l : labels.entrySet()) {
            if (!l.getValue().used) {
                error(l.getValue().pos, "label " + l.getKey() + " defined and not used");
            }
        }
        labels = savedLabels;
    }

    private void collectLabels(List<Stmt> ss, int d) {
        if (d > MAX_DEPTH) {
            return;
        }
        for (Stmt s : ss) {
            collectLabels(s, d);
        }
    }

    private void collectLabels(Stmt s, int d) {
        if (s instanceof Stmt.Labeled) {
            Stmt.Labeled l = (Stmt.Labeled) s;
            if (!l.label().isBlank()) {
                if (labels.containsKey(l.label().name())) {
                    error(l.label(), "label " + l.label().name() + " already defined");
                } else {
                    labels.put(l.label().name(), new Label(l.label().pos()));
                }
            }
            collectLabels(l.stmt(), d + 1);
        } else if (s instanceof Stmt.Block) {
            collectLabels(((Stmt.Block) s).stmts(), d + 1);
        } else if (s instanceof Stmt.If) {
            collectLabels(((Stmt.If) s).then(), d + 1);
            if (((Stmt.If) s).els() != null) {
                collectLabels(((Stmt.If) s).els(), d + 1);
            }
        } else if (s instanceof Stmt.For) {
            collectLabels(((Stmt.For) s).body(), d + 1);
        } else if (s instanceof Stmt.Range) {
            collectLabels(((Stmt.Range) s).body(), d + 1);
        } else if (s instanceof Stmt.Switch) {
            for (CaseClause c : ((Stmt.Switch) s).clauses()) {
                collectLabels(c.body(), d + 1);
            }
        } else if (s instanceof Stmt.TypeSwitch) {
            for (CaseClause c : ((Stmt.TypeSwitch) s).clauses()) {
                collectLabels(c.body(), d + 1);
            }
        } else if (s instanceof Stmt.Select) {
            for (CommClause c : ((Stmt.Select) s).clauses()) {
                collectLabels(c.body(), d + 1);
            }
        }
    }

    @Override
    final Operand funcLit(Expr.FuncLit e) {
        Signature sig = signature(e.type(), null);
        Scope saved = scope;
        FuncCtx savedFn = fn;
        openScope(e);
        fn = new FuncCtx(e, sig, savedFn, scope);
        info.captures.computeIfAbsent(e, k -> new ArrayList<>());
        declareParams(sig);
        funcBody(e, sig, e.body());
        fn = savedFn;
        scope = saved;
        return new Operand(Operand.Mode.VALUE, sig, null, e);
    }

    /** Declares a signature's receiver, parameters and results in the current (function) scope. */
    final void declareParams(Signature sig) {
        List<Var> all = new ArrayList<>();
        if (sig.recv() != null) {
            all.add(sig.recv());
        }
        all.addAll(sig.params().vars());
        all.addAll(sig.results().vars());
        for (Var v : all) {
            if (v.name().isEmpty() || v.name().equals("_")) {
                continue;
            }
            owners.put(v, fn.node);
            if (scope.insert(v) != null) {
                error(v.pos(), v.name() + " redeclared in this block");
            }
        }
    }

    // ---- statements --------------------------------------------------------------------

    final void stmtList(List<Stmt> ss, Ctx c) {
        for (int i = 0; i < ss.size(); i++) {
            Stmt s = ss.get(i);
            boolean last = i == ss.size() - 1;
            Ctx sc = c;
            if (c.fallthroughOk && !last) {
                sc = new Ctx(c.breakOk, c.continueOk, false, c.finalCase, c.typeSwitch, c.targets);
            }
            stmt(s, sc, null);
        }
    }

    final void stmt(Stmt s, Ctx c, String label) {
        enter(s);
        try {
            stmtInternal(s, c, label);
        } finally {
            leave();
        }
    }

    private void stmtInternal(Stmt s, Ctx c, String label) {
        if (s instanceof Stmt.Empty) {
            return;
        }
        if (s instanceof Stmt.Labeled) {
            Stmt.Labeled l = (Stmt.Labeled) s;
            stmt(l.stmt(), c, l.label().isBlank() ? null : l.label().name());
        } else if (s instanceof Stmt.ExprStmt) {
            exprStmt((Stmt.ExprStmt) s);
        } else if (s instanceof Stmt.Send) {
            send((Stmt.Send) s);
        } else if (s instanceof Stmt.IncDec) {
            incDec((Stmt.IncDec) s);
        } else if (s instanceof Stmt.Assign) {
            assign((Stmt.Assign) s);
        } else if (s instanceof Stmt.Go) {
            goDefer(((Stmt.Go) s).call(), "go");
        } else if (s instanceof Stmt.Defer) {
            goDefer(((Stmt.Defer) s).call(), "defer");
        } else if (s instanceof Stmt.Return) {
            returnStmt((Stmt.Return) s);
        } else if (s instanceof Stmt.Branch) {
            branch((Stmt.Branch) s, c);
        } else if (s instanceof Stmt.Block) {
            openScope(s);
            stmtList(((Stmt.Block) s).stmts(), c.with(c.breakOk, c.continueOk, null, false));
            closeScope();
        } else if (s instanceof Stmt.If) {
            ifStmt((Stmt.If) s, c);
        } else if (s instanceof Stmt.Switch) {
            switchStmt((Stmt.Switch) s, c, label);
        } else if (s instanceof Stmt.TypeSwitch) {
            typeSwitch((Stmt.TypeSwitch) s, c, label);
        } else if (s instanceof Stmt.Select) {
            select((Stmt.Select) s, c, label);
        } else if (s instanceof Stmt.For) {
            forStmt((Stmt.For) s, c, label);
        } else if (s instanceof Stmt.Range) {
            RangeChecks.range(this, (Stmt.Range) s, c.with(true, true, label, true));
        } else if (s instanceof Stmt.DeclStmt) {
            localDecl(((Stmt.DeclStmt) s).decl());
        }
    }

    private void branch(Stmt.Branch b, Ctx c) {
        String name = b.label() == null ? null : b.label().name();
        switch (b.kind()) {
            case GOTO:
                if (!allowGoto) {
                    error(b, "unsupported: goto");
                    if (labels.containsKey(name)) {
                        labels.get(name).used = true;
                    }
                    return;
                }
                if (!labels.containsKey(name)) {
                    error(b.label(), "label " + name + " not defined");
                } else {
                    labels.get(name).used = true;
                }
                return;
            case FALLTHROUGH:
                if (c.typeSwitch) {
                    error(b, "cannot fallthrough in type switch");
                } else if (!c.fallthroughOk) {
                    error(b, "fallthrough statement out of place");
                } else if (c.finalCase) {
                    error(b, "cannot fallthrough final case in switch");
                }
                return;
            default:
                break;
        }
        boolean brk = b.kind() == Stmt.BranchKind.BREAK;
        String kw = brk ? "break" : "continue";
        if (name == null) {
            if (brk && !c.breakOk) {
                error(b, "break is not in a loop, switch, or select");
            } else if (!brk && !c.continueOk) {
                error(b, "continue is not in a loop");
            }
            return;
        }
        Label l = labels.get(name);
        if (l == null) {
            error(b.label(), kw + " label not defined: " + name);
            return;
        }
        l.used = true;
        for (Target t : c.targets) {
            if (t.label().equals(name) && (brk || t.loop())) {
                return;
            }
        }
        error(b.label(), "invalid " + kw + " label " + name);
    }

    private void ifStmt(Stmt.If s, Ctx c) {
        openScope(s);
        if (s.init() != null) {
            stmt(s.init(), c, null);
        }
        condition(s.cond(), "if statement");
        openScope(s.then());
        stmtList(s.then().stmts(), c.with(c.breakOk, c.continueOk, null, false));
        closeScope();
        if (s.els() != null) {
            stmt(s.els(), c.with(c.breakOk, c.continueOk, null, false), null);
        }
        closeScope();
    }

    final void condition(Expr cond, String where) {
        Operand x = expr(cond, null);
        if (x.invalid()) {
            return;
        }
        if (!Types.isBoolean(x.type)) {
            error(cond, "non-boolean condition in " + where);
            return;
        }
        if (x.isUntyped()) {
            assignment(x, Basic.BOOL, where);
        }
    }

    private void forStmt(Stmt.For s, Ctx c, String label) {
        openScope(s);
        if (s.init() != null) {
            stmt(s.init(), c, null);
        }
        if (s.cond() != null) {
            condition(s.cond(), "for statement");
        }
        if (s.post() != null) {
            if (s.post() instanceof Stmt.Assign && ((Stmt.Assign) s.post()).define()) {
                error(s.post(), "cannot declare in post statement of for loop");
            } else {
                stmt(s.post(), c, null);
            }
        }
        openScope(s.body());
        stmtList(s.body().stmts(), c.with(true, true, label, true));
        closeScope();
        closeScope();
    }

    final String unusedMessage(String name) {
        return version.atLeast(20) ? "declared and not used: " + name : name + " declared but not used";
    }

    abstract void switchStmt(Stmt.Switch s, Ctx c, String label);

    abstract void typeSwitch(Stmt.TypeSwitch s, Ctx c, String label);

    abstract void select(Stmt.Select s, Ctx c, String label);
}
