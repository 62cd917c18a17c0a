package dev.goroscope.app.session;

import dev.goroscope.engine.runtime.Settings;

/**
 * What to run: a program's text under a file name, with the runtime's settings.
 *
 * @param exactFrames take frame sizes from the installed Go toolchain instead of the estimator
 * @param maxSteps    instructions after which the run stops (a runaway program)
 */
public record RunRequest(String fileName, String source, Settings settings, boolean exactFrames, long maxSteps) {

    /** The default budget: enough for every lesson, small enough that a runaway loop ends. */
    public static final long DEFAULT_MAX_STEPS = 2_000_000_000L;

    public RunRequest(String fileName, String source, Settings settings) {
        this(fileName, source, settings, false, DEFAULT_MAX_STEPS);
    }
}
