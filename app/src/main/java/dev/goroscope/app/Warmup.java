package dev.goroscope.app;

import dev.goroscope.app.lessons.LessonLibrary;
import dev.goroscope.engine.lang.GoProgram;
import dev.goroscope.engine.runtime.GoProfile;

/**
 * Start-up: while JavaFX starts its toolkit and builds the window, a background thread compiles
 * the first lesson once and throws the result away, so that the parser, checker and compiler are
 * loaded and warm by the time the window asks for the real run (the window is up sooner).
 */
public final class Warmup {
    private Warmup() {}

    /** Starts the warm-up on a daemon thread; returns at once. */
    public static void start(String lessonId) {
        Thread t = new Thread(() -> {
            LessonLibrary.builtIn().byId(lessonId).ifPresent(l -> {
                try {
                    GoProgram.compile(l.fileName(), l.source(), GoProfile.GO_1_19);
                } catch (GoProgram.CompileFailure | RuntimeException e) {
                    // Only a warm-up: the real compile reports any problem properly.
                }
            });
        }, "goroscope-warmup");
        t.setDaemon(true);
        t.start();
    }
}
