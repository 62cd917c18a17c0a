package dev.goroscope.engine.runtime;

/**
 * Write-barrier algorithms the collector can run with (§4.4). Only {@link #HYBRID} is what Go
 * does today; the others are there to be compared with it.
 */
public enum BarrierMode {
    /** Go's hybrid barrier as implemented (1.8+): shade the old value and the new value, always. */
    HYBRID("hybrid (as implemented)"),
    /** The mbarrier.go pseudo-code: shade the old value; shade the new value only if the stack is grey. */
    HYBRID_DOCUMENTED("hybrid (as documented)"),
    /** Dijkstra insertion (Go 1.5-1.7): shade the new value; rescan every stack at STW mark termination. */
    DIJKSTRA("Dijkstra insertion + stack rescan"),
    /** Yuasa deletion: shade the old value; all stacks are scanned at the start (snapshot at the beginning). */
    YUASA("Yuasa deletion (snapshot)"),
    /** No barrier at all: the collector can lose a live object. */
    NONE("none");

    private final String label;

    BarrierMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static BarrierMode parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "hybrid", "go" -> HYBRID;
            case "hybrid-documented", "documented" -> HYBRID_DOCUMENTED;
            case "dijkstra", "insertion" -> DIJKSTRA;
            case "yuasa", "deletion" -> YUASA;
            case "none", "off" -> NONE;
            default -> throw new IllegalArgumentException(
                    "unknown barrier " + s + " (want hybrid, hybrid-documented, dijkstra, yuasa or none)");
        };
    }
}
