package dev.goroscope.app.settings;

import java.util.Locale;

/**
 * The text forms of the settings a person types: GOGC, GOMEMLIMIT and GOMAXPROCS as Go reads them
 * from the environment, and byte sizes in Go's GOMEMLIMIT syntax. Each parser either returns the
 * value or throws {@link IllegalArgumentException} with a message that says what would be
 * accepted, so the settings panel can show it as it stands.
 */
final class SettingsText {
    /** Go's ceiling on GOMAXPROCS is higher; the simulation draws every P, so 256 is enough. */
    static final int MAX_PROCS = 256;
    /** The smallest simulated machine {@code goroscope run --machine-memory} accepts. */
    static final long MIN_MACHINE_MEMORY = 64L << 20;

    private static final String[] UNITS = {"TiB", "GiB", "MiB", "KiB", "B"};
    private static final int[] SHIFTS = {40, 30, 20, 10, 0};

    private SettingsText() {}

    /** GOGC: {@code off} (-1) or a percentage of zero or more. */
    static int gogc(String text) {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).equals("off")) {
            return -1;
        }
        try {
            int v = Integer.parseInt(t);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("GOGC must be off or a whole percentage of 0 or more (100 is Go's default), not \""
                + t + "\"");
    }

    static String gogc(int percent) {
        return percent < 0 ? "off" : Integer.toString(percent);
    }

    /** GOMEMLIMIT: {@code off} (no limit) or a size such as {@code 16MiB}. */
    static long memoryLimit(String text) {
        String t = text.trim();
        if (t.equals("off")) {
            return Long.MAX_VALUE;
        }
        try {
            return size(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed GOMEMLIMIT \"" + t + "\": want off or a size such as 16MiB"
                    + " (bytes, or B, KiB, MiB, GiB, TiB)");
        }
    }

    static String memoryLimit(long bytes) {
        return bytes == Long.MAX_VALUE ? "off" : size(bytes);
    }

    /** GOMAXPROCS: a whole number from 1 to {@value #MAX_PROCS}. */
    static int gomaxprocs(String text) {
        String t = text.trim();
        try {
            int v = Integer.parseInt(t);
            if (v >= 1 && v <= MAX_PROCS) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("GOMAXPROCS must be a whole number from 1 to " + MAX_PROCS + ", not \"" + t
                + "\"");
    }

    /** The stack limit in bytes (debug.SetMaxStack's argument): a positive size. */
    static long maxStack(String text) {
        String t = text.trim();
        try {
            long v = size(t);
            if (v > 0) {
                return v;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("Max stack must be a positive size in bytes, such as 1000000000 (Go's"
                + " default) or 1MiB, not \"" + t + "\"");
    }

    /** The simulated machine's memory: a size of at least 64MiB. */
    static long machineMemory(String text) {
        String t = text.trim();
        try {
            long v = size(t);
            if (v >= MIN_MACHINE_MEMORY) {
                return v;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("Machine memory must be a size of at least 64MiB, such as 8GiB, not \"" + t
                + "\"");
    }

    /** The interleaving seed: any whole number. */
    static long seed(String text) {
        String t = text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Seed must be a whole number, not \"" + t + "\"");
        }
    }

    /**
     * A byte count as Go's {@code parseByteCount} reads GOMEMLIMIT: digits, then optionally one of
     * B, KiB, MiB, GiB, TiB (case as written); no sign, no spaces, no fractions.
     */
    static long size(String t) {
        long mult = 1;
        String digits = t;
        for (int i = 0; i < UNITS.length; i++) {
            if (t.endsWith(UNITS[i])) {
                mult = 1L << SHIFTS[i];
                digits = t.substring(0, t.length() - UNITS[i].length());
                break;
            }
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a size: " + t);
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("size too large: " + t);
        }
    }

    /** The shortest exact form: {@code 16MiB} when the count is a whole number of MiB, else bytes. */
    static String size(long bytes) {
        if (bytes > 0) {
            for (int i = 0; i < UNITS.length - 1; i++) {
                long unit = 1L << SHIFTS[i];
                if (bytes % unit == 0) {
                    return (bytes / unit) + UNITS[i];
                }
            }
        }
        return Long.toString(bytes);
    }
}
