package dev.goroscope.engine.cli;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.runtime.WaitReason;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * The built-in demo: a short lesson driven through the Java driver API, printed as narration.
 * A worker recurses until its stack has grown to 64 KiB, returns and parks; three forced GCs
 * halve its stack once each; then a GC runs by hand while the program moves a pointer, so the
 * write barrier shades both the old and the new value.
 */
final class Demo {
    /** Kinds printed by default: everything except single calls, returns and span bookkeeping. */
    private static final Set<EventKind> QUIET = EnumSet.of(EventKind.FRAME, EventKind.SPAN, EventKind.SCHEDULE);

    private Demo() {}

    static int run(PrintStream out, boolean all) {
        int[] n = {0};
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false).withBackgroundMark(false), e -> {
            n[0]++;
            if (all || !QUIET.contains(e.kind())) {
                print(out, n[0], e);
            }
        });
        Goroutine main = rt.main();
        rt.call(main, new FuncInfo("main.main", 96, 3));
        rt.say("A goroutine starts with 2 KiB. Watch it recurse: each time the prologue check fails, "
                + "newstack doubles the stack and copies the used part.");
        Goroutine w = rt.go(main, FuncInfo.of("main.worker", 24));
        int depth = 0;
        while (w.stackSize() < 64 * 1024) {
            rt.call(w, FuncInfo.of("main.recurse", 1104));
            depth++;
        }
        rt.say("The recursion is " + depth + " calls deep. Now it returns all the way: the stack stays 64 KiB.");
        for (int i = 0; i < depth; i++) {
            rt.ret(w);
        }
        rt.block(w, WaitReason.CHAN_RECEIVE);
        rt.say("Only the GC shrinks stacks, by half per cycle, while it scans them.");
        for (int i = 0; i < 3; i++) {
            rt.runtimeGC();
        }
        rt.say("Now a GC cycle by hand. main holds a -> c in the heap and b on its stack.");
        long a = rt.alloc(main, 16, 1, "main.Node");
        long b = rt.alloc(main, 16, 1, "main.Node");
        long c = rt.alloc(main, 16, 0, "main.Leaf");
        rt.storeSlot(main, 1, 0, a);
        rt.storeSlot(main, 1, 1, b);
        rt.store(main, a, 0, c);
        rt.gcStart();
        rt.gcStep(3);
        rt.say("While marking runs, main moves c from a to b. The hybrid barrier shades old and new values.");
        rt.store(main, b, 0, c);
        rt.store(main, a, 0, 0);
        rt.gcFinish();
        rt.ret(main);
        rt.exitProgram();
        out.printf("%n%,d events. StackInuse %,d B, HeapAlloc %,d B, NumGC %d.%n", n[0],
                rt.readMemStats().stackInuse(), rt.readMemStats().heapAlloc(), rt.numGC());
        return 0;
    }

    private static void print(PrintStream out, int step, Event e) {
        out.printf("%6d  %-14s %s%n", step, e.kind().label(), e.narration());
    }
}
