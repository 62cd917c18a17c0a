package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;

/**
 * Binary operators (spec, "Arithmetic operators", "Comparison operators", shifts): implicit
 * typing of untyped operands against each other, operator applicability, exact folding.
 */
abstract class OperatorChecker extends ExprChecker {

    OperatorChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    // ---- binary ------------------------------------------------------------------------

    @Override
    final Operand shift(Expr.Binary e) {
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

    @Override
    final Operand binary(Expr.Binary e) {
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
        boxForComparison(x, y);
        boxForComparison(y, x);
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

    /** Comparing a concrete value with an interface compares it boxed: the compiler must convert it. */
    private void boxForComparison(Operand x, Operand iface) {
        if (Types.isInterface(iface.type) && !Types.isInterface(x.type) && !x.isNil() && !Types.isUntyped(x.type)) {
            info.implicits.put(x.expr, iface.type);
        }
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
