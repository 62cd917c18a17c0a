package dev.goroscope.engine.lang;

import java.util.List;

/**
 * The only exception the front end throws: the program is not (supported) Go. It carries the
 * diagnostics in source order; {@link #getMessage()} prints them one per line, like gc.
 *
 * <p>Stack traces are suppressed: this is a message for a Go programmer, not a Java bug.
 */
public final class GoSyntaxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public GoSyntaxError(List<Diagnostic> diagnostics) {
        super(Diagnostic.lines(diagnostics), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a syntax error needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public GoSyntaxError(Diagnostic d) {
        this(List.of(d));
    }

    /** All diagnostics, first one first; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first (and most trustworthy) diagnostic. */
    public Diagnostic first() {
        return diagnostics.get(0);
    }

}
