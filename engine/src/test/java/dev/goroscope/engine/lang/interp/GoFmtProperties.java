package dev.goroscope.engine.lang.interp;

import static dev.goroscope.engine.lang.interp.FmtFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * GoFmt against rules stated independently of it: integers as Java prints them, floats that
 * read back exactly with no more digits than Java needs and in the shape Go's %v picks,
 * quoting that an unquoter undoes.
 */
class GoFmtProperties {
    private static String fmt(String format, Values.Iface... args) {
        return f(format, args).toString();
    }

    @Property
    void integersPrintAsJavaPrintsThem(@ForAll long v) {
        assertThat(fmt("%d", of(INT64, v))).isEqualTo(Long.toString(v));
        assertThat(fmt("%v", of(UINT64, v))).isEqualTo(Long.toUnsignedString(v));
        assertThat(fmt("%x", of(UINT64, v))).isEqualTo(Long.toHexString(v));
        assertThat(fmt("%o", of(UINT, v))).isEqualTo(Long.toOctalString(v));
        assertThat(fmt("%b", of(UINT64, v))).isEqualTo(Long.toBinaryString(v));
        assertThat(fmt("%x", of(INT64, v))).isEqualTo(BigInteger.valueOf(v).toString(16));
        for (String flags : new String[] {"%+d", "%08d", "%-12d|", "% d", "%12d", "%+012d"}) {
            assertThat(fmt(flags, of(INT64, v))).as(flags).isEqualTo(String.format(flags, v));
        }
    }

    /** Significant digits of a decimal numeral (Go's or Java's spelling). */
    private static int digits(String s) {
        return new BigDecimal(s.replace("E", "e")).stripTrailingZeros().precision();
    }

    @Property(tries = 2000)
    void float64ShortestReadsBackExactly(@ForAll double d) {
        Assume.that(Double.isFinite(d) && d != 0);
        String s = fmt("%v", d(d));
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(s))).as(s).isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(digits(s)).as(s).isLessThanOrEqualTo(digits(Double.toString(d)));
        BigDecimal b = new BigDecimal(s);
        int exp = b.precision() - b.scale() - 1;
        assertThat(s.contains("e")).as(s).isEqualTo(exp < -4 || exp >= 6);
    }

    @Property(tries = 2000)
    void float32ShortestReadsBackExactly(@ForAll float x) {
        Assume.that(Float.isFinite(x) && x != 0);
        String s = fmt("%v", f32(x));
        assertThat(Float.floatToRawIntBits(Float.parseFloat(s))).as(s).isEqualTo(Float.floatToRawIntBits(x));
        assertThat(digits(s)).as(s).isLessThanOrEqualTo(digits(Float.toString(x)));
    }

    @Property
    void fixedPrecisionIsTheExactValueRoundedHalfEven(@ForAll double d, @ForAll @IntRange(max = 30) int prec) {
        Assume.that(Double.isFinite(d) && Math.abs(d) < 1e30);
        String want = new BigDecimal(d).setScale(prec, java.math.RoundingMode.HALF_EVEN).toPlainString();
        if (Double.doubleToRawLongBits(d) < 0 && !want.startsWith("-")) {
            want = "-" + want; // Go keeps the sign of values that round to zero
        }
        assertThat(fmt("%." + prec + "f", d(d))).isEqualTo(want);
    }

    @Property
    void quotingIsUndoneByUnquoting(@ForAll byte[] bytes) {
        GoString s = GoString.wrap(bytes.clone());
        String q = GoQuote.quote(s).toString();
        assertThat(GoFmtGoldenTest.unquote(q)).isEqualTo(bytes);
        assertThat(q.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).isTrue();
    }

    @Property
    void durationsReadBackAsNanoseconds(@ForAll long nanos) {
        String s = GoFmt.formatDuration(nanos);
        assertThat(parseDuration(s)).as(s).isEqualTo(BigInteger.valueOf(nanos));
    }

    /** A small reader for what Duration.String writes: [-][Nh][Nm]N[.F]unit. */
    private static BigInteger parseDuration(String s) {
        boolean neg = s.startsWith("-");
        String r = neg ? s.substring(1) : s;
        BigDecimal total = BigDecimal.ZERO;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)(ms|µs|ns|h|m|s)").matcher(r);
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).isEqualTo(end);
            end = m.end();
            BigDecimal unit;
            switch (m.group(2)) {
                case "h": unit = BigDecimal.valueOf(3_600_000_000_000L); break;
                case "m": unit = BigDecimal.valueOf(60_000_000_000L); break;
                case "s": unit = BigDecimal.valueOf(1_000_000_000L); break;
                case "ms": unit = BigDecimal.valueOf(1_000_000L); break;
                case "µs": unit = BigDecimal.valueOf(1_000L); break;
                default: unit = BigDecimal.ONE; break;
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(unit));
        }
        assertThat(end).isEqualTo(r.length());
        BigInteger v = total.toBigIntegerExact();
        return neg ? v.negate() : v;
    }
}
