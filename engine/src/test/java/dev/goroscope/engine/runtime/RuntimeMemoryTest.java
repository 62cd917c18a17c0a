package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.EventSink;
import org.junit.jupiter.api.Test;

/**
 * The runtime's own memory ({@link RuntimeSys}) and the scavenger ({@link Scavenger}): what the
 * memory limit pays for besides the heap, and how mapped memory is kept under it
 * (go-runtime-facts.md §4.7, §4.8).
 */
class RuntimeMemoryTest {

    @Test
    void anIdleProgramMapsWhatGo119Maps() {
        // Measured with ReadMemStats at the start of a go1.19.8 program that imports fmt.
        GoRuntime rt = new GoRuntime(Settings.defaults(), EventSink.NONE);
        MemStats m = rt.readMemStats();
        assertThat(m.gcSys()).isEqualTo(7_821_208);
        assertThat(m.otherSys()).isEqualTo(629_443);
        assertThat(m.mcacheSys()).isEqualTo(15_600);
        assertThat(m.buckHashSys()).isEqualTo(3_493);
        assertThat(m.mspanSys()).isEqualTo(32_544);
        assertThat(m.sys()).isEqualTo(m.heapSys() + m.stackSys() + m.gcSys() + m.otherSys() + m.mcacheSys()
                + m.buckHashSys() + m.mspanSys());
    }

    @Test
    void eachHeapArenaAddsItsMetadata() {
        GoRuntime rt = new GoRuntime(Settings.defaults().withGogc(-1), EventSink.NONE);
        long before = rt.readMemStats().gcSys();
        for (int i = 0; i < 1100; i++) {
            rt.alloc(rt.main(), 64 << 10, 0, "[]uint8"); // 68.75 MiB: a second 64 MiB arena
        }
        assertThat(rt.readMemStats().gcSys() - before).isEqualTo(2_171_944);
    }

    @Test
    void allocatingPastTheMemoryLimitReleasesFreePagesFirst() {
        // allocSpan: a span that takes mapped memory past the limit makes the runtime release the
        // excess at once. The live heap is small; garbage fills the rest.
        long limit = 48L << 20;
        GoRuntime rt = new GoRuntime(Settings.defaults().withGogc(-1).withMemoryLimit(limit), EventSink.NONE);
        Goroutine g = rt.main();
        long worst = 0;
        for (int i = 0; i < 4096; i++) {
            rt.alloc(g, 64 << 10, 0, "[]uint8");
            worst = Math.max(worst, rt.runtimeSys.mappedReady());
        }
        assertThat(rt.numGC()).isGreaterThan(5);
        assertThat(worst).isLessThanOrEqualTo(limit);
    }

    @Test
    void theBackgroundScavengerWorksWhenThePIsIdle() {
        // A heap grown to about 100 MB and then dropped: runtime.GC() parks the caller, the
        // scavenger woken by the cycle's start takes the idle P first and works for 1 ms, about
        // 32 MiB at the rate lesson 10 shows (Scavenger), then sleeps.
        GoRuntime rt = new GoRuntime(Settings.defaults().withGomaxprocs(1), EventSink.NONE);
        Goroutine g = rt.main();
        rt.call(g, new FuncInfo("main.main", 64, 1));
        long keep = rt.alloc(g, 8L * 1600, 1600, "[][]uint8");
        rt.storeSlot(g, 1, 0, keep);
        for (int i = 0; i < 1600; i++) {
            rt.store(g, keep, i, rt.alloc(g, 64 << 10, 0, "[]uint8"));
        }
        rt.storeSlot(g, 1, 0, 0);
        rt.runtimeGC();
        rt.runtimeGC(); // the scavenger's goal now follows a goal of 4 MiB
        long released = rt.readMemStats().heapReleased();
        long clock = rt.nanotime();
        rt.programGC(g);
        rt.schedule();
        long burst = rt.readMemStats().heapReleased() - released;
        assertThat(burst).isBetween(1L << 20, 32L << 20);
        assertThat(rt.nanotime() - clock).isGreaterThanOrEqualTo(burst * Scavenger.RELEASE_NS_PER_MIB >> 20);
    }
}
