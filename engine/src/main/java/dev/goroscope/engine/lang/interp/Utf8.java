package dev.goroscope.engine.lang.interp;

/**
 * UTF-8 as Go's {@code unicode/utf8} sees it: a decoder that never throws and turns every
 * invalid or overlong byte (and every encoded surrogate) into U+FFFD of width one, which is
 * what {@code range} over a string, {@code %q} and rune counting all rely on.
 */
final class Utf8 {
    static final int RUNE_ERROR = 0xFFFD;
    static final int MAX_RUNE = 0x10FFFF;

    private Utf8() {}

    /**
     * Decodes the rune starting at {@code b[i]} (i < end). Returns {@code rune << 3 | width};
     * use {@link #rune} and {@link #width} to take it apart.
     */
    static int decode(byte[] b, int i, int end) {
        int c0 = b[i] & 0xff;
        if (c0 < 0x80) {
            return c0 << 3 | 1;
        }
        int need;
        int min;
        int r;
        if (c0 >= 0xC2 && c0 <= 0xDF) {
            need = 1;
            min = 0x80;
            r = c0 & 0x1F;
        } else if (c0 >= 0xE0 && c0 <= 0xEF) {
            need = 2;
            min = 0x800;
            r = c0 & 0x0F;
        } else if (c0 >= 0xF0 && c0 <= 0xF4) {
            need = 3;
            min = 0x10000;
            r = c0 & 0x07;
        } else {
            return RUNE_ERROR << 3 | 1;
        }
        if (i + need >= end) {
            return RUNE_ERROR << 3 | 1;
        }
        for (int k = 1; k <= need; k++) {
            int c = b[i + k] & 0xff;
            if ((c & 0xC0) != 0x80) {
                return RUNE_ERROR << 3 | 1;
            }
            r = r << 6 | (c & 0x3F);
        }
        if (r < min || r > MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF)) {
            return RUNE_ERROR << 3 | 1;
        }
        return r << 3 | (need + 1);
    }

    static int rune(int packed) {
        return packed >>> 3;
    }

    static int width(int packed) {
        return packed & 7;
    }

    /** Number of runes as Go counts them: each invalid byte is one rune. */
    static int runeCount(byte[] b, int off, int end) {
        int n = 0;
        for (int i = off; i < end; n++) {
            i += width(decode(b, i, end));
        }
        return n;
    }

    static boolean validRune(int r) {
        return r >= 0 && r <= MAX_RUNE && (r < 0xD800 || r > 0xDFFF);
    }

    /** Appends the UTF-8 encoding of {@code r}; invalid runes encode as U+FFFD. */
    static void encode(FmtBuf out, int r) {
        if (!validRune(r)) {
            r = RUNE_ERROR;
        }
        if (r < 0x80) {
            out.add(r);
        } else if (r < 0x800) {
            out.add(0xC0 | r >> 6);
            out.add(0x80 | (r & 0x3F));
        } else if (r < 0x10000) {
            out.add(0xE0 | r >> 12);
            out.add(0x80 | (r >> 6 & 0x3F));
            out.add(0x80 | (r & 0x3F));
        } else {
            out.add(0xF0 | r >> 18);
            out.add(0x80 | (r >> 12 & 0x3F));
            out.add(0x80 | (r >> 6 & 0x3F));
            out.add(0x80 | (r & 0x3F));
        }
    }
}
