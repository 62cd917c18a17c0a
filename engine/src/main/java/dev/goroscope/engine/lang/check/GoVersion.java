package dev.goroscope.engine.lang.check;

/**
 * The Go release whose language and error wording the checker follows: Debian's toolchain
 * (1.19) or a current one (1.23). Differences: {@code min}, {@code max}, {@code clear} (1.21),
 * ranging over integers (1.22), slice-to-array conversions (1.20), and the spelling of
 * several messages ({@code x declared but not used} became {@code declared and not used: x}
 * in 1.20).
 */
public enum GoVersion {
    V1_19(19), V1_23(23);

    private final int minor;

    GoVersion(int minor) {
        this.minor = minor;
    }

    /** The minor release number (19 for Go 1.19). */
    public int minor() {
        return minor;
    }

    /** Whether this release has what Go 1.{@code m} introduced. */
    public boolean atLeast(int m) {
        return minor >= m;
    }
}
