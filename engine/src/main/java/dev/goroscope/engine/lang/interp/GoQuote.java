package dev.goroscope.engine.lang.interp;

/**
 * Go's quoting rules ({@code strconv.Quote}, {@code QuoteToASCII}, {@code QuoteRune},
 * {@code CanBackquote}, {@code IsPrint}) over byte strings, as {@code %q} uses them.
 *
 * <p>Printable means Unicode letters, marks, numbers, punctuation and symbols plus the ASCII
 * space (Go's {@code unicode.IsPrint}); Java 17 and Go 1.19 both ship Unicode 13, so the
 * JDK's categories give the same answer as Go's tables.
 */
public final class GoQuote {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private GoQuote() {}

    /** {@code strconv.IsPrint}. */
    public static boolean isPrint(int r) {
        if (r < 0x80) {
            return r >= 0x20 && r < 0x7F;
        }
        if (!Utf8.validRune(r)) {
            return false;
        }
        switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK: case Character.ENCLOSING_MARK: case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION: case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION: case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL: case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** {@code strconv.Quote} (or {@code QuoteToASCII} when {@code ascii}) appended to out. */
    static void quote(FmtBuf out, byte[] s, boolean ascii) {
        out.add('"');
        for (int i = 0; i < s.length; ) {
            int p = Utf8.decode(s, i, s.length);
            int w = Utf8.width(p);
            int r = Utf8.rune(p);
            if (w == 1 && r == Utf8.RUNE_ERROR) {
                out.add('\\');
                out.add('x');
                hex2(out, s[i] & 0xff);
            } else {
                escapedRune(out, r, '"', ascii);
            }
            i += w;
        }
        out.add('"');
    }

    /** {@code strconv.QuoteRune} (or {@code QuoteRuneToASCII}) appended to out. */
    static void quoteRune(FmtBuf out, int r, boolean ascii) {
        if (!Utf8.validRune(r)) {
            r = Utf8.RUNE_ERROR;
        }
        out.add('\'');
        escapedRune(out, r, '\'', ascii);
        out.add('\'');
    }

    /** Public form of {@link #quote} for the interpreter's {@code strconv.Quote}. */
    public static GoString quote(GoString s) {
        FmtBuf b = new FmtBuf();
        quote(b, s.bytes(), false);
        return GoString.wrap(b.toBytes());
    }

    private static void escapedRune(FmtBuf out, int r, int q, boolean ascii) {
        if (r == q || r == '\\') {
            out.add('\\');
            out.add(r);
            return;
        }
        if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) {
            Utf8.encode(out, r);
            return;
        }
        switch (r) {
            case 7: out.add('\\'); out.add('a'); return;
            case '\b': out.add('\\'); out.add('b'); return;
            case '\f': out.add('\\'); out.add('f'); return;
            case '\n': out.add('\\'); out.add('n'); return;
            case '\r': out.add('\\'); out.add('r'); return;
            case '\t': out.add('\\'); out.add('t'); return;
            case 11: out.add('\\'); out.add('v'); return;
            default:
                break;
        }
        if (r < ' ' || r == 0x7F) {
            out.add('\\');
            out.add('x');
            hex2(out, r);
            return;
        }
        if (!Utf8.validRune(r)) {
            r = Utf8.RUNE_ERROR;
        }
        out.add('\\');
        int digits = 4;
        if (r < 0x10000) {
            out.add('u');
        } else {
            out.add('U');
            digits = 8;
        }
        for (int k = digits - 1; k >= 0; k--) {
            out.add(HEX[(r >> (4 * k)) & 0xF]);
        }
    }

    private static void hex2(FmtBuf out, int c) {
        out.add(HEX[c >> 4 & 0xF]);
        out.add(HEX[c & 0xF]);
    }

    /** {@code strconv.CanBackquote}: one line, no control bytes but tab, no backquote, valid UTF-8. */
    static boolean canBackquote(byte[] s) {
        for (int i = 0; i < s.length; ) {
            int p = Utf8.decode(s, i, s.length);
            int w = Utf8.width(p);
            int r = Utf8.rune(p);
            i += w;
            if (w > 1) {
                if (r == 0xFEFF) {
                    return false;
                }
                continue;
            }
            if (r == Utf8.RUNE_ERROR || (r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
