package dev.goroscope.app;

import dev.goroscope.app.bench.AppBench;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime image's {@code bin/goroscope}: the same commands as the repository's
 * {@code ./goroscope} script. With a first argument of {@code run}, {@code demo} or {@code bench}
 * it is the engine's command (no window, no display needed); {@code bench-app} is the app's
 * benchmark; anything else opens the window. Not an {@code Application} itself, so the Java
 * launcher does not start the toolkit before {@code main} has decided.
 */
public final class Launcher {
    private static final List<String> ENGINE = List.of("run", "demo", "bench", "help", "--help", "-h");

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0 && ENGINE.contains(args[0])) {
            dev.goroscope.engine.cli.Main.main(args);
        } else if (args.length > 0 && args[0].equals("bench-app")) {
            AppBench.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            GoroscopeApp.main(args);
        }
    }
}
