package dev.goroscope.app.settings;

import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.GoProfile;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.runtime.Sys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code goroscope run} command line that reproduces a run with some settings: the
 * environment Go itself reads (GOGC, GOMEMLIMIT, GODEBUG, GOMAXPROCS), so the same variables work
 * with {@code go run}, and the simulator's own flags. Only what differs from the default is
 * written, so a teacher can read the line aloud.
 */
record CommandLine(Map<String, String> env, List<String> flags, long maxStack) {

    static CommandLine of(Settings s, boolean exactFrames) {
        Settings d = Settings.defaults();
        Map<String, String> env = new LinkedHashMap<>();
        if (s.gogc() != d.gogc()) {
            env.put("GOGC", SettingsText.gogc(s.gogc()));
        }
        if (s.memoryLimit() != d.memoryLimit()) {
            env.put("GOMEMLIMIT", SettingsText.memoryLimit(s.memoryLimit()));
        }
        List<String> debug = new ArrayList<>();
        if (s.gctrace()) {
            debug.add("gctrace=1");
        }
        if (s.gcShrinkStackOff()) {
            debug.add("gcshrinkstackoff=1");
        }
        if (!s.adaptiveStackStart()) {
            debug.add("adaptivestackstart=0");
        }
        if (!debug.isEmpty()) {
            env.put("GODEBUG", String.join(",", debug));
        }
        if (s.gomaxprocs() != d.gomaxprocs()) {
            env.put("GOMAXPROCS", Integer.toString(s.gomaxprocs()));
        }
        List<String> flags = new ArrayList<>();
        if (s.profile() != d.profile()) {
            flags.addAll(List.of("--go", s.profile() == GoProfile.GO_1_23 ? "1.23" : "1.19"));
        }
        if (s.barrier() != d.barrier()) {
            flags.addAll(List.of("--barrier", barrierFlag(s.barrier())));
        }
        if (s.seed() != d.seed()) {
            flags.addAll(List.of("--seed", Long.toString(s.seed())));
        }
        if (exactFrames) {
            flags.addAll(List.of("--frames", "go"));
        }
        if (s.machineMemory() != d.machineMemory()) {
            flags.addAll(List.of("--machine-memory", SettingsText.size(s.machineMemory())));
        }
        return new CommandLine(Collections.unmodifiableMap(env), List.copyOf(flags), s.maxStack());
    }

    /** The value {@code --barrier} takes for a mode. */
    static String barrierFlag(BarrierMode m) {
        return switch (m) {
            case HYBRID -> "hybrid";
            case HYBRID_DOCUMENTED -> "hybrid-documented";
            case DIJKSTRA -> "dijkstra";
            case YUASA -> "yuasa";
            case NONE -> "none";
        };
    }

    /** As typed in a shell; a stack limit other than Go's default is named as the call that sets it. */
    String render(String file) {
        StringBuilder b = new StringBuilder();
        env.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        b.append("goroscope run");
        flags.forEach(f -> b.append(' ').append(f));
        b.append(' ').append(file);
        if (maxStack != Sys.MAX_STACK_SIZE) {
            b.append("   (and debug.SetMaxStack(").append(maxStack).append(") first in main)");
        }
        return b.toString();
    }
}
