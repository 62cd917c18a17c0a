package dev.goroscope.engine.runtime;

/**
 * The runtime's own float format ({@code printfloat} in print.go), used by the
 * {@code print}/{@code println} builtins, panic values and the pacer's trace lines:
 * {@code +1.500000e+000} (7 significant digits, a signed three-digit exponent).
 */
public final class PrintFloat {
    private PrintFloat() {}

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        final int digits = 7;
        char sign = '+';
        int e = 0;
        if (v == 0) {
            if (1 / v < 0) {
                sign = '-';
            }
        } else {
            if (v < 0) {
                v = -v;
                sign = '-';
            }
            while (v >= 10) {
                e++;
                v /= 10;
            }
            while (v < 1) {
                e--;
                v *= 10;
            }
            double half = 5.0;
            for (int k = 0; k < digits; k++) {
                half /= 10;
            }
            v += half;
            if (v >= 10) {
                e++;
                v /= 10;
            }
        }
        StringBuilder mant = new StringBuilder();
        for (int k = 0; k < digits; k++) {
            int d = (int) v;
            mant.append((char) ('0' + d));
            v = (v - d) * 10;
        }
        char esign = e < 0 ? '-' : '+';
        e = Math.abs(e);
        return "" + sign + mant.charAt(0) + '.' + mant.substring(1) + 'e' + esign
                + (char) ('0' + e / 100) + (char) ('0' + e / 10 % 10) + (char) ('0' + e % 10);
    }
}
