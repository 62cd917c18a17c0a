package dev.goroscope.app.settings;

/**
 * Where a run takes its frame sizes from: the engine's estimator, or gc itself through the
 * installed Go toolchain ({@code goroscope run --frames estimate|go}).
 */
public enum FrameSource {
    ESTIMATE("estimate (built-in)"),
    GO("go (installed toolchain)");

    private final String label;

    FrameSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of {@code --frames}. */
    public String flag() {
        return this == GO ? "go" : "estimate";
    }
}
