package dev.goroscope.engine.cli;

import dev.goroscope.engine.runtime.Settings;
import java.util.List;
import java.util.Map;

/**
 * What {@code goroscope run} would make of some flags and an environment, for an embedding app
 * that wants its own settings to mean exactly what the command line means (and to show the
 * command line that reproduces a run). It goes through the same parser as the command itself.
 *
 * @param settings    the runtime settings the run would use
 * @param exactFrames {@code --frames go}: frame sizes from the installed Go toolchain
 */
public record RunFlags(Settings settings, boolean exactFrames) {

    /**
     * Parses {@code args} (flags and the program's file name, as after {@code goroscope run})
     * with {@code env} as the environment (GOGC, GOMEMLIMIT, GODEBUG, GOMAXPROCS).
     *
     * @throws IllegalArgumentException with the command's own message for a bad flag or value
     */
    public static RunFlags parse(List<String> args, Map<String, String> env) {
        RunOptions o = RunOptions.parse(args.toArray(String[]::new), env);
        return new RunFlags(o.settings(), o.exactFrames());
    }

}
