package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.TypeExpr;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Nil;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.PkgName;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Representable;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Operands: identifiers, literals, unary and binary operators with exact constant folding
 * (spec, "Expressions", "Constant expressions"). Calls, selectors, indexing and literals are in
 * {@link CallChecker}; conversions and assignability in {@link AssignChecker}; operators in
 * {@link OperatorChecker}.
 */
abstract class ExprChecker extends TypeResolver {

    private static final Set<String> COMPLEX = Set.of("complex64", "complex128", "complex", "real", "imag");

    ExprChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** Resolves a package-level object's declaration on first use. */
    abstract void resolve(Obj o);

    abstract Operand compositeLit(Expr.CompositeLit e, Type hint);

    abstract Operand funcLit(Expr.FuncLit e);

    abstract Operand selector(Expr.Selector e);

    abstract Operand index(Expr.Index e);

    abstract Operand sliceExpr(Expr.SliceExpr e);

    abstract Operand typeAssert(Expr.TypeAssert e);

    abstract Operand call(Expr.Call e);

    /** Makes an untyped operand take type t (or reports why it cannot); see {@link AssignChecker}. */
    abstract boolean convertUntyped(Operand x, Type t);

    // ---- entry points ------------------------------------------------------------------

    @Override
    final Operand exprOrType(Expr e, Type hint) {
        enter(e);
        try {
            Operand x = raw(e, hint);
            x.expr = e;
            record(x);
            return x;
        } finally {
            leave();
        }
    }

    /** A single value (not a type, not void, not a tuple). */
    @Override
    final Operand expr(Expr e, Type hint) {
        Operand x = exprOrType(e, hint);
        return singleValue(x);
    }

    final Operand singleValue(Operand x) {
        switch (x.mode) {
            case TYPEXPR:
                error(x.expr, ExprStrings.of(x.expr) + " (type) is not an expression");
                return Operand.invalid(x.expr);
            case NOVALUE:
                error(x.expr, ExprStrings.of(x.expr) + " (no value) used as value");
                return Operand.invalid(x.expr);
            case BUILTIN:
                error(x.expr, ExprStrings.of(x.expr) + " (built-in) must be called");
                return Operand.invalid(x.expr);
            default:
                break;
        }
        if (x.type instanceof Tuple) {
            error(x.expr, "multiple-value " + ExprStrings.of(x.expr) + " (value of type " + x.type
                    + ") in single-value context");
            return Operand.invalid(x.expr);
        }
        return x;
    }

    /** A value or a multi-value call (for assignments, returns and argument lists). */
    final Operand multiExpr(Expr e) {
        Operand x = exprOrType(e, null);
        if (x.type instanceof Tuple && x.mode == Operand.Mode.VALUE) {
            return x;
        }
        return singleValue(x);
    }

    private Operand raw(Expr e, Type hint) {
        if (e instanceof Expr.Ident) {
            return ident((Expr.Ident) e);
        }
        if (e instanceof Expr.IntLit) {
            return new Operand(Operand.Mode.CONSTANT, Basic.UNTYPED_INT, Constant.of(((Expr.IntLit) e).value()), e);
        }
        if (e instanceof Expr.FloatLit) {
            BigDecimal d = ((Expr.FloatLit) e).value();
            return new Operand(Operand.Mode.CONSTANT, Basic.UNTYPED_FLOAT, Constant.of(d), e);
        }
        if (e instanceof Expr.RuneLit) {
            return new Operand(Operand.Mode.CONSTANT, Basic.UNTYPED_RUNE, Constant.of(((Expr.RuneLit) e).value()), e);
        }
        if (e instanceof Expr.StringLit) {
            return new Operand(Operand.Mode.CONSTANT, Basic.UNTYPED_STRING, Constant.of(((Expr.StringLit) e).value()), e);
        }
        if (e instanceof Expr.CompositeLit) {
            return compositeLit((Expr.CompositeLit) e, hint);
        }
        if (e instanceof Expr.FuncLit) {
            return funcLit((Expr.FuncLit) e);
        }
        if (e instanceof Expr.Paren) {
            Operand x = exprOrType(((Expr.Paren) e).x(), hint);
            return new Operand(x.mode, x.type, x.val, e);
        }
        if (e instanceof Expr.Selector) {
            return selector((Expr.Selector) e);
        }
        if (e instanceof Expr.Index) {
            return index((Expr.Index) e);
        }
        if (e instanceof Expr.SliceExpr) {
            return sliceExpr((Expr.SliceExpr) e);
        }
        if (e instanceof Expr.TypeAssert) {
            return typeAssert((Expr.TypeAssert) e);
        }
        if (e instanceof Expr.Call) {
            return call((Expr.Call) e);
        }
        if (e instanceof Expr.Star) {
            return star((Expr.Star) e);
        }
        if (e instanceof Expr.Unary) {
            return unary((Expr.Unary) e);
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            if (b.op() == Op.SHL || b.op() == Op.SHR) {
                return shift(b);
            }
            return binary(b);
        }
        if (e instanceof Expr.KeyValue) {
            error(e, "unexpected key:value expression");
            return Operand.invalid(e);
        }
        if (e instanceof TypeExpr) {
            Type t = typ(e);
            return Types.isInvalid(t) ? Operand.invalid(e) : new Operand(Operand.Mode.TYPEXPR, t, null, e);
        }
        return Operand.invalid(e);
    }

    // ---- identifiers -------------------------------------------------------------------

    private Operand ident(Expr.Ident e) {
        if (e.isBlank()) {
            error(e, "cannot use _ as value");
            return Operand.invalid(e);
        }
        Obj o = scope.lookup(e.name());
        if (o == null) {
            error(e, COMPLEX.contains(e.name()) ? "unsupported: complex numbers" : "undefined: " + e.name());
            return Operand.invalid(e);
        }
        info.uses.put(e, o);
        resolve(o);
        if (o instanceof PkgName) {
            ((PkgName) o).markUsed();
            error(e, "use of package " + e.name() + " without selector");
            return Operand.invalid(e);
        }
        if (o instanceof Const) {
            if (o == Universe.IOTA) {
                if (iota == null) {
                    error(e, "cannot use iota outside constant declaration");
                    return Operand.invalid(e);
                }
                return new Operand(Operand.Mode.CONSTANT, Basic.UNTYPED_INT, iota, e);
            }
            Const c = (Const) o;
            if (c.value() == null || Types.isInvalid(c.type())) {
                return Operand.invalid(e);
            }
            return new Operand(Operand.Mode.CONSTANT, c.type(), c.value(), e);
        }
        if (o instanceof TypeName) {
            Type t = o.type();
            return Types.isInvalid(t) ? Operand.invalid(e) : new Operand(Operand.Mode.TYPEXPR, t, null, e);
        }
        if (o instanceof Var) {
            use((Var) o);
            Type t = o.type();
            return Types.isInvalid(t) ? Operand.invalid(e) : new Operand(Operand.Mode.VARIABLE, t, null, e);
        }
        if (o instanceof Func) {
            return new Operand(Operand.Mode.VALUE, o.type(), null, e);
        }
        if (o instanceof Builtin) {
            Operand x = new Operand(Operand.Mode.BUILTIN, Basic.INVALID, null, e);
            x.obj = o;
            return x;
        }
        if (o instanceof Nil) {
            return new Operand(Operand.Mode.VALUE, Basic.UNTYPED_NIL, null, e);
        }
        return Operand.invalid(e);
    }

    // ---- unary -------------------------------------------------------------------------

    private Operand star(Expr.Star e) {
        Operand x = exprOrType(e.x(), null);
        if (x.invalid()) {
            return x;
        }
        if (x.mode == Operand.Mode.TYPEXPR) {
            Type t = new Pointer(x.type);
            return new Operand(Operand.Mode.TYPEXPR, t, null, e);
        }
        x = singleValue(x);
        if (x.invalid()) {
            return x;
        }
        if (x.isNil()) {
            error(e, "invalid operation: cannot indirect nil");
            return Operand.invalid(e);
        }
        if (!(x.type.underlying() instanceof Pointer)) {
            error(e, "invalid operation: cannot indirect " + x.describe());
            return Operand.invalid(e);
        }
        return new Operand(Operand.Mode.VARIABLE, ((Pointer) x.type.underlying()).elem(), null, e);
    }

    private Operand unary(Expr.Unary e) {
        Op op = e.op();
        if (op == Op.AND) {
            Expr inner = unparen(e.x());
            Operand x = expr(e.x(), null);
            if (x.invalid()) {
                return x;
            }
            if (x.mode != Operand.Mode.VARIABLE && !(inner instanceof Expr.CompositeLit)) {
                error(e, "invalid operation: cannot take address of " + x.describe());
                return Operand.invalid(e);
            }
            return new Operand(Operand.Mode.VALUE, new Pointer(x.type), null, e);
        }
        Operand x = expr(e.x(), null);
        if (x.invalid()) {
            return x;
        }
        if (op == Op.RECV) {
            if (!(x.type.underlying() instanceof Chan)) {
                error(e, "invalid operation: cannot receive from non-channel " + x.describe());
                return Operand.invalid(e);
            }
            Chan c = (Chan) x.type.underlying();
            if (!c.canRecv()) {
                error(e, "invalid operation: cannot receive from send-only channel " + x.describe());
                return Operand.invalid(e);
            }
            return new Operand(Operand.Mode.COMMAOK, c.elem(), null, e);
        }
        boolean ok;
        switch (op) {
            case ADD: case SUB: ok = Types.isNumeric(x.type); break;
            case XOR: ok = Types.isInteger(x.type); break;
            case NOT: ok = Types.isBoolean(x.type); break;
            default: ok = false;
        }
        if (!ok) {
            error(e, "invalid operation: operator " + op.text() + " not defined on " + x.describe());
            return Operand.invalid(e);
        }
        if (x.isConst()) {
            Constant v = ConstOps.unary(op, x.val, (Basic) x.type.underlying());
            Operand r = new Operand(Operand.Mode.CONSTANT, x.type, v, e);
            return overflow(r);
        }
        return new Operand(Operand.Mode.VALUE, x.type, null, e);
    }

    static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren) {
            e = ((Expr.Paren) e).x();
        }
        return e;
    }

    /** Typed constants must stay representable after each operation; huge untyped ints are refused. */
    final Operand overflow(Operand x) {
        if (!x.isConst() || x.val == null) {
            return x;
        }
        if (!x.isUntyped() && x.type.underlying() instanceof Basic) {
            Representable.Result r = Representable.check(x.val, (Basic) x.type.underlying());
            if (!r.ok()) {
                representableError(x, (Basic) x.type.underlying(), r.failure(), x.type);
                return Operand.invalid(x.expr);
            }
            x.val = r.value();
        } else if (x.val.kind() == Constant.Kind.INT && x.val.toBigInteger().bitLength() > ConstOps.MAX_BITS) {
            error(x.expr, "constant " + opName(x.expr) + "overflow");
            return Operand.invalid(x.expr);
        }
        return x;
    }

    private static String opName(Expr e) {
        if (e instanceof Expr.Binary) {
            switch (((Expr.Binary) e).op()) {
                case ADD: return "addition ";
                case SUB: return "subtraction ";
                case MUL: return "multiplication ";
                case SHL: return "shift ";
                default: return "";
            }
        }
        return "";
    }

    /** "x (…) overflows T", "x (…) truncated to T", "cannot convert x (…) to type T". */
    final void representableError(Operand x, Basic b, Representable.Failure f, Type named) {
        switch (f) {
            case OVERFLOW:
                error(x.expr, x.describe() + " overflows " + named);
                break;
            case TRUNCATED:
                error(x.expr, x.describe() + " truncated to " + named);
                break;
            default:
                error(x.expr, "cannot convert " + x.describe() + " to type " + named);
        }
    }

    /** {@code x << y}, {@code x >> y}. */
    abstract Operand shift(Expr.Binary e);

    /** Arithmetic, logical and comparison operators. */
    abstract Operand binary(Expr.Binary e);
}
