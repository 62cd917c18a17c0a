package dev.goroscope.app.heap;

import java.util.Locale;

/** Short words for the heap view's labels: type names without their package, addresses by their tail. */
final class HeapText {
    private HeapText() {}

    /** {@code main.box} becomes {@code box}; {@code []*main.node} becomes {@code []*node}. */
    static String shortType(String t) {
        int dot = t.lastIndexOf('.');
        if (dot < 0) {
            return t;
        }
        int start = dot;
        while (start > 0 && Character.isJavaIdentifierPart(t.charAt(start - 1))) {
            start--;
        }
        return t.substring(0, start) + t.substring(dot + 1);
    }

    /** The last four hex digits, enough to tell a lesson's objects apart: {@code …a018}. */
    static String addr(long a) {
        String h = Long.toHexString(a);
        return "\u2026" + (h.length() > 4 ? h.substring(h.length() - 4) : h);
    }

    /** The whole address, as Go prints it. */
    static String fullAddr(long a) {
        return "0x" + Long.toHexString(a);
    }

    static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    /** 24 B, 8 KiB, 1.5 MiB. */
    static String size(long b) {
        if (b < 1024) {
            return b + " B";
        }
        double v = b / 1024.0;
        String u = "KiB";
        if (v >= 1024) {
            v /= 1024;
            u = "MiB";
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + u;
    }
}
