package dev.goroscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.runtime.BarrierMode;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoFatal;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import dev.goroscope.engine.runtime.MemStats;
import dev.goroscope.engine.runtime.Settings;
import dev.goroscope.engine.runtime.SplitMix64;
import dev.goroscope.engine.runtime.WaitReason;
import java.util.EnumSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The timeline fed by the real engine: every event must fit the replica's state, and the
 * replica's figures at the end must be the engine's own MemStats.
 */
class EngineReplicaTest {

    static void assertSameFigures(GoRuntime rt, Snapshot s) {
        MemStats m = rt.readMemStats();
        MemFigures f = s.mem();
        assertThat(f.stackInuse()).as("StackInuse").isEqualTo(m.stackInuse());
        assertThat(f.heapAlloc()).as("HeapAlloc").isEqualTo(m.heapAlloc());
        assertThat(f.heapObjects()).as("HeapObjects").isEqualTo(m.heapObjects());
        assertThat(f.mallocs()).as("Mallocs").isEqualTo(m.mallocs());
        assertThat(f.frees()).as("Frees").isEqualTo(m.frees());
        assertThat(f.heapInuse()).as("HeapInuse").isEqualTo(m.heapInuse());
        assertThat(f.heapIdle()).as("HeapIdle").isEqualTo(m.heapIdle());
        assertThat(f.heapSys()).as("HeapSys").isEqualTo(m.heapSys());
        assertThat(f.heapReleased()).as("HeapReleased").isEqualTo(m.heapReleased());
        assertThat(f.numGc()).as("NumGC").isEqualTo(m.numGC());
        assertThat(f.goroutines()).as("goroutines: runtime.NumGoroutine").isEqualTo(rt.numGoroutine());
    }

    /** A program that exercises growth, shrink, goroutine exit and reuse, the heap and the GC. */
    static GoRuntime workload(Timeline t, long seed, BarrierMode mode) {
        GoRuntime rt = new GoRuntime(Settings.defaults().withSeed(seed).withBarrier(mode), t);
        SplitMix64 r = new SplitMix64(seed);
        Goroutine main = rt.main();
        rt.call(main, new FuncInfo("main.main", 96, 2));
        long glob = rt.declareGlobal("main.keep", 1);
        for (int round = 0; round < 6; round++) {
            Goroutine w = rt.go(main, FuncInfo.of("main.worker", 24));
            int depth = 1 + r.nextInt(40);
            for (int i = 0; i < depth; i++) {
                rt.call(w, new FuncInfo("main.rec", 64 + 8L * r.nextInt(200), 1));
                if (r.nextInt(4) == 0) {
                    rt.storeSlot(w, w.depth() - 1, 0, rt.alloc(w, 16 + r.nextInt(300), 1, "main.T"));
                }
            }
            for (int i = 0; i < 3000; i++) {
                long o = rt.alloc(main, 16 + r.nextInt(2000), 1, "main.Garbage");
                if (r.nextInt(50) == 0) {
                    rt.storeGlobal(main, glob, 0, o);
                }
            }
            for (int i = 0; i < depth; i++) {
                rt.ret(w);
            }
            if (r.nextInt(2) == 0) {
                rt.exit(w);
            } else {
                rt.block(w, WaitReason.CHAN_RECEIVE);
            }
            if (round % 2 == 1) {
                rt.runtimeGC();
            }
        }
        rt.freeOSMemory();
        return rt;
    }

    @Property(tries = 12)
    void replicaFollowsTheEngineExactly(@ForAll long seed, @ForAll BarrierMode mode) {
        Timeline t = new Timeline();
        GoRuntime rt = workload(t, seed, mode);
        Player p = new Player(t);
        p.seek(t.size());
        assertSameFigures(rt, p.snapshot());
        // Seeking back and forth agrees with folding from scratch.
        SplitMix64 r = new SplitMix64(seed ^ 0x5eed);
        for (int i = 0; i < 5; i++) {
            long pos = Long.remainderUnsigned(r.nextLong(), t.size() + 1);
            p.seek(pos);
            Snapshot viaSeek = p.snapshot();
            Player fresh = new Player(t);
            while (fresh.position() < pos) {
                fresh.stepForward();
            }
            assertThat(viaSeek).isEqualTo(fresh.snapshot());
        }
    }

    @Test
    void overflowRunEndsWithTheFatalLinesOnce() {
        Timeline t = new Timeline();
        GoRuntime rt = new GoRuntime(Settings.defaults(), t);
        rt.setMaxStack(1 << 20);
        try {
            while (true) {
                rt.call(rt.main(), FuncInfo.of("main.f", 1104));
            }
        } catch (GoFatal expected) {
            // the run is over
        }
        Player p = new Player(t);
        p.seek(t.size());
        Snapshot s = p.snapshot();
        assertThat(s.fatal().get(0)).isEqualTo("runtime: goroutine stack exceeds 1048576-byte limit");
        assertThat(s.fatal()).filteredOn(l -> l.equals("fatal error: stack overflow")).hasSize(1);
        GoroutineView g1 = s.goroutines().get(0);
        assertThat(g1.hi() - g1.lo()).isEqualTo(1 << 20);
        // ~940 frames of main.f are one run.
        assertThat(g1.frames()).filteredOn(r -> r.function().equals("main.f")).hasSize(1);
        assertSameFigures(rt, s);
        // Back to the previous growth and forward again.
        assertThat(p.runToPrevious(EnumSet.of(EventKind.STACK_GROW))).isTrue();
        assertThat(p.snapshot().fatal()).isEmpty();
    }
}
