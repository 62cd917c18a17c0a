package dev.goroscope.engine.lang.interp;

import java.nio.charset.StandardCharsets;

/**
 * The flag state of one verb and the primitive formatters that honour it (Go's {@code fmt}
 * struct in {@code fmt/format.go}): padding, integers in any base, strings, quoting, floats.
 * {@link Printer} decides which primitive a value needs; this class only lays out bytes.
 */
final class Fmt {
    static final byte[] LDIGITS = "0123456789abcdefx".getBytes(StandardCharsets.US_ASCII);
    static final byte[] UDIGITS = "0123456789ABCDEFX".getBytes(StandardCharsets.US_ASCII);

    final FmtBuf buf;
    boolean widPresent;
    boolean precPresent;
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    int wid;
    int prec;

    Fmt(FmtBuf buf) {
        this.buf = buf;
    }

    void clearFlags() {
        widPresent = false;
        precPresent = false;
        minus = false;
        plus = false;
        sharp = false;
        space = false;
        zero = false;
        plusV = false;
        sharpV = false;
        wid = 0;
        prec = 0;
    }

    void writePadding(int n) {
        byte c = (byte) (zero ? '0' : ' ');
        for (int i = 0; i < n; i++) {
            buf.add(c);
        }
    }

    /** Writes b with the width's padding, counting runes as Go does. */
    void pad(byte[] b, int off, int end) {
        if (!widPresent || wid == 0) {
            buf.add(b, off, end - off);
            return;
        }
        int width = wid - Utf8.runeCount(b, off, end);
        if (!minus) {
            writePadding(width);
            buf.add(b, off, end - off);
        } else {
            buf.add(b, off, end - off);
            writePadding(width);
        }
    }

    void pad(byte[] b) {
        pad(b, 0, b.length);
    }

    void padString(String s) {
        pad(s.getBytes(StandardCharsets.UTF_8));
    }

    void fmtBoolean(boolean v) {
        padString(v ? "true" : "false");
    }

    /** Integer u (two's complement bits when signed) in the given base. */
    void fmtInteger(long u, int base, boolean signed, int verb, byte[] digits) {
        boolean negative = signed && u < 0;
        if (negative) {
            u = -u;
        }
        int p = 0;
        if (precPresent) {
            p = prec;
            if (p == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            p = wid;
            if (negative || plus || space) {
                p--;
            }
        }
        byte[] b = new byte[68 + Math.max(0, p) + 4];
        int i = b.length;
        if (u == 0) {
            b[--i] = '0';
        }
        while (u != 0) {
            b[--i] = digits[(int) Long.remainderUnsigned(u, base)];
            u = Long.divideUnsigned(u, base);
        }
        while (i > 0 && p > b.length - i) {
            b[--i] = '0';
        }
        if (sharp) {
            if (base == 2) {
                b[--i] = 'b';
                b[--i] = '0';
            } else if (base == 8) {
                if (b[i] != '0') {
                    b[--i] = '0';
                }
            } else if (base == 16) {
                b[--i] = digits[16];
                b[--i] = '0';
            }
        }
        if (verb == 'O') {
            b[--i] = 'o';
            b[--i] = '0';
        }
        if (negative) {
            b[--i] = '-';
        } else if (plus) {
            b[--i] = '+';
        } else if (space) {
            b[--i] = ' ';
        }
        boolean oldZero = zero;
        zero = false;
        pad(b, i, b.length);
        zero = oldZero;
    }

    /** {@code %U}: U+0041, and with {@code #} also the character itself when printable. */
    void fmtUnicode(long u) {
        int p = precPresent && prec > 4 ? prec : 4;
        StringBuilder hex = new StringBuilder(Long.toHexString(u).toUpperCase(java.util.Locale.ROOT));
        while (hex.length() < p) {
            hex.insert(0, '0');
        }
        FmtBuf b = new FmtBuf();
        b.add("U+");
        b.add(hex.toString());
        if (sharp && u >= 0 && u <= Utf8.MAX_RUNE && GoQuote.isPrint((int) u)) {
            b.add(" '");
            Utf8.encode(b, (int) u);
            b.add('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(b.toBytes());
        zero = oldZero;
    }

    private static int toRune(long c) {
        return Long.compareUnsigned(c, Utf8.MAX_RUNE) > 0 ? Utf8.RUNE_ERROR : (int) c;
    }

    /** {@code %c}. */
    void fmtC(long c) {
        FmtBuf b = new FmtBuf();
        Utf8.encode(b, toRune(c));
        pad(b.toBytes());
    }

    /** {@code %q} of an integer: a quoted rune. */
    void fmtQc(long c) {
        FmtBuf b = new FmtBuf();
        GoQuote.quoteRune(b, toRune(c), plus);
        pad(b.toBytes());
    }

    /** Cuts s to the precision, counted in runes. */
    private byte[] truncate(byte[] s) {
        if (precPresent) {
            int n = prec;
            for (int i = 0; i < s.length; ) {
                n--;
                if (n < 0) {
                    return java.util.Arrays.copyOf(s, i);
                }
                i += Utf8.width(Utf8.decode(s, i, s.length));
            }
        }
        return s;
    }

    /** {@code %s} of a string or byte slice. */
    void fmtS(byte[] s) {
        pad(truncate(s));
    }

    /** {@code %x}/{@code %X} of a string or byte slice. */
    void fmtSbx(byte[] s, byte[] digits) {
        int length = s.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.add('0');
            buf.add(digits[16]);
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.add(' ');
                if (sharp) {
                    buf.add('0');
                    buf.add(digits[16]);
                }
            }
            int c = s[i] & 0xff;
            buf.add(digits[c >> 4]);
            buf.add(digits[c & 0xF]);
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    /** {@code %q} of a string: Go-quoted, or back-quoted with {@code #} when possible. */
    void fmtQ(byte[] s) {
        s = truncate(s);
        FmtBuf b = new FmtBuf();
        if (sharp && GoQuote.canBackquote(s)) {
            b.add('`');
            b.add(s);
            b.add('`');
        } else {
            GoQuote.quote(b, s, plus);
        }
        pad(b.toBytes());
    }
}
