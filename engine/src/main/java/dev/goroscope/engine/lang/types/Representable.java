package dev.goroscope.engine.lang.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Spec, "Representability": whether a constant value fits a basic type, and the value it
 * becomes there (integers stay exact; floats are rounded to float32/float64).
 */
public final class Representable {

    private Representable() {
    }

    /** What went wrong, when it did. */
    public enum Failure { NONE, OVERFLOW, TRUNCATED, MISMATCH }

    /** The outcome: the converted value, or a failure. */
    public record Result(Constant value, Failure failure) {
        public boolean ok() {
            return failure == Failure.NONE;
        }
    }

    private static final BigDecimal MAX_F64 = new BigDecimal(Double.MAX_VALUE);
    private static final BigDecimal MAX_F32 = new BigDecimal(Float.MAX_VALUE);

    /** Converts {@code v} to basic type {@code t} if representable. */
    public static Result check(Constant v, Basic t) {
        Basic.Kind k = t.kind();
        if (t.isBoolean()) {
            return v.kind() == Constant.Kind.BOOL ? ok(v) : fail(Failure.MISMATCH);
        }
        if (t.isString()) {
            return v.kind() == Constant.Kind.STRING ? ok(v) : fail(Failure.MISMATCH);
        }
        if (!v.isNumeric()) {
            return fail(Failure.MISMATCH);
        }
        if (t.isInteger()) {
            if (!v.isIntegral()) {
                return fail(Failure.TRUNCATED);
            }
            BigInteger i = v.toBigInteger();
            if (k == Basic.Kind.UNTYPED_INT || k == Basic.Kind.UNTYPED_RUNE) {
                return ok(Constant.of(i));
            }
            return fits(i, k) ? ok(Constant.of(i)) : fail(Failure.OVERFLOW);
        }
        if (t.isFloat()) {
            BigDecimal d = v.toDecimal();
            if (k == Basic.Kind.UNTYPED_FLOAT) {
                return ok(Constant.of(d));
            }
            if (k == Basic.Kind.FLOAT32) {
                float f = d.floatValue();
                if (Float.isInfinite(f) || d.abs().compareTo(MAX_F32) > 0 && Float.isInfinite(f)) {
                    return fail(Failure.OVERFLOW);
                }
                return ok(Constant.of(new BigDecimal(f)));
            }
            double x = d.doubleValue();
            if (Double.isInfinite(x) || d.abs().compareTo(MAX_F64.multiply(BigDecimal.valueOf(2))) > 0) {
                return fail(Failure.OVERFLOW);
            }
            return ok(Constant.of(new BigDecimal(x)));
        }
        return fail(Failure.MISMATCH);
    }

    private static Result ok(Constant v) {
        return new Result(v, Failure.NONE);
    }

    private static Result fail(Failure f) {
        return new Result(null, f);
    }

    /** Whether integer {@code i} fits integer kind {@code k} (int and uint are 64-bit). */
    public static boolean fits(BigInteger i, Basic.Kind k) {
        int bits;
        boolean unsigned;
        switch (k) {
            case INT8: bits = 8; unsigned = false; break;
            case INT16: bits = 16; unsigned = false; break;
            case INT32: bits = 32; unsigned = false; break;
            case INT: case INT64: bits = 64; unsigned = false; break;
            case UINT8: bits = 8; unsigned = true; break;
            case UINT16: bits = 16; unsigned = true; break;
            case UINT32: bits = 32; unsigned = true; break;
            case UINT: case UINT64: case UINTPTR: bits = 64; unsigned = true; break;
            default: return true;
        }
        if (unsigned) {
            return i.signum() >= 0 && i.bitLength() <= bits;
        }
        return i.bitLength() <= bits - 1;
    }
}
