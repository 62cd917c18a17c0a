package dev.goroscope.engine.cli;

import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Settings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The flags and environment of {@code goroscope run}. */
record RunOptions(Path file, Settings settings, boolean exactFrames, Path trace, boolean memstats, long maxSteps) {
    static final String USAGE = String.join("\n",
            "usage: goroscope run [flags] prog.go",
            "  --go 1.19|1.23        which Go release to mirror (default 1.19)",
            "  --seed N              seed of the interleaving (default 1)",
            "  --frames estimate|go  frame sizes from the estimator or from the installed Go toolchain",
            "  --barrier MODE        hybrid (default), hybrid-documented, dijkstra, yuasa, none",
            "  --gomaxprocs N        number of Ps (also GOMAXPROCS)",
            "  --trace FILE          write every event as a JSON line",
            "  --memstats            print the final MemStats to stderr",
            "  --max-steps N         stop after N instructions",
            "  --machine-memory SIZE memory of the simulated machine, e.g. 8GiB (the default), 512MiB",
            "  environment: GOGC, GOMEMLIMIT, GODEBUG (gctrace, gcpacertrace, gcshrinkstackoff, adaptivestackstart), GOMAXPROCS");

    static RunOptions parse(String[] args, Map<String, String> env) {
        Settings s = Settings.defaults();
        Path file = null;
        boolean exact = false;
        Path trace = null;
        boolean memstats = false;
        long maxSteps = Long.MAX_VALUE;
        if (env.get("GOGC") != null) {
            s = s.withGogc(gogc(env.get("GOGC")));
        }
        if (env.get("GOMEMLIMIT") != null) {
            s = s.withMemoryLimit(memLimit(env.get("GOMEMLIMIT")));
        }
        if (env.get("GOMAXPROCS") != null) {
            s = s.withGomaxprocs(Integer.parseInt(env.get("GOMAXPROCS").trim()));
        }
        s = s.withGodebug(env.get("GODEBUG"));
        for (int k = 0; k < args.length; k++) {
            String a = args[k];
            String v = null;
            if (a.startsWith("--") && a.contains("=")) {
                v = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "--go" -> s = s.withProfile(GoProfile.parse(v != null ? v : next(args, ++k, a)));
                case "--seed" -> s = s.withSeed(Long.parseLong(v != null ? v : next(args, ++k, a)));
                case "--barrier" -> s = s.withBarrier(BarrierMode.parse(v != null ? v : next(args, ++k, a)));
                case "--gomaxprocs" -> s = s.withGomaxprocs(Integer.parseInt(v != null ? v : next(args, ++k, a)));
                case "--frames" -> {
                    String f = v != null ? v : next(args, ++k, a);
                    if (!f.equals("go") && !f.equals("estimate")) {
                        throw new IllegalArgumentException("--frames takes estimate or go, not " + f);
                    }
                    exact = f.equals("go");
                }
                case "--trace" -> trace = Path.of(v != null ? v : next(args, ++k, a));
                case "--memstats" -> memstats = true;
                case "--max-steps" -> maxSteps = Long.parseLong(v != null ? v : next(args, ++k, a));
                case "--machine-memory" -> {
                    long bytes = memLimit(v != null ? v : next(args, ++k, a));
                    if (bytes == Long.MAX_VALUE || bytes < (64L << 20)) {
                        throw new IllegalArgumentException("--machine-memory takes a size of at least 64MiB");
                    }
                    s = s.withMachineMemory(bytes);
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown flag " + a);
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("one .go file, please (got " + file + " and " + a + ")");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no .go file given");
        }
        return new RunOptions(file, s, exact, trace, memstats, maxSteps);
    }

    private static String next(String[] args, int k, String flag) {
        if (k >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[k];
    }

    static int gogc(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("off") ? -1 : Integer.parseInt(t);
    }

    /** GOMEMLIMIT: a number of bytes with an optional B, KiB, MiB, GiB or TiB suffix, or off. */
    static long memLimit(String v) {
        String t = v.trim();
        if (t.equals("off")) {
            return Long.MAX_VALUE;
        }
        long mult = 1;
        for (String[] u : new String[][] {{"TiB", "1099511627776"}, {"GiB", "1073741824"}, {"MiB", "1048576"},
                {"KiB", "1024"}, {"B", "1"}}) {
            if (t.endsWith(u[0])) {
                mult = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
        }
    }
}
