package dev.goroscope.engine.lang.interp;

/** Go's {@code fmt.fmtFloat}: a formatted float with the verb's flags applied. */
final class FmtFloat {
    private FmtFloat() {}

    /**
     * A float through {@link FloatFormat}, then Go's sign, {@code #} and padding rules:
     * Inf and NaN never zero-pad, NaN drops its sign unless asked, and a zero-padded number
     * keeps its sign in front of the zeros.
     */
    static void fmtFloat(Fmt f, double v, int bits, char verb, int defaultPrec) {
        int p = f.precPresent ? f.prec : defaultPrec;
        char fc = verb == 'F' ? 'f' : verb;
        StringBuilder num = new StringBuilder(FloatFormat.format(v, fc, p, bits));
        if (num.charAt(0) != '-' && num.charAt(0) != '+') {
            num.insert(0, '+');
        }
        if (f.space && num.charAt(0) == '+' && !f.plus) {
            num.setCharAt(0, ' ');
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = f.zero;
            f.zero = false;
            if (num.charAt(1) == 'N' && !f.space && !f.plus) {
                num.deleteCharAt(0);
            }
            f.padString(num.toString());
            f.zero = oldZero;
            return;
        }
        if (f.sharp && verb != 'b') {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
                digits = p == -1 ? 6 : p;
            }
            String tail = "";
            boolean hasPoint = false;
            boolean sawNonzero = false;
            for (int i = 1; i < num.length(); i++) {
                char c = num.charAt(i);
                if (c == '.') {
                    hasPoint = true;
                } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                    tail = num.substring(i);
                    num.setLength(i);
                    break;
                } else {
                    if (c != '0') {
                        sawNonzero = true;
                    }
                    if (sawNonzero) {
                        digits--;
                    }
                }
            }
            if (!hasPoint) {
                if (num.length() == 2 && num.charAt(1) == '0') {
                    digits--;
                }
                num.append('.');
            }
            for (; digits > 0; digits--) {
                num.append('0');
            }
            num.append(tail);
        }
        if (f.plus || num.charAt(0) != '+') {
            if (f.zero && f.widPresent && f.wid > num.length()) {
                f.buf.add(num.charAt(0));
                f.writePadding(f.wid - num.length());
                f.buf.add(num.substring(1));
                return;
            }
            f.padString(num.toString());
            return;
        }
        f.padString(num.substring(1));
    }
}
