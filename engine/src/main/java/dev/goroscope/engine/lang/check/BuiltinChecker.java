package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.MapType;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import java.math.BigInteger;
import java.util.List;

/** Calls of the built-in functions (spec, "Built-in functions"). */
abstract class BuiltinChecker extends LiteralChecker {

    BuiltinChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    @Override
    final Operand builtin(Expr.Call e, Builtin b) {
        List<Expr> args = e.args();
        Builtin.Kind k = b.kind();
        if (e.hasEllipsis() && k != Builtin.Kind.APPEND) {
            error(e, "invalid operation: invalid use of ... with built-in " + b.name());
            useArgs(args);
            return Operand.invalid(e);
        }
        int min;
        int max;
        switch (k) {
            case RECOVER: min = 0; max = 0; break;
            case LEN: case CAP: case NEW: case CLOSE: case PANIC: case CLEAR: min = 1; max = 1; break;
            case COPY: case DELETE: min = 2; max = 2; break;
            case MAKE: min = 1; max = 3; break;
            case APPEND: case MIN: case MAX: min = 1; max = Integer.MAX_VALUE; break;
            default: min = 0; max = Integer.MAX_VALUE; break;
        }
        if (args.size() < min || args.size() > max) {
            String which = args.size() < min ? "not enough" : "too many";
            error(args.size() < min ? e.rparen() : args.get(max).pos(), "invalid operation: " + which
                    + " arguments for " + ExprStrings.of(e) + " (expected " + min + ", found " + args.size() + ")");
            useArgs(args);
            return Operand.invalid(e);
        }
        switch (k) {
            case LEN: case CAP: return lenCap(e, k);
            case MAKE: return make(e);
            case NEW: {
                Type t = typ(args.get(0));
                return Types.isInvalid(t) ? Operand.invalid(e) : value(new Pointer(t), e);
            }
            case APPEND: return append(e);
            case COPY: return copy(e);
            case DELETE: return delete(e);
            case CLOSE: return close(e);
            case PANIC: {
                Operand x = expr(args.get(0), null);
                assignment(x, Interface.ANY, "argument to panic");
                return new Operand(Operand.Mode.NOVALUE, Tuple.EMPTY, null, e);
            }
            case RECOVER: return value(Interface.ANY, e);
            case PRINT: case PRINTLN: {
                for (Expr a : args) {
                    Operand x = expr(a, null);
                    assignment(x, null, "argument to built-in " + b.name());
                }
                return new Operand(Operand.Mode.NOVALUE, Tuple.EMPTY, null, e);
            }
            case MIN: case MAX: return minMax(e, k);
            case CLEAR: {
                Operand x = expr(args.get(0), null);
                if (!x.invalid() && !(x.type.underlying() instanceof MapType) && !(x.type.underlying() instanceof Slice)) {
                    error(x.expr, "invalid argument: " + x.describe() + " must be a map or slice");
                }
                return new Operand(Operand.Mode.NOVALUE, Tuple.EMPTY, null, e);
            }
            default:
                return Operand.invalid(e);
        }
    }

    private static Operand value(Type t, Expr e) {
        return new Operand(Operand.Mode.VALUE, t, null, e);
    }

    private Operand lenCap(Expr.Call e, Builtin.Kind k) {
        Operand x = expr(e.args().get(0), null);
        if (x.invalid()) {
            return Operand.invalid(e);
        }
        Type u = x.type.underlying();
        Array arr = u instanceof Array ? (Array) u : Types.arrayBehindPointer(x.type);
        boolean ok;
        if (Types.isString(u)) {
            ok = k == Builtin.Kind.LEN;
            if (ok && x.isConst()) {
                if (x.isUntyped()) {
                    updateExprType(x.expr, Basic.STRING);
                }
                return new Operand(Operand.Mode.CONSTANT, Basic.INT, Constant.of(byteLen(x.val.stringValue())), e);
            }
        } else if (arr != null) {
            if (!hasCallOrRecv(e.args().get(0), 0)) {
                return new Operand(Operand.Mode.CONSTANT, Basic.INT, Constant.of(arr.len()), e);
            }
            ok = true;
        } else {
            ok = u instanceof Slice || u instanceof Chan || (u instanceof MapType && k == Builtin.Kind.LEN);
        }
        if (!ok) {
            error(x.expr, "invalid argument: " + x.describe() + " for built-in " + k.goName());
            return Operand.invalid(e);
        }
        return value(Basic.INT, e);
    }

    /** Whether an expression contains a (non-constant) call or a receive: then len(array) is not constant. */
    private boolean hasCallOrRecv(Expr e, int d) {
        if (d > MAX_DEPTH || e == null) {
            return false;
        }
        if (e instanceof Expr.Call) {
            Expr.Call c = (Expr.Call) e;
            if (info.isType(c.fun()) || info.valueOf(c) != null) {
                return hasCallOrRecv(c.args().isEmpty() ? null : c.args().get(0), d + 1);
            }
            return true;
        }
        if (e instanceof Expr.Unary) {
            return ((Expr.Unary) e).op() == dev.goroscope.engine.lang.ast.Op.RECV
                    || hasCallOrRecv(((Expr.Unary) e).x(), d + 1);
        }
        if (e instanceof Expr.Paren) {
            return hasCallOrRecv(((Expr.Paren) e).x(), d + 1);
        }
        if (e instanceof Expr.Selector) {
            return hasCallOrRecv(((Expr.Selector) e).x(), d + 1);
        }
        if (e instanceof Expr.Index) {
            return hasCallOrRecv(((Expr.Index) e).x(), d + 1) || hasCallOrRecv(((Expr.Index) e).index(), d + 1);
        }
        if (e instanceof Expr.Star) {
            return hasCallOrRecv(((Expr.Star) e).x(), d + 1);
        }
        if (e instanceof Expr.Binary) {
            return hasCallOrRecv(((Expr.Binary) e).x(), d + 1) || hasCallOrRecv(((Expr.Binary) e).y(), d + 1);
        }
        return e instanceof Expr.CompositeLit || e instanceof Expr.FuncLit;
    }

    private Operand make(Expr.Call e) {
        List<Expr> args = e.args();
        Type t = typ(args.get(0));
        if (Types.isInvalid(t)) {
            useArgs(args.subList(1, args.size()));
            return Operand.invalid(e);
        }
        Type u = t.underlying();
        int min;
        if (u instanceof Slice) {
            min = 2;
        } else if (u instanceof MapType || u instanceof Chan) {
            min = 1;
        } else {
            error(args.get(0), "invalid argument: cannot make " + ExprStrings.of(args.get(0)) + "; type must be slice, map, or channel");
            useArgs(args.subList(1, args.size()));
            return Operand.invalid(e);
        }
        int maxArgs = u instanceof Slice ? 3 : 2;
        if (args.size() < min || args.size() > maxArgs) {
            error(e, "invalid operation: " + ExprStrings.of(e) + " expects " + min + " or " + maxArgs
                    + " arguments; found " + args.size());
            useArgs(args.subList(1, args.size()));
            return Operand.invalid(e);
        }
        long[] sizes = new long[args.size()];
        for (int i = 1; i < args.size(); i++) {
            sizes[i] = sizeArg(args.get(i));
        }
        if (args.size() == 3 && sizes[1] >= 0 && sizes[2] >= 0 && sizes[1] > sizes[2]) {
            error(args.get(1), "invalid argument: length and capacity swapped");
        }
        return value(t, e);
    }

    private long sizeArg(Expr a) {
        Operand x = expr(a, null);
        if (x.invalid()) {
            return -1;
        }
        if (x.isConst() && x.isUntyped()) {
            if (!x.val.isNumeric() || !x.val.isIntegral()) {
                error(a, ExprStrings.of(a) + " (" + ((Basic) x.type).name() + " constant) truncated to int");
                return -1;
            }
            if (!convertUntyped(x, Basic.INT)) {
                return -1;
            }
        }
        if (!Types.isInteger(x.type)) {
            error(a, "cannot convert " + x.describe() + " to type int");
            return -1;
        }
        if (x.isConst()) {
            BigInteger v = x.val.toBigInteger();
            if (v.signum() < 0) {
                error(a, "invalid argument: index " + x.describe() + " must not be negative");
                return -1;
            }
            return v.bitLength() > 62 ? Long.MAX_VALUE : v.longValue();
        }
        return -1;
    }

    private Operand append(Expr.Call e) {
        List<Expr> args = e.args();
        Operand s = expr(args.get(0), null);
        if (s.invalid()) {
            useArgs(args.subList(1, args.size()));
            return Operand.invalid(e);
        }
        if (s.isNil()) {
            error(s.expr, "first argument to append must be a typed slice; found untyped nil");
            useArgs(args.subList(1, args.size()));
            return Operand.invalid(e);
        }
        if (!(s.type.underlying() instanceof Slice)) {
            error(s.expr, "invalid argument: " + s.describe() + " is not a slice");
            useArgs(args.subList(1, args.size()));
            return Operand.invalid(e);
        }
        Type elem = ((Slice) s.type.underlying()).elem();
        if (e.hasEllipsis()) {
            if (args.size() != 2) {
                error(e, "can only use ... with final argument in list");
                useArgs(args.subList(1, args.size()));
                return Operand.invalid(e);
            }
            Operand x = expr(args.get(1), null);
            if (x.invalid()) {
                return value(s.type, e);
            }
            if (Types.isByteOrRuneSlice(s.type) && ((Basic) elem.underlying()).kind() == Basic.Kind.UINT8
                    && Types.isString(x.type)) {
                if (x.isUntyped()) {
                    convertUntyped(x, Basic.STRING);
                }
                return value(s.type, e);
            }
            assignment(x, new Slice(elem), "argument to append");
            return value(s.type, e);
        }
        for (int i = 1; i < args.size(); i++) {
            Operand x = expr(args.get(i), elem);
            assignment(x, elem, "argument to append");
        }
        return value(s.type, e);
    }

    private Operand copy(Expr.Call e) {
        Operand dst = expr(e.args().get(0), null);
        Operand src = expr(e.args().get(1), null);
        if (dst.invalid() || src.invalid()) {
            return Operand.invalid(e);
        }
        if (!(dst.type.underlying() instanceof Slice)) {
            error(dst.expr, "invalid argument: copy expects slice arguments; found " + dst.describe() + " and "
                    + src.describe());
            return Operand.invalid(e);
        }
        Type de = ((Slice) dst.type.underlying()).elem();
        boolean ok;
        if (Types.isString(src.type)) {
            ok = Types.isByteOrRuneSlice(dst.type) && ((Basic) de.underlying()).kind() == Basic.Kind.UINT8;
            if (ok && src.isUntyped()) {
                convertUntyped(src, Basic.STRING);
            }
        } else {
            ok = src.type.underlying() instanceof Slice && Types.identical(((Slice) src.type.underlying()).elem(), de);
        }
        if (!ok) {
            error(dst.expr, "invalid argument: arguments to copy " + dst.describe() + " and " + src.describe()
                    + " have different element types");
            return Operand.invalid(e);
        }
        return value(Basic.INT, e);
    }

    private Operand delete(Expr.Call e) {
        Operand m = expr(e.args().get(0), null);
        Operand k = expr(e.args().get(1), null);
        if (m.invalid() || k.invalid()) {
            return Operand.invalid(e);
        }
        if (!(m.type.underlying() instanceof MapType)) {
            error(m.expr, "invalid argument: " + m.describe() + " is not a map");
            return Operand.invalid(e);
        }
        assignment(k, ((MapType) m.type.underlying()).key(), "argument to delete");
        return new Operand(Operand.Mode.NOVALUE, Tuple.EMPTY, null, e);
    }

    private Operand close(Expr.Call e) {
        Operand c = expr(e.args().get(0), null);
        if (c.invalid()) {
            return Operand.invalid(e);
        }
        if (!(c.type.underlying() instanceof Chan)) {
            error(c.expr, "invalid operation: cannot close non-channel " + c.describe());
            return Operand.invalid(e);
        }
        if (!((Chan) c.type.underlying()).canSend()) {
            error(c.expr, "invalid operation: cannot close receive-only channel " + c.describe());
            return Operand.invalid(e);
        }
        return new Operand(Operand.Mode.NOVALUE, Tuple.EMPTY, null, e);
    }

    private Operand minMax(Expr.Call e, Builtin.Kind k) {
        Operand acc = null;
        for (Expr a : e.args()) {
            Operand x = expr(a, null);
            if (x.invalid()) {
                return Operand.invalid(e);
            }
            if (!Types.isOrdered(x.type)) {
                error(a, "invalid argument: " + x.describe() + " cannot be ordered");
                return Operand.invalid(e);
            }
            if (acc == null) {
                acc = x;
                continue;
            }
            if (acc.isUntyped() && !x.isUntyped()) {
                if (!convertUntyped(acc, x.type)) {
                    return Operand.invalid(e);
                }
            } else if (x.isUntyped() && !acc.isUntyped()) {
                if (!convertUntyped(x, acc.type)) {
                    return Operand.invalid(e);
                }
            }
            if (!Types.identical(acc.type, x.type) && !(acc.isUntyped() && x.isUntyped())) {
                error(a, "invalid argument: mismatched types " + acc.type + " (previous argument) and " + x.type
                        + " (type of " + ExprStrings.of(a) + ")");
                return Operand.invalid(e);
            }
            if (acc.isConst() && x.isConst()) {
                boolean less = ConstOps.compare(dev.goroscope.engine.lang.ast.Op.LSS, x.val, acc.val);
                boolean take = k == Builtin.Kind.MIN ? less
                        : ConstOps.compare(dev.goroscope.engine.lang.ast.Op.GTR, x.val, acc.val);
                Type t = acc.isUntyped() && x.isUntyped() && Types.isFloat(x.type) ? x.type : acc.type;
                acc = new Operand(Operand.Mode.CONSTANT, t, take ? x.val : acc.val, e);
            } else {
                acc = new Operand(Operand.Mode.VALUE, acc.isUntyped() ? x.type : acc.type, null, e);
            }
        }
        Operand r = new Operand(acc.mode, acc.type, acc.val, e);
        if (r.mode != Operand.Mode.CONSTANT && r.isUntyped()) {
            r.type = Types.defaultType(r.type);
        }
        return r;
    }
}
