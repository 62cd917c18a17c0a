package dev.goroscope.engine.lang.interp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code strconv.FormatFloat}: the decimal formats ({@code 'e' 'E' 'f' 'g' 'G'}) over exact
 * decimal expansions; {@code 'b' 'x' 'X'} are in {@link BinaryFloat}.
 *
 * <p>Every double (and float) is a finite binary fraction, so {@link BigDecimal} holds it
 * exactly; rounding that exact value half-to-even to n digits is what Go does for an
 * explicit precision. For the shortest form (precision -1) we want the fewest digits that
 * still read back as the same float: the candidates must fall strictly inside the interval
 * of reals that round to it (its bounds are the midpoints to the neighbouring floats, and the
 * bounds themselves count when the mantissa is even, since round-half-even then lands on
 * it). Among the shortest candidates the one nearest the exact value wins. {@code bits}
 * (32 or 64) says which neighbours define that interval: a float32 prints as
 * {@code 0.1}, not {@code 0.10000000149011612}.
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** Decimal digits {@code 0.ds x 10^dp}; no trailing zeros; empty for zero. */
    private record Digits(String ds, int dp) {
        int nd() {
            return ds.length();
        }

        char at(int i) {
            return ds.charAt(i);
        }

        static Digits of(BigDecimal x) {
            if (x.signum() == 0) {
                return new Digits("", 0);
            }
            String u = x.unscaledValue().toString();
            int dp = u.length() - x.scale();
            int end = u.length();
            while (end > 1 && u.charAt(end - 1) == '0') {
                end--;
            }
            return new Digits(u.substring(0, end), dp);
        }
    }

    /** {@code strconv.FormatFloat(v, fmt, prec, bits)}. */
    public static String format(double v, char fmt, int prec, int bits) {
        if (bits == 32) {
            v = (float) v;
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = Double.doubleToRawLongBits(v) < 0;
        double a = Math.abs(v);
        if (fmt == 'b' || fmt == 'x' || fmt == 'X') {
            return BinaryFloat.format(neg, a, fmt, prec, bits);
        }
        boolean shortest = prec < 0;
        Digits d;
        if (shortest) {
            d = shortest(a, bits);
            switch (fmt) {
                case 'e': case 'E': prec = d.nd() - 1; break;
                case 'f': prec = Math.max(d.nd() - d.dp(), 0); break;
                default: prec = d.nd(); break;
            }
        } else {
            BigDecimal x = new BigDecimal(a);
            switch (fmt) {
                case 'e': case 'E':
                    d = Digits.of(x.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN)));
                    break;
                case 'f':
                    d = Digits.of(x.setScale(prec, RoundingMode.HALF_EVEN));
                    break;
                default:
                    if (prec == 0) {
                        prec = 1;
                    }
                    d = Digits.of(x.round(new MathContext(prec, RoundingMode.HALF_EVEN)));
                    break;
            }
        }
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        switch (fmt) {
            case 'e': case 'E':
                fmtE(sb, d, prec, fmt);
                break;
            case 'f':
                fmtF(sb, d, prec);
                break;
            default:
                int eprec = prec;
                if (eprec > d.nd() && d.nd() >= d.dp()) {
                    eprec = d.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = d.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    fmtE(sb, d, Math.min(prec, d.nd()) - 1, fmt == 'G' ? 'E' : 'e');
                } else {
                    fmtF(sb, d, Math.max((prec > d.dp() ? d.nd() : prec) - d.dp(), 0));
                }
                break;
        }
        return sb.toString();
    }

    private static void fmtE(StringBuilder sb, Digits d, int prec, char e) {
        sb.append(d.nd() == 0 ? '0' : d.at(0));
        if (prec > 0) {
            sb.append('.');
            int m = Math.min(d.nd(), prec + 1);
            for (int i = 1; i < m; i++) {
                sb.append(d.at(i));
            }
            for (int i = Math.max(m, 1); i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(e);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        sb.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
    }

    private static void fmtF(StringBuilder sb, Digits d, int prec) {
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            sb.append(d.ds(), 0, m);
            for (int i = m; i < d.dp(); i++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp() + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
            }
        }
    }

    /** The shortest digits that read back as {@code a} (a >= 0, finite) at the given width. */
    private static Digits shortest(double a, int bits) {
        if (a == 0) {
            return new Digits("", 0);
        }
        double below;
        double above;
        boolean even;
        if (bits == 32) {
            float f = (float) a;
            below = Math.nextDown(f);
            above = Math.nextUp(f);
            even = (Float.floatToRawIntBits(f) & 1) == 0;
        } else {
            below = Math.nextDown(a);
            above = Math.nextUp(a);
            even = (Double.doubleToRawLongBits(a) & 1) == 0;
        }
        BigDecimal x = new BigDecimal(a);
        BigDecimal half = BigDecimal.valueOf(5, 1);
        BigDecimal lower = x.add(new BigDecimal(below)).multiply(half);
        BigDecimal upper = Double.isInfinite(above)
                ? x.add(x.subtract(new BigDecimal(below)).multiply(half))
                : x.add(new BigDecimal(above)).multiply(half);
        int dp = x.precision() - x.scale();
        // Whether some n-digit decimal lies in the interval is monotone in n (an n-digit
        // candidate is also an (n+1)-digit one), and 17 digits always suffice: bisect.
        int lo = 1;
        int hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (candidate(x, lower, upper, even, dp, mid) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Digits.of(candidate(x, lower, upper, even, dp, lo));
    }

    /** The n-digit decimal inside the interval nearest to x, or null when there is none. */
    private static BigDecimal candidate(BigDecimal x, BigDecimal lower, BigDecimal upper, boolean even, int dp, int n) {
        BigDecimal down = x.round(new MathContext(n, RoundingMode.DOWN));
        if (down.compareTo(x) == 0) {
            return x;
        }
        BigDecimal up = down.add(BigDecimal.ONE.scaleByPowerOfTen(dp - n));
        int cl = down.compareTo(lower);
        int cu = up.compareTo(upper);
        boolean okDown = cl > 0 || (even && cl == 0);
        boolean okUp = cu < 0 || (even && cu == 0);
        if (okDown && okUp) {
            return x.round(new MathContext(n, RoundingMode.HALF_EVEN));
        }
        return okDown ? down : okUp ? up : null;
    }
}
