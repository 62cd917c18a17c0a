package dev.goroscope.app.util;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The two threads a view model deals with: the UI thread, where properties change, and the
 * worker, where the engine compiles and runs. Tests give a same-thread pair, which makes the
 * asynchronous code deterministic.
 */
public record Threads(Executor ui, Executor worker) {

    /** Everything on the calling thread (tests). */
    public static Threads direct() {
        return new Threads(Runnable::run, Runnable::run);
    }

    /** The app's: {@code ui} is {@code Platform::runLater}; one daemon worker for the engine. */
    public static Threads app(Executor ui) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "goroscope-engine", 256L << 20); // deep checker recursion needs room
            t.setDaemon(true);
            return t;
        });
        return new Threads(ui, worker);
    }
}
