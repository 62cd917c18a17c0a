package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Pos;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the source text, one Unicode code point at a time, that keeps gc's position
 * convention: 1-based line, 1-based byte column (so {@code é} advances the column by two and a
 * tab by one). Also decodes escapes, which strings and runes share.
 */
abstract class Source {

    final String file;
    private final int[] src;
    private int i;
    int line = 1;
    int col = 1;
    /** The current code point, or -1 at the end. */
    int ch;

    Source(String file, String text) {
        this.file = file;
        this.src = text.codePoints().toArray();
        this.ch = src.length > 0 ? src[0] : -1;
        if (ch == 0xFEFF) {
            // A byte order mark is allowed as the very first character only; gc ignores it.
            i = 1;
            ch = src.length > 1 ? src[1] : -1;
        }
    }

    final void nextch() {
        if (ch < 0) {
            return;
        }
        if (ch == '\n') {
            line++;
            col = 1;
        } else {
            col += utf8Len(ch);
        }
        i++;
        ch = i < src.length ? src[i] : -1;
    }

    /** The code point {@code k} ahead of the current one, or -1. */
    final int peek(int k) {
        return i + k < src.length ? src[i + k] : -1;
    }

    final int offset() {
        return i;
    }

    final String text(int from) {
        return new String(src, from, i - from);
    }

    final Pos pos() {
        return new Pos(line, col);
    }

    final GoSyntaxError error(Pos p, String msg) {
        return new GoSyntaxError(new Diagnostic(file, p.line(), p.col(), msg));
    }

    static int utf8Len(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** Appends the UTF-8 encoding of {@code cp} (how Go stores a non-byte character in a string). */
    static void appendUtf8(ByteArrayOutputStream out, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    /** Set by {@link #escape} when the escape denotes a single byte ({@code \x41}, {@code \101}). */
    boolean escapeIsByte;

    /**
     * Decodes one escape; {@code ch} is the backslash. Returns the byte or code point value.
     * Returns -1 if the input ends inside the escape (the caller reports the literal as not
     * terminated, as gc does).
     */
    final int escape(int quote) {
        nextch();
        escapeIsByte = false;
        int c = ch;
        switch (c) {
            case 'a': nextch(); return 7;
            case 'b': nextch(); return '\b';
            case 'f': nextch(); return '\f';
            case 'n': nextch(); return '\n';
            case 'r': nextch(); return '\r';
            case 't': nextch(); return '\t';
            case 'v': nextch(); return 11;
            case '\\': nextch(); return '\\';
            case 'x': nextch(); escapeIsByte = true; return escapeDigits(2, 16, 255);
            case 'u': nextch(); return escapeDigits(4, 16, 0x10FFFF);
            case 'U': nextch(); return escapeDigits(8, 16, 0x10FFFF);
            default:
                if (c < 0) {
                    return -1;
                }
                if (c == quote) {
                    nextch();
                    return c;
                }
                if (c >= '0' && c <= '7') {
                    escapeIsByte = true;
                    return escapeDigits(3, 8, 255);
                }
                throw error(pos(), "unknown escape");
        }
    }

    private int escapeDigits(int n, int base, int max) {
        Pos start = pos();
        long x = 0;
        for (int k = 0; k < n; k++) {
            if (ch < 0) {
                return -1;
            }
            int d = Character.digit(ch, base);
            if (d < 0 || ch > 0x7f) {
                throw error(pos(), "invalid character " + quoteRune(ch) + " in "
                        + (base == 8 ? "octal" : "hexadecimal") + " escape");
            }
            x = x * base + d;
            nextch();
        }
        if (x > max && base == 8) {
            throw error(start, "octal escape value " + x + " > 255");
        }
        if (x > max || (x >= 0xD800 && x < 0xE000)) {
            throw error(start, "escape is invalid Unicode code point " + unicodeName((int) Math.min(x, Integer.MAX_VALUE)));
        }
        return (int) x;
    }

    /** Go's {@code %q} of a rune, enough for error messages. */
    static String quoteRune(int c) {
        switch (c) {
            case '\n': return "'\\n'";
            case '\t': return "'\\t'";
            case '\r': return "'\\r'";
            case '\'': return "'\\''";
            case '\\': return "'\\\\'";
            default:
                return c < 0x20 || c == 0x7f ? String.format("'\\x%02x'", c) : "'" + new String(Character.toChars(c)) + "'";
        }
    }

    /** Go's {@code %#U}: {@code U+0040 '@'}, without the quoted form for unprintable runes. */
    static String unicodeName(int c) {
        String u = String.format("U+%04X", c);
        boolean printable = c >= 0x20 && c != 0x7f && c <= 0x10FFFF && !Character.isISOControl(c)
                && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE
                && Character.getType(c) != Character.FORMAT;
        return printable ? u + " '" + new String(Character.toChars(c)) + "'" : u;
    }
}
