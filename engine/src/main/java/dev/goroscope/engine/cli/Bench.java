package dev.goroscope.engine.cli;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoFatal;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.runtime.WaitReason;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code goroscope bench}: the engine's speed targets, measured and printed as a table. Each
 * benchmark runs once to warm up and then three times; the table shows the median. These are
 * measurements on whatever machine runs them, not pass/fail tests.
 */
final class Bench {
    private Bench() {}

    /** One benchmark: a name, its target in milliseconds, and a run returning nanoseconds. */
    record Case(String name, String target, double targetMs, LongSupplier run) {}

    static int run(PrintStream out, String[] args) {
        List<Case> cases = new ArrayList<>(List.of(
                new Case("recursion of 1,104-byte frames to the default-limit overflow", "< 1 s", 1000,
                        () -> overflow(EventSink.NONE)),
                new Case("  the same, recorded into a timeline", "< 1 s", 1000,
                        () -> overflow(new dev.goroscope.engine.timeline.Timeline())),
                new Case("1,000,000 goroutines spawned and parked", "< 5 s", 5000, Bench::goroutines),
                new Case("GC cycle over 1,000,000 heap objects", "< 1 s", 1000, Bench::gcCycle)));
        cases.addAll(TimelineBench.cases());
        cases.addAll(GoBench.cases());
        String only = args.length > 0 ? args[0] : null;
        out.printf("Goroscope engine benchmarks (JVM max heap %d MiB, %d cores)%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        out.printf("%-64s %-9s %12s  %s%n", "benchmark", "target", "median", "");
        for (Case c : cases) {
            if (only != null && !c.name().contains(only)) {
                continue;
            }
            c.run().getAsLong(); // warm-up
            long[] t = new long[3];
            for (int i = 0; i < t.length; i++) {
                System.gc();
                t[i] = c.run().getAsLong();
            }
            Arrays.sort(t);
            double ms = t[1] / 1e6;
            out.printf("%-64s %-9s %12s  %s%n", c.name(), c.target(), fmt(ms), ms <= c.targetMs() ? "ok" : "SLOW");
        }
        if (only == null || "native".contains(only)) {
            GoBench.versusNative(out);
        }
        return 0;
    }

    static String fmt(double ms) {
        return ms >= 100 ? String.format("%,.0f ms", ms) : ms >= 1 ? String.format("%.1f ms", ms)
                : String.format("%.1f us", ms * 1000);
    }

    static long overflow(EventSink sink) {
        GoRuntime rt = new GoRuntime(Settings.defaults(), sink);
        Goroutine g = rt.main();
        FuncInfo f = FuncInfo.of("main.f", 1104);
        long t0 = System.nanoTime();
        try {
            while (true) {
                rt.call(g, f);
            }
        } catch (GoFatal expected) {
            return System.nanoTime() - t0;
        }
    }

    static long goroutines() {
        GoRuntime rt = new GoRuntime(Settings.defaults(), EventSink.NONE);
        FuncInfo f = FuncInfo.of("main.main.func1", 88);
        long t0 = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            rt.block(rt.go(rt.main(), f), WaitReason.CHAN_RECEIVE);
        }
        return System.nanoTime() - t0;
    }

    static long gcCycle() {
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false), EventSink.NONE);
        Goroutine g = rt.main();
        long root = rt.declareGlobal("main.list", 1);
        long prev = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long o = rt.alloc(g, 16, 1, "main.Node");
            if (prev != 0) {
                rt.store(g, o, 0, prev);
            }
            prev = o;
        }
        rt.storeGlobal(g, root, 0, prev);
        long t0 = System.nanoTime();
        rt.runtimeGC();
        long t = System.nanoTime() - t0;
        if (rt.readMemStats().heapObjects() < 1_000_000 || rt.numGC() != 1) {
            throw new IllegalStateException("the GC benchmark lost objects: " + rt.readMemStats().heapObjects());
        }
        return t;
    }
}
