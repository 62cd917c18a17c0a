package dev.goroscope.engine.event;

import java.util.Locale;

/** Formatting of figures for narration: sizes as a Go programmer reads them. */
public final class Fmt {
    private Fmt() {}

    /** 7232 -> "7,232". */
    public static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A size: "2 KiB", "512 MiB", "1,104 B", "2.5 KiB". */
    public static String size(long b) {
        if (b >= 1L << 30 && b % (1L << 20) == 0) {
            return unit(b, 30, "GiB");
        }
        if (b >= 1L << 20 && b % (1L << 10) == 0) {
            return unit(b, 20, "MiB");
        }
        if (b >= 1L << 10 && b % 256 == 0) {
            return unit(b, 10, "KiB");
        }
        return num(b) + " B";
    }

    private static String unit(long b, int shift, String u) {
        if (b % (1L << shift) == 0) {
            return num(b >> shift) + " " + u;
        }
        double v = (double) b / (1L << shift);
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "") + " " + u;
    }

    /** An address as the runtime prints it: 0xc000123456. */
    public static String addr(long a) {
        return "0x" + Long.toHexString(a);
    }

    /** "1 frame" / "5 frames". */
    public static String plural(long n, String one, String many) {
        return num(n) + " " + (n == 1 ? one : many);
    }
}
