package dev.goroscope.engine.lang.interp;

/**
 * {@code time.Duration.String}: {@code 0s}, {@code 1ns}, {@code 1.5µs} (µ is U+00B5),
 * {@code 2ms}, {@code 1.5s}, {@code 1m30s}, {@code 2h0m0s}, {@code -1.5s}.
 *
 * <p>Below one second the largest unit that keeps a non-zero integer part is used, with the
 * remainder as a decimal fraction without trailing zeros. From one second up the form is
 * hours, minutes, then seconds with their fraction, each shown once a larger unit is.
 */
public final class Durations {
    private Durations() {}

    public static String format(long d) {
        if (d == 0) {
            return "0s";
        }
        boolean neg = d < 0;
        long u = neg ? -d : d; // MinValue stays itself: read it as unsigned
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            if (u < 1_000) {
                sb.append(u).append("ns");
            } else if (u < 1_000_000) {
                frac(sb, u, 1_000).append("µs");
            } else {
                frac(sb, u, 1_000_000).append("ms");
            }
            return sb.toString();
        }
        long secs = Long.divideUnsigned(u, 1_000_000_000L);
        long nanos = Long.remainderUnsigned(u, 1_000_000_000L);
        long h = secs / 3600;
        long m = secs / 60 % 60;
        long s = secs % 60;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            sb.append(m).append('m');
        }
        frac(sb, s * 1_000_000_000L + nanos, 1_000_000_000L).append('s');
        return sb.toString();
    }

    /** v / unit as a decimal with the fraction's trailing zeros dropped (v, unit > 0). */
    private static StringBuilder frac(StringBuilder sb, long v, long unit) {
        sb.append(v / unit);
        long f = v % unit;
        if (f != 0) {
            String digits = Long.toString(unit + f).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb;
    }
}
