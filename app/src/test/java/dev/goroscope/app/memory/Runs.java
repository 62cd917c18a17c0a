package dev.goroscope.app.memory;

import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.timeline.Timeline;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real runs of built-in lessons for the memory tests, each run once per test JVM. */
final class Runs {
    private static final Map<String, Timeline> RUNS = new ConcurrentHashMap<>();

    private Runs() {}

    static Timeline lesson(String id) {
        return RUNS.computeIfAbsent(id, Runs::run);
    }

    private static Timeline run(String id) {
        var lesson = LessonLibrary.builtIn().byId(id).orElseThrow();
        Settings settings = Settings.defaults();
        try {
            GoProgram p = GoProgram.compile(lesson.fileName(), lesson.source(), settings.profile());
            Timeline t = new Timeline();
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
            p.run(settings, t, sink, sink, 2_000_000_000L);
            return t;
        } catch (GoProgram.CompileFailure e) {
            throw new AssertionError(id + " does not compile: " + e.diagnostics(), e);
        }
    }
}
