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
 * {@link CallChecker}; conversions and assignability in {@link AssignChecker}.
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

    // ---- binary ------------------------------------------------------------------------

    private Operand shift(Expr.Binary e) {
        Operand x = expr(e.x(), null);
        Operand y = expr(e.y(), null);
        if (x.invalid() || y.invalid()) {
            return Operand.invalid(e);
        }
        if (x.isConst() && x.isUntyped()) {
            if (!x.val.isNumeric() || !x.val.isIntegral()) {
                error(x.expr, "invalid operation: shifted operand " + x.describe() + " must be integer");
                return Operand.invalid(e);
            }
            if (Types.isFloat(x.type)) {
                x.type = Basic.UNTYPED_INT;
                x.val = x.val.asInt();
                record(x);
            }
        } else if (!Types.isInteger(x.type)) {
            error(x.expr, "invalid operation: shifted operand " + x.describe() + " must be integer");
            return Operand.invalid(e);
        }
        long count = -1;
        if (y.isConst()) {
            if (!y.val.isNumeric() || !y.val.isIntegral()) {
                error(y.expr, "invalid operation: shift count " + y.describe() + " must be integer");
                return Operand.invalid(e);
            }
            if (y.val.toBigInteger().signum() < 0) {
                error(y.expr, "invalid operation: negative shift count " + y.describe());
                return Operand.invalid(e);
            }
            if (y.isUntyped()) {
                convertUntyped(y, Basic.UINT);
            }
            count = y.val.toBigInteger().bitLength() > 31 ? Integer.MAX_VALUE : y.val.toBigInteger().intValue();
        } else if (!Types.isInteger(y.type)) {
            error(y.expr, "invalid operation: shift count " + y.describe() + " must be integer");
            return Operand.invalid(e);
        } else if (y.isUntyped()) {
            convertUntyped(y, Basic.UINT);
        }
        if (x.isConst()) {
            if (y.isConst()) {
                if (count > ConstOps.MAX_BITS * 2L) {
                    error(y.expr, "invalid shift count " + y.describe());
                    return Operand.invalid(e);
                }
                Constant v = ConstOps.shift(e.op(), x.val, (int) count);
                return overflow(new Operand(Operand.Mode.CONSTANT, x.type, v, e));
            }
            if (x.isUntyped()) {
                // A non-constant shift of an untyped constant takes its type from the context.
                markShiftOperand(x.expr, x.type);
                Operand r = new Operand(Operand.Mode.VALUE, x.type, null, e);
                return r;
            }
        }
        return new Operand(Operand.Mode.VALUE, x.type, null, e);
    }

    private Operand binary(Expr.Binary e) {
        Operand x = expr(e.x(), null);
        Operand y = expr(e.y(), null);
        if (x.invalid() || y.invalid()) {
            return Operand.invalid(e);
        }
        Op op = e.op();
        boolean xNil = x.isNil();
        boolean yNil = y.isNil();
        if (!matchTypes(x, y, e)) {
            return Operand.invalid(e);
        }
        if (isComparison(op)) {
            return comparison(x, y, xNil, yNil, e);
        }
        if (!Types.identical(x.type, y.type) && !Types.isInvalid(x.type) && !Types.isInvalid(y.type)) {
            error(x.expr, "invalid operation: " + ExprStrings.of(e) + " (mismatched types " + x.type + " and "
                    + y.type + ")");
            return Operand.invalid(e);
        }
        if (!opDefined(op, x.type)) {
            error(x.expr, "invalid operation: operator " + op.text() + " not defined on " + x.describe());
            return Operand.invalid(e);
        }
        if ((op == Op.QUO || op == Op.REM) && y.isConst() && y.val.isNumeric()
                && y.val.toDecimal().signum() == 0 && (x.isConst() || Types.isInteger(x.type))) {
            error(y.expr, "invalid operation: division by zero");
            return Operand.invalid(e);
        }
        if (x.isConst() && y.isConst()) {
            boolean intArith = Types.isInteger(x.type);
            Constant v = ConstOps.binary(op, x.val, y.val, intArith);
            if (v == null) {
                return Operand.invalid(e);
            }
            return overflow(new Operand(Operand.Mode.CONSTANT, x.type, v, e));
        }
        return new Operand(Operand.Mode.VALUE, x.type, null, e);
    }

    static boolean opDefined(Op op, Type t) {
        switch (op) {
            case ADD: return Types.isNumeric(t) || Types.isString(t);
            case SUB: case MUL: case QUO: return Types.isNumeric(t);
            case REM: case AND: case OR: case XOR: case AND_NOT: return Types.isInteger(t);
            case LAND: case LOR: return Types.isBoolean(t);
            default: return false;
        }
    }

    /**
     * Converts an untyped operand to the other operand's type (or both untyped ones to the
     * larger kind), reporting mismatched types. False after an error.
     */
    private boolean matchTypes(Operand x, Operand y, Expr.Binary e) {
        boolean xu = x.isUntyped();
        boolean yu = y.isUntyped();
        if (xu == yu && !xu) {
            return true;
        }
        if (!mayConvert(x, y)) {
            error(x.expr, "invalid operation: " + ExprStrings.of(e) + " (mismatched types " + x.type + " and "
                    + y.type + ")");
            return false;
        }
        if (xu && yu) {
            if (x.isNil() || y.isNil()) {
                return true;
            }
            if (Types.isNumeric(x.type) && Types.isNumeric(y.type)) {
                Type t = rank(x.type) >= rank(y.type) ? x.type : y.type;
                return convertUntyped(x, t) && convertUntyped(y, t);
            }
            return true;
        }
        if (xu) {
            return convertOperand(x, y.type);
        }
        return convertOperand(y, x.type);
    }

    private boolean convertOperand(Operand x, Type t) {
        if (x.isNil() && !Types.hasNil(t)) {
            return convertUntyped(x, t);
        }
        return convertUntyped(x, t);
    }

    private static int rank(Type t) {
        switch (((Basic) t).kind()) {
            case UNTYPED_INT: return 1;
            case UNTYPED_RUNE: return 2;
            case UNTYPED_FLOAT: return 3;
            default: return 0;
        }
    }

    /** go/types' mayConvert: whether an implicit conversion between the operands is plausible. */
    private static boolean mayConvert(Operand x, Operand y) {
        if (x.isUntyped() && y.isUntyped()) {
            if (x.isNil() || y.isNil()) {
                return x.isNil() && y.isNil();
            }
            if (Types.isBoolean(x.type) != Types.isBoolean(y.type)) {
                return false;
            }
            if (Types.isString(x.type) != Types.isString(y.type)) {
                return false;
            }
            return true;
        }
        Operand u = x.isUntyped() ? x : y;
        Operand t = x.isUntyped() ? y : x;
        if (u.isNil()) {
            return Types.hasNil(t.type);
        }
        if (Types.isInterface(t.type)) {
            return true;
        }
        if (Types.isBoolean(u.type)) {
            return Types.isBoolean(t.type);
        }
        if (Types.isString(u.type)) {
            return Types.isString(t.type);
        }
        return Types.isNumeric(t.type);
    }

    private Operand comparison(Operand x, Operand y, boolean xNil, boolean yNil, Expr.Binary e) {
        Op op = e.op();
        String cause = null;
        Operand errOp = x;
        boolean eq = op == Op.EQL || op == Op.NEQ;
        if (xNil || yNil) {
            Operand other = xNil ? y : x;
            if (xNil && yNil) {
                cause = "operator " + op.text() + " not defined on nil";
            } else if (!eq) {
                cause = "operator " + op.text() + " not defined on nil";
            } else if (!Types.hasNil(other.type)) {
                cause = "mismatched types " + x.type + " and " + y.type;
            }
        } else if (Types.assignable(x.type, y.type) || Types.assignable(y.type, x.type)) {
            if (eq) {
                if (!Types.comparable(x.type)) {
                    cause = incomparableCause(x.type);
                } else if (!Types.comparable(y.type)) {
                    errOp = y;
                    cause = incomparableCause(y.type);
                }
            } else if (!Types.isOrdered(x.type)) {
                cause = "operator " + op.text() + " not defined on " + x.describe();
            } else if (!Types.isOrdered(y.type)) {
                cause = "operator " + op.text() + " not defined on " + y.describe();
            }
        } else {
            cause = "mismatched types " + x.type + " and " + y.type;
        }
        if (cause != null) {
            error(errOp.expr, "invalid operation: " + ExprStrings.of(e) + " (" + cause + ")");
            return Operand.invalid(e);
        }
        if (x.isConst() && y.isConst()) {
            Constant v = Constant.of(ConstOps.compare(op, x.val, y.val));
            finalizeComparisonOperand(x);
            finalizeComparisonOperand(y);
            return new Operand(Operand.Mode.CONSTANT, Basic.UNTYPED_BOOL, v, e);
        }
        finalizeComparisonOperand(x);
        finalizeComparisonOperand(y);
        return new Operand(Operand.Mode.VALUE, Basic.UNTYPED_BOOL, null, e);
    }

    private void finalizeComparisonOperand(Operand x) {
        if (x.isUntyped() && !x.isNil()) {
            updateExprType(x.expr, Types.defaultType(x.type));
        }
    }

    private static String incomparableCause(Type t) {
        Type u = t.underlying();
        if (u instanceof dev.goroscope.engine.lang.types.Slice) {
            return "slice can only be compared to nil";
        }
        if (u instanceof dev.goroscope.engine.lang.types.MapType) {
            return "map can only be compared to nil";
        }
        if (u instanceof dev.goroscope.engine.lang.types.Signature) {
            return "func can only be compared to nil";
        }
        return "struct containing " + firstIncomparable(u, 0) + " cannot be compared";
    }

    private static String firstIncomparable(Type u, int d) {
        if (d < 50 && u instanceof dev.goroscope.engine.lang.types.Struct) {
            for (Var f : ((dev.goroscope.engine.lang.types.Struct) u).fields()) {
                if (!Types.comparable(f.type())) {
                    Type fu = f.type().underlying();
                    if (fu instanceof dev.goroscope.engine.lang.types.Struct || fu instanceof dev.goroscope.engine.lang.types.Array) {
                        return firstIncomparable(fu, d + 1);
                    }
                    return f.type().toString();
                }
            }
        }
        if (d < 50 && u instanceof dev.goroscope.engine.lang.types.Array) {
            Type e = ((dev.goroscope.engine.lang.types.Array) u).elem();
            return Types.comparable(e) ? u.toString() : firstIncomparable(e.underlying(), d + 1);
        }
        return u.toString();
    }
}
