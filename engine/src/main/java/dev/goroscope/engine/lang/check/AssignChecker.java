package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Lookup;
import dev.goroscope.engine.lang.types.Representable;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;

/**
 * Implicit typing of untyped values, assignability with gc's messages, and explicit
 * conversions (spec, "Assignability", "Representability", "Conversions").
 */
abstract class AssignChecker extends OperatorChecker {

    AssignChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** Why an untyped value cannot take a type. */
    private enum Fail { NONE, MISMATCH, OVERFLOW, TRUNCATED }

    /**
     * Converts untyped x to t (untyped targets merge kinds); reports failures in the
     * binary-operation style ({@code 300 (untyped int constant) overflows byte}).
     */
    @Override
    final boolean convertUntyped(Operand x, Type t) {
        Fail f = implicitType(x, t);
        if (f == Fail.NONE) {
            return true;
        }
        if (f == Fail.OVERFLOW) {
            error(x.expr, x.describe() + " overflows " + t);
        } else if (f == Fail.TRUNCATED) {
            error(x.expr, x.describe() + " truncated to " + t);
        } else if (x.isNil()) {
            error(x.expr, "cannot convert nil to type " + t);
        } else {
            error(x.expr, "cannot convert " + x.describe() + " to type " + t);
        }
        x.mode = Operand.Mode.INVALID;
        return false;
    }

    private Fail implicitType(Operand x, Type t) {
        if (!x.isUntyped() || Types.isInvalid(t) || x.invalid()) {
            return Fail.NONE;
        }
        Type target = t;
        Type u = t.underlying();
        if (Types.isUntyped(t)) {
            if (x.isNil() != (((Basic) t).kind() == Basic.Kind.UNTYPED_NIL)) {
                return Fail.MISMATCH;
            }
        } else if (u instanceof Basic) {
            Basic b = (Basic) u;
            if (x.isNil()) {
                return Fail.MISMATCH;
            }
            if (x.isConst()) {
                Representable.Result r = Representable.check(x.val, b);
                if (!r.ok()) {
                    if (r.failure() == Representable.Failure.MISMATCH) {
                        return Fail.MISMATCH;
                    }
                    return r.failure() == Representable.Failure.OVERFLOW ? Fail.OVERFLOW : Fail.TRUNCATED;
                }
                x.val = r.value();
            } else if (Types.isBoolean(x.type) != b.isBoolean()
                    || (Types.isNumeric(x.type) && !b.isNumeric())) {
                return Fail.MISMATCH;
            }
        } else if (u instanceof Interface) {
            if (!x.isNil()) {
                target = Types.defaultType(x.type);
                if (x.isConst()) {
                    x.val = Representable.check(x.val, (Basic) target).value();
                }
            }
        } else if (!x.isNil() || !Types.hasNil(t)) {
            return Fail.MISMATCH;
        }
        updateExprType(x.expr, target);
        x.type = target;
        return Fail.NONE;
    }

    /**
     * Checks that x can be assigned to a variable of type t (null: infer, giving untyped
     * values their default type); {@code context} completes "cannot use x as T value in ...".
     * Records implicit conversions to interfaces. False after an error (x is then invalid).
     */
    final boolean assignment(Operand x, Type t, String context) {
        if (x.invalid()) {
            return false;
        }
        if (x.isUntyped()) {
            Type target = t;
            if (t == null || (Types.isInterface(t) && !x.isNil())) {
                if (x.isNil()) {
                    if (t == null) {
                        error(x.expr, "use of untyped nil in " + context);
                        x.mode = Operand.Mode.INVALID;
                        return false;
                    }
                } else {
                    target = Types.defaultType(x.type);
                }
            }
            Fail f = implicitType(x, target);
            if (f != Fail.NONE) {
                String base = "cannot use " + x.describe() + " as " + target + " value in " + context;
                if (f == Fail.OVERFLOW) {
                    base += " (overflows)";
                } else if (f == Fail.TRUNCATED) {
                    base += " (truncated)";
                }
                error(x.expr, base);
                x.mode = Operand.Mode.INVALID;
                return false;
            }
        }
        if (t == null || Types.isInvalid(t) || Types.isInvalid(x.type)) {
            return true;
        }
        if (!Types.assignable(x.type, t)) {
            // gc 1.19 words it "as type T in ...", the reason on a line of its own; 1.20 on, "as T value".
            boolean v120 = version.atLeast(20);
            String msg = "cannot use " + x.describe() + (v120 ? " as " + t + " value in " : " as type " + t + " in ")
                    + context;
            if (t.underlying() instanceof Interface) {
                Lookup.Missing m = Lookup.missingMethod(x.type, (Interface) t.underlying());
                if (m != null) {
                    msg += (v120 ? ": " : ":\n\t") + missingReason(x.type, t, m);
                }
            }
            error(x.expr, msg);
            x.mode = Operand.Mode.INVALID;
            return false;
        }
        if (Types.isInterface(t) && !x.isNil() && !Types.identical(x.type, t)) {
            info.implicits.put(x.expr, t);
        }
        if (x.isNil()) {
            info.types.put(x.expr, t);
        }
        return true;
    }

    /** T(x): an explicit conversion. */
    final Operand conversion(Operand x, Type t, Expr.Call call) {
        Operand r = new Operand(Operand.Mode.VALUE, t, null, call);
        if (x.invalid() || Types.isInvalid(t)) {
            return Operand.invalid(call);
        }
        boolean constArg = x.isConst();
        if (constArg && Types.isConstType(t)) {
            Basic b = (Basic) t.underlying();
            Constant v = null;
            if (b.isString() && x.val.isNumeric() && Types.isInteger(x.type)) {
                v = Constant.of(runeString(x.val));
            } else {
                Representable.Result res = Representable.check(x.val, b);
                if (res.ok()) {
                    v = res.value();
                } else if (Types.isInteger(x.type) && b.isInteger() && version.atLeast(22)) {
                    error(x.expr, "constant " + x.val + " overflows " + t);
                    return Operand.invalid(call);
                } else {
                    String why = res.failure() == Representable.Failure.TRUNCATED && version.atLeast(20)
                            ? " (truncated)" : "";
                    error(x.expr, "cannot convert " + x.describe() + " to type " + t + why);
                    return Operand.invalid(call);
                }
            }
            if (x.isUntyped()) {
                updateExprType(x.expr, Types.isString(t) && !Types.isString(x.type) ? Types.defaultType(x.type) : t);
            }
            r.mode = Operand.Mode.CONSTANT;
            r.val = v;
            return r;
        }
        if (x.isUntyped()) {
            Type target = x.isNil() ? t : Types.defaultType(x.type);
            if (x.isNil() && !Types.hasNil(t)) {
                error(x.expr, "cannot convert nil to type " + t);
                return Operand.invalid(call);
            }
            if (!x.isNil() && !Types.convertible(target, t)) {
                error(x.expr, "cannot convert " + x.describe() + " to type " + t);
                return Operand.invalid(call);
            }
            updateExprType(x.expr, target);
            if (x.isNil()) {
                info.types.put(x.expr, t);
            }
            return r;
        }
        boolean ok = Types.convertible(x.type, t);
        if (ok && !version.atLeast(20) && x.type.underlying() instanceof Slice && t.underlying() instanceof Array) {
            ok = false;
        }
        if (!ok) {
            error(x.expr, "cannot convert " + x.describe() + " to type " + t);
            return Operand.invalid(call);
        }
        return r;
    }

    /** string(rune): the UTF-8 of a code point, or U+FFFD when it is not one. */
    private static String runeString(Constant v) {
        java.math.BigInteger i = v.toBigInteger();
        if (i.signum() < 0 || i.bitLength() > 31) {
            return "\uFFFD";
        }
        int cp = i.intValue();
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(cp));
    }
}
