package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Constant;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact constant arithmetic (spec, "Constant expressions"). */
final class ConstOps {

    /** Untyped integer constants are limited like gc's (512 bits), to keep folding cheap. */
    static final int MAX_BITS = 512;

    private ConstOps() {
    }

    /** x op y for a non-shift, non-comparison operator; {@code intArith} for integer types. */
    static Constant binary(Op op, Constant x, Constant y, boolean intArith) {
        switch (x.kind()) {
            case BOOL:
                return op == Op.LAND ? Constant.of(x.boolValue() && y.boolValue())
                        : Constant.of(x.boolValue() || y.boolValue());
            case STRING:
                return Constant.of(x.stringValue() + y.stringValue());
            default:
                break;
        }
        if (intArith && x.isIntegral() && y.isIntegral()) {
            BigInteger a = x.toBigInteger();
            BigInteger b = y.toBigInteger();
            switch (op) {
                case ADD: return Constant.of(a.add(b));
                case SUB: return Constant.of(a.subtract(b));
                case MUL: return Constant.of(a.multiply(b));
                case QUO: return Constant.of(a.divide(b));
                case REM: return Constant.of(a.remainder(b));
                case AND: return Constant.of(a.and(b));
                case OR: return Constant.of(a.or(b));
                case XOR: return Constant.of(a.xor(b));
                case AND_NOT: return Constant.of(a.andNot(b));
                default: return null;
            }
        }
        BigDecimal a = x.toDecimal();
        BigDecimal b = y.toDecimal();
        switch (op) {
            case ADD: return Constant.of(a.add(b));
            case SUB: return Constant.of(a.subtract(b));
            case MUL: return Constant.of(a.multiply(b).round(Constant.PRECISION));
            case QUO: return Constant.of(a.divide(b, Constant.PRECISION));
            default: return null;
        }
    }

    static boolean compare(Op op, Constant x, Constant y) {
        int c;
        switch (x.kind()) {
            case BOOL:
                c = x.boolValue() == y.boolValue() ? 0 : 1;
                break;
            case STRING:
                c = compareBytes(x.stringValue(), y.stringValue());
                break;
            default:
                c = x.toDecimal().compareTo(y.toDecimal());
        }
        switch (op) {
            case EQL: return c == 0;
            case NEQ: return c != 0;
            case LSS: return c < 0;
            case LEQ: return c <= 0;
            case GTR: return c > 0;
            default: return c >= 0;
        }
    }

    /** Go compares strings bytewise (UTF-8); code point order is the same. */
    private static int compareBytes(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    static Constant shift(Op op, Constant x, int s) {
        BigInteger a = x.toBigInteger();
        return Constant.of(op == Op.SHL ? a.shiftLeft(s) : a.shiftRight(s));
    }

    /** -x, +x, !x, ^x; {@code t} is the operand's type (for ^ on unsigned). */
    static Constant unary(Op op, Constant x, Basic t) {
        switch (op) {
            case ADD: return x;
            case SUB: return x.kind() == Constant.Kind.INT ? Constant.of(x.toBigInteger().negate())
                    : Constant.of(x.toDecimal().negate());
            case NOT: return Constant.of(!x.boolValue());
            case XOR: {
                BigInteger a = x.toBigInteger();
                if (t.isUnsigned()) {
                    int bits = (int) dev.goroscope.engine.lang.types.Sizes.sizeof(t) * 8;
                    BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
                    return Constant.of(a.xor(mask));
                }
                return Constant.of(a.not());
            }
            default: return null;
        }
    }
}
