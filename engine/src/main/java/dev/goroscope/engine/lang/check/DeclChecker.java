package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constant, variable and type declarations, package-level and local (spec, "Declarations and
 * scope"). Package-level objects are resolved lazily, on first use, so declarations may appear
 * in any order; a use during the object's own resolution is a cycle.
 */
abstract class DeclChecker extends SwitchChecker {

    /** How far a package-level object's declaration has been checked. */
    enum State { PENDING, BUSY, DONE }

    /** A package-level object's declaration. */
    static final class DeclInfo {
        final Node spec;
        final int index;
        final List<Obj> group;
        State state = State.PENDING;

        DeclInfo(Node spec, int index, List<Obj> group) {
            this.spec = spec;
            this.index = index;
            this.group = group;
        }
    }

    final Map<Obj, DeclInfo> decls = new IdentityHashMap<>();

    DeclChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** Checks a function's signature (for {@link #resolve} of a Func). */
    abstract void funcSignature(Func f);

    @Override
    final void resolve(Obj o) {
        DeclInfo d = decls.get(o);
        if (d == null || d.state == State.DONE) {
            return;
        }
        if (d.state == State.BUSY) {
            if (o instanceof TypeName && !((TypeName) o).isAlias()) {
                return; // a defined type may refer to itself (through pointers, slices, ...)
            }
            if (o instanceof Func) {
                return;
            }
            error(o.pos(), "initialization cycle or invalid recursive reference to " + o.name());
            for (Obj g : d.group) {
                invalidate(g);
                decls.get(g).state = State.DONE;
            }
            return;
        }
        for (Obj g : d.group) {
            decls.get(g).state = State.BUSY;
        }
        Scope savedScope = scope;
        FuncCtx savedFn = fn;
        Constant savedIota = iota;
        int savedDepth = depth;
        scope = fileScope;
        fn = null;
        iota = null;
        try {
            if (o instanceof Const) {
                Spec.ValueSpec vs = (Spec.ValueSpec) d.spec;
                constSpec((Const) o, vs, d.index);
            } else if (o instanceof Var) {
                varSpec(d.group, (Spec.ValueSpec) d.spec);
            } else if (o instanceof TypeName) {
                typeSpec((TypeName) o, (Spec.TypeSpec) d.spec);
            } else if (o instanceof Func) {
                funcSignature((Func) o);
            }
        } finally {
            scope = savedScope;
            fn = savedFn;
            iota = savedIota;
            depth = savedDepth;
            for (Obj g : d.group) {
                decls.get(g).state = State.DONE;
            }
        }
    }

    private static void invalidate(Obj o) {
        if (o instanceof Const) {
            ((Const) o).set(Basic.INVALID, null);
        } else if (o instanceof Var) {
            ((Var) o).setType(Basic.INVALID);
        } else if (o instanceof TypeName) {
            ((TypeName) o).setType(Basic.INVALID);
        }
    }

    // ---- constants ---------------------------------------------------------------------

    /** Evaluates the i'th constant of a spec (c's type and value are set). */
    final void constSpec(Const c, Spec.ValueSpec spec, int i) {
        Constant savedIota = iota;
        iota = Constant.of(spec.iota());
        try {
            Type t = spec.type() == null ? null : typ(spec.type());
            if (t != null && !Types.isInvalid(t) && !Types.isConstType(t)) {
                if (i == 0) {
                    error(spec.type(), "invalid constant type " + t);
                }
                c.set(Basic.INVALID, null);
                return;
            }
            if (i >= spec.values().size()) {
                if (i == spec.values().size() || spec.values().isEmpty()) {
                    error(spec.names().get(i), "missing init expr for const declaration");
                }
                c.set(Basic.INVALID, null);
                return;
            }
            if (i == 0 && spec.values().size() > spec.names().size()) {
                error(spec.values().get(spec.names().size()), "extra init expr");
            }
            Operand x = expr(spec.values().get(i), null);
            if (x.invalid()) {
                c.set(Basic.INVALID, null);
                return;
            }
            if (!x.isConst()) {
                error(x.expr, x.describe() + " is not constant");
                c.set(Basic.INVALID, null);
                return;
            }
            if (t != null) {
                if (!assignment(x, t, "constant declaration")) {
                    c.set(Basic.INVALID, null);
                    return;
                }
                x.type = t;
            }
            c.set(x.type, x.val);
        } finally {
            iota = savedIota;
        }
    }

    // ---- variables ---------------------------------------------------------------------

    /** Types (and checks the initializers of) all variables of one spec. */
    final void varSpec(List<Obj> vars, Spec.ValueSpec spec) {
        Type t = spec.type() == null ? null : typ(spec.type());
        if (spec.values().isEmpty()) {
            for (Obj o : vars) {
                ((Var) o).setType(t == null ? Basic.INVALID : t);
            }
            return;
        }
        List<Type> targets = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            targets.add(t);
        }
        List<Type> got = assignValues(targets, spec.values(), "variable declaration");
        for (int i = 0; i < vars.size(); i++) {
            Type g = got.get(i);
            ((Var) vars.get(i)).setType(t != null ? t : g == null ? Basic.INVALID : g);
        }
    }

    // ---- types -------------------------------------------------------------------------

    final void typeSpec(TypeName tn, Spec.TypeSpec spec) {
        if (spec.alias()) {
            tn.setType(typ(spec.type()));
            return;
        }
        Named n = (Named) tn.type();
        Type u = typ(spec.type());
        n.setUnderlying(u);
        Type t = u;
        for (int i = 0; i < 100 && t instanceof Named; i++) {
            if (t == n) {
                error(spec.name(), "invalid recursive type " + spec.name().name());
                n.setUnderlying(Basic.INVALID);
                return;
            }
            t = ((Named) t).declaredUnderlying();
        }
    }

    /** Creates a (not yet resolved) defined type or alias object. */
    static TypeName newTypeName(Spec.TypeSpec ts) {
        TypeName tn = new TypeName(ts.name().name(), null, ts.name().pos(), "main", ts.alias());
        if (!ts.alias()) {
            tn.setType(new Named(tn, null));
        }
        return tn;
    }

    // ---- local declarations ------------------------------------------------------------

    @Override
    final void localDecl(Decl.GenDecl d) {
        for (Spec s : d.specs()) {
            if (s instanceof Spec.TypeSpec) {
                Spec.TypeSpec ts = (Spec.TypeSpec) s;
                TypeName tn = newTypeName(ts);
                declare(scope, ts.name(), tn);
                typeSpec(tn, ts);
                info.types.put(ts.name(), tn.type());
            } else if (s instanceof Spec.ValueSpec && d.kind() == Decl.Kind.CONST) {
                Spec.ValueSpec vs = (Spec.ValueSpec) s;
                List<Const> cs = new ArrayList<>();
                for (int i = 0; i < vs.names().size(); i++) {
                    Expr.Ident id = vs.names().get(i);
                    Const c = new Const(id.name(), null, null, id.pos(), "main");
                    constSpec(c, vs, i);
                    cs.add(c);
                }
                for (int i = 0; i < cs.size(); i++) {
                    declare(scope, vs.names().get(i), cs.get(i));
                }
            } else if (s instanceof Spec.ValueSpec) {
                Spec.ValueSpec vs = (Spec.ValueSpec) s;
                List<Obj> vars = new ArrayList<>();
                for (Expr.Ident id : vs.names()) {
                    vars.add(newLocal(id, null));
                }
                varSpec(vars, vs);
                for (int i = 0; i < vars.size(); i++) {
                    Expr.Ident id = vs.names().get(i);
                    info.types.put(id, vars.get(i).type());
                    if (id.isBlank()) {
                        info.defs.put(id, vars.get(i));
                    } else {
                        declare(scope, id, vars.get(i));
                    }
                }
            }
        }
    }
}
