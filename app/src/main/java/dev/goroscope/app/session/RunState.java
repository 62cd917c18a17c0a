package dev.goroscope.app.session;

import dev.goroscope.engine.lang.Diagnostic;
import java.util.List;

/** Where a run is: compiling, running (the timeline grows), or ended one of four ways. */
public sealed interface RunState {

    /** Parsing, checking and compiling. */
    record Compiling() implements RunState {}

    /** The program runs; its timeline grows and can already be played. */
    record Running() implements RunState {}

    /** The program ended on its own (exit status 0, or 2 after a fatal error or a panic). */
    record Finished(int exitStatus) implements RunState {}

    /** The program did not compile: nothing ran. */
    record CompileFailed(List<Diagnostic> diagnostics) implements RunState {
        public CompileFailed {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Stopped by the user, or by the step budget; the timeline so far stays. */
    record Stopped(String why) implements RunState {}

    /** The engine itself failed: a bug in Goroscope, reported plainly; the user's text is safe. */
    record Crashed(String message) implements RunState {}

    /** Whether nothing more will be added to the timeline. */
    default boolean ended() {
        return !(this instanceof Compiling) && !(this instanceof Running);
    }
}
