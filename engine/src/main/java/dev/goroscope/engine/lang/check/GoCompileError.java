package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.Diagnostic;
import java.util.List;

/**
 * The program parsed but is not valid (or not supported) Go: type errors, worded and
 * positioned like gc's. At most {@link #MAX} diagnostics, sorted by position; {@link #getMessage()}
 * prints them one per line ({@code prog.go:7:2: declared and not used: x}). A diagnostic's
 * message may span lines, as gc's do ({@code have (...)} / {@code want (...)} follow-ups,
 * indented by a tab).
 */
public final class GoCompileError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** gc stops after ten errors. */
    public static final int MAX = 10;

    private final transient List<Diagnostic> diagnostics;

    public GoCompileError(List<Diagnostic> diagnostics) {
        super(Diagnostic.lines(diagnostics), null, false, false);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a compile error needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** All diagnostics in source order; never empty. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public Diagnostic first() {
        return diagnostics.get(0);
    }

}
