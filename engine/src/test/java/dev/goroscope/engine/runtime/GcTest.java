package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collector against go-runtime-facts.md §4.2-§4.7. */
class GcTest {
    private final List<Event> events = new ArrayList<>();

    @Test
    void firstHeapGoalIs4MiBAndTheFirstCycleStartsBeforeIt() {
        // §4.7: every program's first goal is 4 MB; the trigger is 61/64 of the way to it.
        GoRuntime rt = new GoRuntime(Settings.defaults(), events::add);
        assertThat(rt.heapGoal()).isEqualTo(4L << 20);
        Goroutine g = rt.main();
        while (rt.numGC() == 0) {
            rt.alloc(g, 1024, 0, "[1024]byte");
        }
        GcEvent.GcCycleStarted start = (GcEvent.GcCycleStarted) events.stream()
                .filter(e -> e instanceof GcEvent.GcCycleStarted).findFirst().orElseThrow();
        assertThat(start.heapGoal()).isEqualTo(4L << 20);
        assertThat(start.trigger()).isEqualTo("heap");
        assertThat(start.heapLive()).isBetween((4L << 20) * 61 / 64, (4L << 20) * 61 / 64 + 2048);
        GcEvent.GcCycleEnded end = (GcEvent.GcCycleEnded) events.stream()
                .filter(e -> e instanceof GcEvent.GcCycleEnded).findFirst().orElseThrow();
        assertThat(end.gctrace()).startsWith("gc 1 @").contains("3->").contains("MB, 4 MB goal, ").endsWith("2 P");
    }

    @Test
    void goalCountsStacksAndGlobals() {
        // §4.7: goal = marked + (marked + lastStackScan + globalsScan) * GOGC/100, at least 4 MiB*GOGC/100.
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false), events::add);
        Goroutine g = rt.main();
        rt.call(g, new FuncInfo("main.main", 64, 1));
        long glob = rt.declareGlobal("main.keep", 1);
        long big = rt.alloc(g, 8L << 20, 0, "[8 MiB]byte"); // a large object: one span
        rt.storeGlobal(g, glob, 0, big);
        rt.runtimeGC();
        GcEvent.GcCycleEnded end = (GcEvent.GcCycleEnded) events.stream()
                .filter(e -> e instanceof GcEvent.GcCycleEnded).reduce((a, b) -> b).orElseThrow();
        long marked = end.marked();
        assertThat(marked).isGreaterThanOrEqualTo(8L << 20);
        assertThat(end.nextGoal()).isEqualTo(marked + marked + end.stackScan() + end.globalsScan());
        rt.setGCPercent(50);
        assertThat(rt.heapGoal()).isEqualTo(marked + (marked + end.stackScan() + end.globalsScan()) * 50 / 100);
    }

    @Test
    void gogcOffNeverTriggers() {
        GoRuntime rt = new GoRuntime(Settings.defaults().withGogc(-1), events::add);
        for (int i = 0; i < 20_000; i++) {
            rt.alloc(rt.main(), 1024, 0, "[1024]byte");
        }
        assertThat(rt.numGC()).isZero();
    }

    @Test
    void memoryLimitDrivesGcEvenWithGogcOff() {
        // §4.7: GOMEMLIMIT caps the goal at limit - non-heap memory - 3% headroom (at least 1 MiB).
        long limit = 32L << 20;
        GoRuntime rt = new GoRuntime(Settings.defaults().withGogc(-1).withMemoryLimit(limit), events::add);
        long maxMapped = 0;
        for (int i = 0; i < 100_000; i++) {
            rt.alloc(rt.main(), 1024, 0, "[1024]byte");
            MemStats m = rt.readMemStats();
            maxMapped = Math.max(maxMapped, m.heapInuse() + m.stackInuse());
        }
        assertThat(rt.numGC()).isGreaterThan(2);
        assertThat(maxMapped).isLessThanOrEqualTo(limit);
        assertThat(rt.heapGoal()).isLessThan(limit);
    }

    @Test
    void objectsAllocatedDuringMarkAreBlack() {
        // §4.5: allocation is black while gcphase != _GCoff.
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false).withBackgroundMark(false), events::add);
        Goroutine g = rt.main();
        long white = rt.alloc(g, 64, 0, "main.T");
        rt.gcStart();
        assertThat(rt.gcphase()).isEqualTo(GcPhase.MARK);
        long black = rt.alloc(g, 64, 0, "main.T");
        assertThat(rt.object(black).isBlack()).isTrue();
        assertThat(rt.object(white).isWhite()).isTrue();
        rt.gcFinish();
        // The unreachable white object was swept; the black one survives this cycle.
        assertThat(rt.object(white)).isNull();
        assertThat(rt.object(black)).isNotNull();
    }

    /**
     * The lost-object scenario of lesson 9: the stack is already scanned (black); the program
     * moves the only pointer to a white object from a grey object into a black one, and deletes
     * it from the grey one. Without a barrier nobody shades it.
     */
    private GoRuntime lostObjectScenario(BarrierMode mode) {
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false).withBackgroundMark(false)
                .withBarrier(mode), events::add);
        rt.setCheckLostObjects(true);
        Goroutine g = rt.main();
        rt.call(g, new FuncInfo("main.main", 64, 3));
        long a = rt.alloc(g, 16, 1, "main.Node");
        long b = rt.alloc(g, 16, 1, "main.Node");
        long c = rt.alloc(g, 16, 0, "main.Leaf");
        rt.storeSlot(g, 1, 0, a);
        rt.storeSlot(g, 1, 1, b);
        rt.store(g, a, 0, c);       // a -> c
        rt.storeSlot(g, 1, 2, 0);
        rt.gcStart();
        while (g.scannedCycle != 1) {
            rt.gcStep(1);           // root jobs until main's stack is scanned: a and b are grey
        }
        while (!rt.object(b).isBlack()) {
            rt.gcStep(1);           // the other roots, then b (the grey queue is LIFO)
        }
        assertThat(rt.object(a).isGrey()).isTrue();
        long p = rt.load(g, a, 0);  // the program holds c in a register/stack slot...
        rt.store(g, b, 0, p);       // ...stores it into black b...
        rt.store(g, a, 0, 0);       // ...and deletes it from grey a.
        rt.gcFinish();
        return rt;
    }

    @Test
    void withoutABarrierTheCollectorLosesALiveObjectAndTheUseIsDetected() {
        GoRuntime rt = lostObjectScenario(BarrierMode.NONE);
        List<GcEvent.FreedObject> lost = events.stream().filter(e -> e instanceof GcEvent.SpanSwept)
                .flatMap(e -> ((GcEvent.SpanSwept) e).freed().stream()).filter(GcEvent.FreedObject::lost).toList();
        assertThat(lost).extracting(GcEvent.FreedObject::typeName).containsExactly("main.Leaf");
        Goroutine g = rt.main();
        long b = rt.loadSlot(g, 1, 1);
        assertThatThrownBy(() -> rt.load(g, b, 0)).isInstanceOf(GoFatal.class)
                .satisfies(t -> assertThat(((GoFatal) t).stderr()).contains("fatal error: found pointer to free object"));
        assertThat(rt.finished()).isTrue();
    }

    @Test
    void everyBarrierButNoneKeepsTheObject() {
        for (BarrierMode m : new BarrierMode[] {BarrierMode.HYBRID, BarrierMode.HYBRID_DOCUMENTED,
                BarrierMode.DIJKSTRA, BarrierMode.YUASA}) {
            events.clear();
            GoRuntime rt = lostObjectScenario(m);
            Goroutine g = rt.main();
            long b = rt.loadSlot(g, 1, 1);
            long c = rt.load(g, b, 0);
            assertThat(rt.object(c)).as(m.name()).isNotNull();
            assertThat(events).as(m.name()).noneMatch(e -> e instanceof GcEvent.SpanSwept s
                    && s.freed().stream().anyMatch(GcEvent.FreedObject::lost));
        }
    }

    @Test
    void hybridBarrierShadesBothValues() {
        // §4.4: Go's implementation shades the old and the new value whenever the barrier is on.
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false).withBackgroundMark(false), events::add);
        Goroutine g = rt.main();
        long glob = rt.declareGlobal("main.g", 1);
        long x = rt.alloc(g, 16, 0, "main.X");
        long y = rt.alloc(g, 16, 0, "main.Y");
        rt.storeGlobal(g, glob, 0, x);
        rt.gcStart();
        events.clear();
        rt.storeGlobal(g, glob, 0, y);
        assertThat(events).filteredOn(e -> e instanceof GcEvent.BarrierShaded)
                .extracting(e -> ((GcEvent.BarrierShaded) e).reason())
                .containsExactly(GcEvent.ShadeReason.OLD_VALUE, GcEvent.ShadeReason.NEW_VALUE);
    }
}
