package dev.goroscope.app.heap;

import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.timeline.Timeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real engine runs for the heap tests: a Go source compiled and run to its end into a timeline. */
final class Runs {
    private Runs() {}

    static Timeline run(String source) {
        try {
            GoProgram p = GoProgram.compile("prog.go", source, GoProfile.GO_1_19);
            Timeline t = new Timeline();
            PrintStream out = new PrintStream(OutputStream.nullOutputStream());
            p.run(Settings.defaults(), t, out, out, 50_000_000L);
            return t;
        } catch (GoProgram.CompileFailure e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A built-in lesson's program, read from resources/scenarios. */
    static Timeline lesson(String id) {
        Path p = Path.of("..", "resources", "scenarios", id, "main.go");
        try {
            return run(Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
