package dev.goroscope.engine.lang.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact constant value (spec, "Constants"): a {@link Boolean}, a {@link String}, an integer
 * ({@link BigInteger}) or a float ({@link BigDecimal}, rounded only by division at
 * {@link #PRECISION}). Integer-valued floats stay floats: {@code 2.0} is an untyped float
 * constant even though it is representable as an int.
 */
public final class Constant {

    /** Significant digits kept by float division (far more than float64's 17). */
    public static final MathContext PRECISION = new MathContext(120, RoundingMode.HALF_EVEN);

    /** The value kinds. */
    public enum Kind { BOOL, STRING, INT, FLOAT }

    private final Object value;

    private Constant(Object value) {
        this.value = value;
    }

    public static Constant of(boolean b) {
        return new Constant(b);
    }

    public static Constant of(String s) {
        return new Constant(s);
    }

    public static Constant of(BigInteger i) {
        return new Constant(i);
    }

    public static Constant of(long i) {
        return new Constant(BigInteger.valueOf(i));
    }

    public static Constant of(BigDecimal f) {
        return new Constant(f);
    }

    public Kind kind() {
        if (value instanceof Boolean) {
            return Kind.BOOL;
        }
        if (value instanceof String) {
            return Kind.STRING;
        }
        return value instanceof BigInteger ? Kind.INT : Kind.FLOAT;
    }

    /** The raw value: Boolean, String, BigInteger or BigDecimal. */
    public Object value() {
        return value;
    }

    public boolean boolValue() {
        return (Boolean) value;
    }

    public String stringValue() {
        return (String) value;
    }

    public boolean isNumeric() {
        return value instanceof BigInteger || value instanceof BigDecimal;
    }

    /** The value as a decimal (ints and floats). */
    public BigDecimal toDecimal() {
        return value instanceof BigInteger ? new BigDecimal((BigInteger) value) : (BigDecimal) value;
    }

    /** Whether a numeric value has no fractional part. */
    public boolean isIntegral() {
        if (value instanceof BigInteger) {
            return true;
        }
        BigDecimal d = (BigDecimal) value;
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** The exact integer value of an integral number; call {@link #isIntegral()} first. */
    public BigInteger toBigInteger() {
        return value instanceof BigInteger ? (BigInteger) value : ((BigDecimal) value).toBigIntegerExact();
    }

    /** The value as a Java long (wrapping), for compilers: ints, runes, integral floats. */
    public long longValue() {
        return value instanceof BigInteger ? ((BigInteger) value).longValue() : toDecimal().longValue();
    }

    public double doubleValue() {
        return toDecimal().doubleValue();
    }

    /** This numeric value as an integer constant (must be integral). */
    public Constant asInt() {
        return value instanceof BigInteger ? this : of(toBigInteger());
    }

    /** This numeric value as a float constant. */
    public Constant asFloat() {
        return value instanceof BigDecimal ? this : of(toDecimal());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Constant)) {
            return false;
        }
        Constant c = (Constant) o;
        if (isNumeric() && c.isNumeric()) {
            return toDecimal().compareTo(c.toDecimal()) == 0;
        }
        return value.equals(c.value);
    }

    @Override
    public int hashCode() {
        return isNumeric() ? toDecimal().stripTrailingZeros().hashCode() : value.hashCode();
    }

    /** As {@code go/constant} prints values in messages: {@code 300}, {@code "s"}, {@code 1e+100}. */
    @Override
    public String toString() {
        if (value instanceof String) {
            return quote((String) value);
        }
        if (value instanceof BigDecimal) {
            return formatFloat((BigDecimal) value);
        }
        return value.toString();
    }

    /** Like C's {@code %.6g}, which {@code go/constant} uses for floats. */
    static String formatFloat(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal r = d.round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= 6) {
            BigDecimal mant = r.movePointLeft(exp).stripTrailingZeros();
            String m = mant.scale() <= 0 ? mant.toBigInteger().toString() : mant.toPlainString();
            String e = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : Integer.toString(Math.abs(exp));
            return m + "e" + (exp < 0 ? "-" : "+") + e;
        }
        return r.scale() <= 0 ? r.toBigInteger().toString() : r.toPlainString();
    }

    /** Go's {@code strconv.Quote} for the printable subset; escapes the rest. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
            }
        });
        return sb.append('"').toString();
    }
}
