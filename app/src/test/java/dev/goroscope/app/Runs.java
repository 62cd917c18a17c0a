package dev.goroscope.app;

import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.app.session.RunRequest;
import dev.goroscope.app.session.RunSession;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.timeline.Timeline;

/** Real runs for view-model tests: a program compiled and run to its end on the calling thread. */
public final class Runs {
    private Runs() {}

    public static Timeline of(String source) {
        return of("prog.go", source, Settings.defaults());
    }

    public static Timeline of(String fileName, String source, Settings settings) {
        RunSession s = new RunSession(new RunRequest(fileName, source, settings), st -> { });
        s.start(Runnable::run);
        if (!s.state().ended()) {
            throw new IllegalStateException("run did not end: " + s.state());
        }
        return s.timeline();
    }

    private static final java.util.Map<String, Timeline> LESSONS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A built-in lesson's run as the engine records it, without the app's source-line events (so
     * event counts are the engine's own), made once per test JVM: timelines are immutable once ended.
     */
    public static Timeline lesson(String id) {
        return LESSONS.computeIfAbsent(id, k -> {
            var l = LessonLibrary.builtIn().byId(k).orElseThrow();
            try {
                var p = dev.goroscope.engine.lang.GoProgram.compile(l.fileName(), l.source(),
                        Settings.defaults().profile());
                Timeline t = new Timeline();
                var sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
                p.run(Settings.defaults(), t, sink, sink, 2_000_000_000L);
                return t;
            } catch (dev.goroscope.engine.lang.GoProgram.CompileFailure e) {
                throw new AssertionError(k + " does not compile: " + e.diagnostics(), e);
            }
        });
    }
}
