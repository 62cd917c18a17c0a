package dev.goroscope.app.memory;

import java.util.Locale;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Axis arithmetic for the memory chart: byte scales step in powers of two (so labels read 64 KiB,
 * 128 KiB, 16 MiB, never 97.7 KiB), counts and steps in 1, 2, 5 times a power of ten.
 */
final class Ticks {
    private Ticks() {}

    /** The smallest power of two of at least {@code max / maxTicks}, at least 1 KiB. */
    static long byteStep(long max, int maxTicks) {
        long want = Math.max(1024, (max + maxTicks - 1) / Math.max(1, maxTicks));
        return Long.highestOneBit(want) == want ? want : Long.highestOneBit(want) << 1;
    }

    /** The smallest of 1, 2, 5 x 10^n of at least {@code max / maxTicks}, at least 1. */
    static long countStep(long max, int maxTicks) {
        double want = Math.max(1, (double) max / Math.max(1, maxTicks));
        long pow = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * pow >= want) {
                    return m * pow;
                }
            }
            pow *= 10;
        }
    }

    /** 0, 500, 12k, 1.5M: a step number short enough for an axis. */
    static String steps(long v) {
        if (v < 10_000) {
            return String.format(Locale.ROOT, "%,d", v);
        }
        if (v < 1_000_000) {
            return trim(v / 1000.0) + "k";
        }
        return trim(v / 1_000_000.0) + "M";
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.1f", d);
    }

    static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }
}
