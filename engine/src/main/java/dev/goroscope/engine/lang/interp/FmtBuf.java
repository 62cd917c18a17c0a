package dev.goroscope.engine.lang.interp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer: fmt builds Go strings, which are bytes, not Java chars. */
final class FmtBuf {
    private byte[] b = new byte[64];
    private int n;

    void add(int c) {
        if (n == b.length) {
            b = Arrays.copyOf(b, n * 2);
        }
        b[n++] = (byte) c;
    }

    void add(byte[] src, int off, int len) {
        if (n + len > b.length) {
            b = Arrays.copyOf(b, Math.max(n + len, n * 2));
        }
        System.arraycopy(src, off, b, n, len);
        n += len;
    }

    void add(byte[] src) {
        add(src, 0, src.length);
    }

    /** Appends a Java string as UTF-8. */
    void add(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                add(c);
            } else {
                add(s.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
    }

    int len() {
        return n;
    }

    byte[] toBytes() {
        return Arrays.copyOf(b, n);
    }

    void truncate(int len) {
        n = len;
    }
}
