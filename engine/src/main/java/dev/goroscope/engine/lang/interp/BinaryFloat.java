package dev.goroscope.engine.lang.interp;

/**
 * The binary float formats of {@code strconv.FormatFloat}: {@code 'b'} prints the integer
 * mantissa and the power of two ({@code 4503599627370496p-52}); {@code 'x'}/{@code 'X'}
 * print a normalised hexadecimal significand ({@code 0x1.8p+01}), rounded half to even when
 * a precision asks for fewer hex digits than the significand has.
 */
final class BinaryFloat {
    private static final String LOWER = "0123456789abcdef";
    private static final String UPPER = "0123456789ABCDEF";

    private BinaryFloat() {}

    /** a >= 0 and finite; bits 32 or 64. */
    static String format(boolean neg, double a, char fmt, int prec, int bits) {
        long mant;
        int exp;
        if (bits == 32) {
            int fb = Float.floatToRawIntBits((float) a);
            int e = fb >>> 23 & 0xFF;
            mant = fb & 0x7FFFFF;
            exp = e == 0 ? -149 : e - 150;
            if (e != 0) {
                mant |= 1L << 23;
            }
        } else {
            long db = Double.doubleToRawLongBits(a);
            int e = (int) (db >>> 52 & 0x7FF);
            mant = db & 0xFFFFFFFFFFFFFL;
            exp = e == 0 ? -1074 : e - 1075;
            if (e != 0) {
                mant |= 1L << 52;
            }
        }
        StringBuilder sb = new StringBuilder(32);
        if (neg) {
            sb.append('-');
        }
        if (fmt == 'b') {
            return sb.append(mant).append('p').append(exp >= 0 ? "+" : "").append(exp).toString();
        }
        String hex = fmt == 'X' ? UPPER : LOWER;
        // Normalise to a 53-bit significand 1.xxx (bit 52 set) times 2^e2.
        int e2;
        if (mant == 0) {
            e2 = 0;
        } else {
            int shift = Long.numberOfLeadingZeros(mant) - 11;
            mant <<= shift;
            e2 = exp + 52 - shift;
        }
        int fracDigits = 13;
        if (prec >= 0 && prec < 13) {
            int drop = 52 - 4 * prec;
            long kept = mant >>> drop;
            long rest = mant & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            if (rest > half || (rest == half && (kept & 1) == 1)) {
                kept++;
                if (kept >>> (4 * prec) == 2) {
                    kept >>>= 1;
                    e2++;
                }
            }
            mant = kept << drop;
            fracDigits = prec;
        }
        sb.append('0').append(fmt).append(mant >>> 52 & 1);
        long frac = mant & 0xFFFFFFFFFFFFFL;
        if (prec < 0) {
            if (frac != 0) {
                sb.append('.');
                for (int k = 12; k >= 0 && frac != 0; k--) {
                    sb.append(hex.charAt((int) (frac >>> (4 * k) & 0xF)));
                    frac &= (1L << (4 * k)) - 1;
                }
            }
        } else if (prec > 0) {
            sb.append('.');
            for (int k = 0; k < prec; k++) {
                sb.append(k < fracDigits ? hex.charAt((int) (frac >>> (48 - 4 * k) & 0xF)) : '0');
            }
        }
        sb.append(fmt == 'X' ? 'P' : 'p').append(e2 < 0 ? '-' : '+');
        int ae = Math.abs(e2);
        if (ae < 10) {
            sb.append('0');
        }
        return sb.append(ae).toString();
    }
}
