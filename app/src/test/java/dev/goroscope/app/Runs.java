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

    public static Timeline lesson(String id) {
        var l = LessonLibrary.builtIn().byId(id).orElseThrow();
        return of(l.fileName(), l.source(), Settings.defaults());
    }
}
