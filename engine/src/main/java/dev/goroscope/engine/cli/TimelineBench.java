package dev.goroscope.engine.cli;

import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.runtime.SplitMix64;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Timeline;
import java.util.Arrays;
import java.util.List;

/**
 * Timeline benchmarks over a real 10,000,000-event run of the engine: deep call chains with
 * stack growth, allocation with pointer stores, and paced GC cycles with marking and sweeping.
 */
final class TimelineBench {
    private static final long EVENTS = 10_000_000;
    private static Timeline recorded;

    private TimelineBench() {}

    static List<Bench.Case> cases() {
        return List.of(
                new Bench.Case("seek to a random step of a 10,000,000-event run (worst of 100)", "< 200 ms", 200,
                        TimelineBench::seek),
                new Bench.Case("one step back (99th percentile of 2,000)", "< 1 ms", 1, TimelineBench::stepBack));
    }

    static synchronized Timeline timeline() {
        if (recorded != null) {
            return recorded;
        }
        Timeline t = new Timeline();
        GoRuntime rt = new GoRuntime(Settings.defaults(), t);
        SplitMix64 r = new SplitMix64(42);
        Goroutine main = rt.main();
        rt.call(main, new FuncInfo("main.main", 96, 2));
        long keep = rt.declareGlobal("main.keep", 1);
        while (t.size() < EVENTS) {
            Goroutine w = rt.go(main, FuncInfo.of("main.worker", 24));
            int depth = 50 + r.nextInt(400);
            for (int i = 0; i < depth; i++) {
                rt.call(w, new FuncInfo("main.walk", 208, 1));
                long o = rt.alloc(w, 48, 1, "main.Node");
                rt.storeSlot(w, w.depth() - 1, 0, o);
                if (i % 8 == 0) {
                    rt.storeGlobal(w, keep, 0, o);
                }
            }
            for (int i = 0; i < depth; i++) {
                rt.ret(w);
            }
            rt.exit(w);
        }
        recorded = t;
        return t;
    }

    static long seek() {
        Timeline t = timeline();
        Player p = new Player(t);
        p.seek(t.size()); // the first pass records checkpoints, as the app's first play does
        SplitMix64 r = new SplitMix64(7);
        long worst = 0;
        for (int i = 0; i < 100; i++) {
            long target = Long.remainderUnsigned(r.nextLong(), t.size() + 1);
            long t0 = System.nanoTime();
            p.seek(target);
            p.snapshot();
            worst = Math.max(worst, System.nanoTime() - t0);
        }
        return worst;
    }

    static long stepBack() {
        Timeline t = timeline();
        Player p = new Player(t);
        p.seek(t.size());
        SplitMix64 r = new SplitMix64(9);
        long[] times = new long[2000];
        for (int i = 0; i < times.length; i++) {
            if (i % 100 == 0) {
                p.seek(1 + Long.remainderUnsigned(r.nextLong(), t.size()));
            }
            long t0 = System.nanoTime();
            p.stepBack();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[times.length * 99 / 100];
    }
}
