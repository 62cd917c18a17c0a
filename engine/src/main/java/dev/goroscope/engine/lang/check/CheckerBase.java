package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Lookup;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checker's state and shared helpers: diagnostics, the current scope and function, what
 * is recorded into {@link Info}, and the bookkeeping for untyped expressions whose final type
 * is only known later (go/types' "delayed" typing of untyped constants).
 *
 * <p>The checker is a chain of classes, each adding one concern (see the package docs).
 */
abstract class CheckerBase {

    /** Deeper nesting than this is refused rather than risking the Java stack. */
    static final int MAX_DEPTH = 500;

    final SourceFile file;
    final GoVersion version;
    final boolean allowGoto;
    final Info info;
    final List<Diagnostic> errors = new ArrayList<>();
    final Scope universe;
    Scope pkgScope;
    Scope fileScope;
    Scope scope;
    FuncCtx fn;
    int depth;
    Pos lastPos = new Pos(1, 1);
    /** Iota of the constant spec being checked, or null outside constant declarations. */
    Constant iota;

    /** Untyped expressions whose final type is not known yet. */
    final Map<Expr, Untyped> untyped = new IdentityHashMap<>();
    /** Which function (FuncDecl/FuncLit node) declared each local variable. */
    final Map<Var, Node> owners = new IdentityHashMap<>();
    /** Local variables in declaration order, for "declared and not used". */
    final List<Var> locals = new ArrayList<>();

    /** An untyped expression: its current untyped type and whether it is a non-constant shift's operand. */
    static final class Untyped {
        Type type;
        final boolean shiftOperand;

        Untyped(Type type, boolean shiftOperand) {
            this.type = type;
            this.shiftOperand = shiftOperand;
        }
    }

    /** The function whose body is being checked. */
    static final class FuncCtx {
        final Node node;
        final Signature sig;
        final FuncCtx outer;
        final Scope scope;

        FuncCtx(Node node, Signature sig, FuncCtx outer, Scope scope) {
            this.node = node;
            this.sig = sig;
            this.outer = outer;
            this.scope = scope;
        }
    }

    CheckerBase(SourceFile file, GoVersion version, boolean allowGoto) {
        this.file = file;
        this.version = version;
        this.allowGoto = allowGoto;
        this.info = new Info(file, version);
        this.universe = Universe.scope(version);
    }

    // ---- diagnostics -----------------------------------------------------------------

    final void error(Pos p, String msg) {
        Pos at = p == null ? lastPos : p;
        errors.add(new Diagnostic(file.fileName(), at.line(), at.col(), msg));
    }

    final void error(Node n, String msg) {
        error(n == null ? null : n.pos(), msg);
    }

    /** "missing method M" (1.20+) or "missing M method" (1.19), and the other reasons. */
    final String missingReason(Type t, Type iface, Lookup.Missing m) {
        String name = m.want().name();
        boolean v120 = version.atLeast(20);
        String what;
        switch (m.reason()) {
            case POINTER_RECEIVER:
                what = v120 ? "method " + name + " has pointer receiver" : name + " method has pointer receiver";
                break;
            case WRONG_TYPE:
                what = (v120 ? "wrong type for method " + name : "wrong type for " + name + " method")
                        + ")\n\t\thave " + name + sigString(m.have().type()) + "\n\t\twant " + name
                        + sigString(m.want().type());
                return t + " does not implement " + iface + " (" + what;
            default:
                what = v120 ? "missing method " + name : "missing " + name + " method";
        }
        return t + " does not implement " + iface + " (" + what + ")";
    }

    static String sigString(Signature s) {
        return s.toString().substring("func".length());
    }

    // ---- scopes ----------------------------------------------------------------------

    final Scope openScope(Node n) {
        scope = new Scope(scope, n);
        if (n != null) {
            info.scopes.put(n, scope);
        }
        return scope;
    }

    final void closeScope() {
        scope = scope.parent();
    }

    /** Declares obj under id in s, reporting a redeclaration. */
    final void declare(Scope s, Expr.Ident id, Obj obj) {
        if (id != null) {
            info.defs.put(id, obj);
        }
        Obj old = s.insert(obj);
        if (old != null) {
            error(id, obj.name() + " redeclared in this block");
            if (obj instanceof Var) {
                ((Var) obj).markUsed(); // never visible, so never "unused"
            }
        }
        if (obj instanceof Var && fn != null && !((Var) obj).isGlobal() && !((Var) obj).isField()) {
            owners.put((Var) obj, fn.node);
        }
    }

    // ---- recording -------------------------------------------------------------------

    /** Records an operand's type (or defers it while untyped) and constant value. */
    final void record(Operand x) {
        if (x.expr == null) {
            return;
        }
        if (x.mode == Operand.Mode.TYPEXPR) {
            info.typeExprs.put(x.expr, Boolean.TRUE);
            info.types.put(x.expr, x.type);
            return;
        }
        if (x.invalid() || x.mode == Operand.Mode.NOVALUE || x.mode == Operand.Mode.BUILTIN) {
            if (x.mode == Operand.Mode.NOVALUE) {
                info.types.put(x.expr, x.type);
            }
            return;
        }
        if (x.isUntyped()) {
            Untyped u = untyped.get(x.expr);
            if (u == null) {
                untyped.put(x.expr, new Untyped(x.type, false));
            } else {
                u.type = x.type;
            }
        } else {
            info.types.put(x.expr, x.type);
        }
        if (x.isConst() && x.val != null) {
            info.values.put(x.expr, x.val);
        }
    }

    /** Marks a recorded untyped expression as the left operand of a non-constant shift. */
    final void markShiftOperand(Expr e, Type t) {
        untyped.put(e, new Untyped(t, true));
    }

    /**
     * Gives an untyped expression (and its untyped operands) its final type, or a larger untyped
     * type when {@code t} is itself untyped. Constant values are rounded to the final type.
     */
    final void updateExprType(Expr e, Type t) {
        updateExprType(e, t, 0);
    }

    private void updateExprType(Expr e, Type t, int d) {
        Untyped u = untyped.get(e);
        if (u == null || d > MAX_DEPTH) {
            return;
        }
        if (e instanceof Expr.Paren) {
            updateExprType(((Expr.Paren) e).x(), t, d + 1);
        } else if (e instanceof Expr.Unary) {
            if (info.values.containsKey(e) || ((Expr.Unary) e).op() != dev.goroscope.engine.lang.ast.Op.RECV) {
                updateExprType(((Expr.Unary) e).x(), t, d + 1);
            }
        } else if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            if (!isComparison(b.op())) {
                updateExprType(b.x(), t, d + 1);
                if (b.op() != dev.goroscope.engine.lang.ast.Op.SHL && b.op() != dev.goroscope.engine.lang.ast.Op.SHR) {
                    updateExprType(b.y(), t, d + 1);
                }
            }
        }
        if (dev.goroscope.engine.lang.types.Types.isUntyped(t)) {
            u.type = t;
            return;
        }
        untyped.remove(e);
        if (u.shiftOperand && !dev.goroscope.engine.lang.types.Types.isInteger(t)) {
            error(e, "invalid operation: shifted operand " + ExprStrings.of(e) + " (type " + t + ") must be integer");
            return;
        }
        info.types.put(e, t);
        Constant v = info.values.get(e);
        if (v != null && t.underlying() instanceof Basic) {
            dev.goroscope.engine.lang.types.Representable.Result r =
                    dev.goroscope.engine.lang.types.Representable.check(v, (Basic) t.underlying());
            if (r.ok()) {
                info.values.put(e, r.value());
            }
        }
    }

    static boolean isComparison(dev.goroscope.engine.lang.ast.Op op) {
        switch (op) {
            case EQL: case NEQ: case LSS: case LEQ: case GTR: case GEQ: return true;
            default: return false;
        }
    }

    /** Gives every expression still untyped at the end its default type. */
    final void finishUntyped() {
        for (Map.Entry<Expr, Untyped> en : new ArrayList<>(untyped.entrySet())) {
            Type t = dev.goroscope.engine.lang.types.Types.defaultType(en.getValue().type);
            info.types.put(en.getKey(), t);
            Constant v = info.values.get(en.getKey());
            if (v != null && t.underlying() instanceof Basic) {
                dev.goroscope.engine.lang.types.Representable.Result r =
                        dev.goroscope.engine.lang.types.Representable.check(v, (Basic) t.underlying());
                if (r.ok()) {
                    info.values.put(en.getKey(), r.value());
                }
            }
        }
        untyped.clear();
    }

    // ---- variable use and captures -----------------------------------------------------

    /** Notes that v is read here: marks it used and records captures by closures. */
    final void use(Var v) {
        v.markUsed();
        capture(v);
    }

    /** Records v as captured by every closure between its declaring function and here. */
    final void capture(Var v) {
        Node owner = owners.get(v);
        if (owner == null || fn == null || owner == fn.node) {
            return;
        }
        for (FuncCtx c = fn; c != null && c.node != owner; c = c.outer) {
            List<Var> cs = info.captures.computeIfAbsent(c.node, k -> new ArrayList<>());
            boolean seen = false;
            for (Var w : cs) {
                if (w == v) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                cs.add(v);
            }
        }
    }

    // ---- nesting guard -----------------------------------------------------------------

    final boolean enter(Node n) {
        if (n != null) {
            lastPos = n.pos();
        }
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new TooDeep(n == null ? lastPos : n.pos());
        }
        return true;
    }

    final void leave() {
        depth--;
    }

    /** Thrown (and caught by {@link Checker}) when nesting exceeds {@link #MAX_DEPTH}. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Pos pos;

        TooDeep(Pos pos) {
            super(null, null, false, false);
            this.pos = pos;
        }
    }
}
