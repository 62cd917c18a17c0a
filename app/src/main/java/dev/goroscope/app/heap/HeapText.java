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
        return num(n) + " " + (n == 1 ? one : many);
    }

    /**
     * {@code 12,345}: what {@code String.format("%,d")} gives, without a formatter (the heap view
     * writes several counts every frame while playing, and a formatter costs more than the rest).
     */
    static String num(long n) {
        String d = Long.toString(n);
        int from = n < 0 ? 1 : 0;
        int digits = d.length() - from;
        if (digits <= 3) {
            return d;
        }
        StringBuilder b = new StringBuilder(d.length() + digits / 3);
        int head = from + (digits % 3 == 0 ? 3 : digits % 3);
        b.append(d, 0, head);
        for (int i = head; i < d.length(); i += 3) {
            b.append(',').append(d, i, i + 3);
        }
        return b.toString();
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
