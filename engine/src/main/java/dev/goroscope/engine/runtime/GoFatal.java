package dev.goroscope.engine.runtime;

import java.util.List;

/**
 * A runtime failure that ends the Go program: {@code throw("...")} / {@code fatal error:}, or
 * an unrecovered panic. Carries the exact lines the runtime writes to stderr and the exit status.
 */
public final class GoFatal extends RuntimeException {
    private final List<String> stderr;
    private final int exitStatus;

    public GoFatal(String message, List<String> stderr) {
        this(message, stderr, 2);
    }

    public GoFatal(String message, List<String> stderr, int exitStatus) {
        super(message, null, false, false);
        this.stderr = List.copyOf(stderr);
        this.exitStatus = exitStatus;
    }

    /** The short reason, e.g. {@code stack overflow}. */
    public String reason() {
        return getMessage();
    }

    /** What the runtime prints, one entry per line. */
    public List<String> stderr() {
        return stderr;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** {@code throw(s)}: "fatal error: s" after any lines printed before it. */
    public static GoFatal thrown(String reason, String... before) {
        List<String> lines = new java.util.ArrayList<>(List.of(before));
        lines.add("fatal error: " + reason);
        return new GoFatal(reason, lines);
    }
}
