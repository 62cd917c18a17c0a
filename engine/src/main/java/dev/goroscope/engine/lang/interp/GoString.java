package dev.goroscope.engine.lang.interp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Go string: immutable bytes, usually UTF-8. {@code len} is the byte count and indexing gives
 * bytes, as in Go; {@link #toString()} decodes for output (invalid bytes become U+FFFD).
 */
public final class GoString implements Comparable<GoString> {
    public static final GoString EMPTY = new GoString(new byte[0]);

    private final byte[] b;
    private int hash;

    private GoString(byte[] b) {
        this.b = b;
    }

    public static GoString of(String s) {
        return new GoString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Takes ownership of {@code bytes}: the caller must not change them afterwards. */
    public static GoString wrap(byte[] bytes) {
        return new GoString(bytes);
    }

    public int len() {
        return b.length;
    }

    public int byteAt(int i) {
        return b[i] & 0xff;
    }

    public byte[] bytes() {
        return b.clone();
    }

    public GoString concat(GoString o) {
        byte[] r = Arrays.copyOf(b, b.length + o.b.length);
        System.arraycopy(o.b, 0, r, b.length, o.b.length);
        return new GoString(r);
    }

    public GoString slice(int lo, int hi) {
        return new GoString(Arrays.copyOfRange(b, lo, hi));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoString g && Arrays.equals(b, g.b);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(b);
            hash = h;
        }
        return h;
    }

    /** Byte-wise comparison, as Go compares strings. */
    @Override
    public int compareTo(GoString o) {
        return Arrays.compareUnsigned(b, o.b);
    }

    @Override
    public String toString() {
        return new String(b, StandardCharsets.UTF_8);
    }
}
