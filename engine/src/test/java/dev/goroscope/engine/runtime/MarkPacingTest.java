package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who marks, and when, against go1.19.8 on this machine (go-runtime-facts.md §4.6): assists,
 * background workers and idle Ps on the virtual clock ({@link Assist}, {@link MarkWorkers}).
 */
class MarkPacingTest {
    private final List<Event> events = new ArrayList<>();

    private List<GcEvent.GcCycleEnded> cycles() {
        return events.stream().filter(e -> e instanceof GcEvent.GcCycleEnded).map(e -> (GcEvent.GcCycleEnded) e).toList();
    }

    /** The mark CPU fields of a gctrace line: assist, background, idle (ms). */
    private static String[] markCpu(String gctrace) {
        String cpu = gctrace.substring(gctrace.indexOf("ms clock, ") + 10, gctrace.indexOf(" ms cpu"));
        String mark = cpu.substring(cpu.indexOf('+') + 1, cpu.lastIndexOf('+'));
        return mark.split("/");
    }

    @Test
    void withOnePAnAllocatingLoopIsMarkedByItsOwnAssists() {
        // Lesson 11's loop, 100,000 requests of a 24-byte buffer and its 4 KiB array. go1.19.8 ran
        // 130 cycles, every one with 0 ms of background and idle marking, each allocating about
        // 0.8 MB during its mark: what the assist that scans the globals' 223 KB is credited.
        GoRuntime rt = new GoRuntime(Settings.defaults().withGomaxprocs(1), events::add);
        Goroutine g = rt.main();
        rt.call(g, new FuncInfo("main.handle", 64, 1));
        for (int i = 0; i < 100_000; i++) {
            long b = rt.alloc(g, 24, 1, "main.buffer");
            rt.storeSlot(g, 1, 0, b);
            rt.store(g, b, 0, rt.alloc(g, 4096, 0, "[]uint8"));
        }
        List<GcEvent.GcCycleEnded> ends = cycles();
        assertThat(ends.size()).isBetween(117, 143);
        for (GcEvent.GcCycleEnded e : ends.subList(5, ends.size())) {
            String[] cpu = markCpu(e.gctrace());
            assertThat(cpu[1]).as(e.gctrace()).isEqualTo("0");
            assertThat(cpu[2]).as(e.gctrace()).isEqualTo("0");
            assertThat(e.heap1() - e.heap0()).as(e.gctrace()).isBetween(600_000L, 1_000_000L);
        }
    }

    @Test
    void anIdlePMarksAlongsideTheProgram() {
        // With 2 Ps and one goroutine, the other P runs an idle worker: the mark ends without an
        // assist while the program only calls and returns.
        GoRuntime rt = new GoRuntime(Settings.defaults(), events::add);
        Goroutine g = rt.main();
        rt.gcStart();
        events.clear();
        rt.gc.manual = false; // marked by the runtime, not stepped by a lesson
        for (int i = 0; i < 200_000 && rt.gcphase() == GcPhase.MARK; i++) {
            rt.call(g, FuncInfo.of("main.f", 32));
            rt.ret(g);
        }
        assertThat(rt.gcphase()).isEqualTo(GcPhase.OFF);
        String[] cpu = markCpu(cycles().get(0).gctrace());
        assertThat(cpu[0]).isEqualTo("0");
        assertThat(cpu[2]).isNotEqualTo("0");
    }

    @Test
    void withOnePSysmonsPreemptionLetsTheFractionalWorkerFinishTheMark() {
        // One P, a goroutine that neither allocates nor blocks: no assist, no idle P. After 10 ms
        // sysmon preempts it (forcePreemptNS) and the fractional worker, behind its 25%, marks.
        GoRuntime rt = new GoRuntime(Settings.defaults().withGomaxprocs(1), events::add);
        Goroutine g = rt.main();
        rt.gcStart();
        rt.gc.manual = false;
        long start = rt.nanotime();
        while (rt.gcphase() == GcPhase.MARK && rt.nanotime() - start < 50_000_000) {
            rt.call(g, FuncInfo.of("main.f", 32));
            rt.ret(g);
        }
        assertThat(rt.gcphase()).isEqualTo(GcPhase.OFF);
        assertThat(rt.nanotime() - start).isGreaterThanOrEqualTo(MarkWorkers.FORCE_PREEMPT_NS);
        String[] cpu = markCpu(cycles().get(0).gctrace());
        assertThat(cpu[1]).isNotEqualTo("0");
    }

    @Test
    void runtimeGcMarksOnTheIdlePAndTheClockMovesWithTheWork() {
        // GOMAXPROCS=1, an empty program: go1.19.8 spent 0.053-0.059 ms marking a forced cycle,
        // all of it idle or fractional worker time, none of it assists.
        GoRuntime rt = new GoRuntime(Settings.defaults().withGomaxprocs(1), events::add);
        Goroutine g = rt.main();
        long before = rt.nanotime();
        rt.programGC(g);
        assertThat(rt.schedule()).isSameAs(g);
        String trace = cycles().get(0).gctrace();
        assertThat(trace).endsWith("1 P (forced)");
        String[] cpu = markCpu(trace);
        assertThat(cpu[0]).isEqualTo("0");
        long marked = rt.nanotime() - before - GcCosts.SWEEP_TERMINATION_NS - GcCosts.MARK_TERMINATION_NS;
        assertThat(marked).isBetween(40_000L, 80_000L);
    }

    @Test
    void objectsWithoutPointersAreBlackOnceMarked() {
        // greyobject: a noscan object is never queued, so never grey
        GoRuntime rt = new GoRuntime(Settings.defaults().withPacedGc(false).withBackgroundMark(false), events::add);
        Goroutine g = rt.main();
        rt.call(g, new FuncInfo("main.main", 64, 2));
        long bytes = rt.alloc(g, 4096, 0, "[]uint8");
        long node = rt.alloc(g, 16, 1, "main.node");
        rt.storeSlot(g, 1, 0, bytes);
        rt.storeSlot(g, 1, 1, node);
        rt.gcStart();
        while (g.scannedCycle != 1) {
            rt.gcStep(1);
        }
        assertThat(rt.object(bytes).isBlack()).isTrue();
        assertThat(rt.object(node).isGrey()).isTrue();
    }

    @Test
    void theFirstCycleStartsAMarkWorkerPerP() {
        // gcBgMarkStartWorkers: a G (416 B) and its 32-byte node per P, two allocations of 448 bytes
        // a P: lesson 11's loop counts 200,002 allocations for 200,000 objects under go1.19.8
        GoRuntime rt = new GoRuntime(Settings.defaults().withGomaxprocs(1), events::add);
        MemStats before = rt.readMemStats();
        rt.gcStart();
        MemStats after = rt.readMemStats();
        assertThat(after.mallocs() - before.mallocs()).isEqualTo(2);
        assertThat(after.totalAlloc() - before.totalAlloc()).isEqualTo(448);
        assertThat(rt.goroutines()).filteredOn(x -> x.markWorker).hasSize(1)
                .allMatch(x -> x.waitReason() == WaitReason.GC_WORKER_IDLE);
        assertThat(rt.numGoroutine()).isEqualTo(1);
    }

    @Test
    void gomaxprocsResizesThePsAndTheCollectorFollows() {
        GoRuntime rt = new GoRuntime(Settings.defaults(), events::add);
        Goroutine g = rt.main();
        Goroutine other = rt.go(g, FuncInfo.of("main.worker", 32));
        rt.procs.ps[1].runq.addLast(rt.procs.ps[0].runnext);
        rt.procs.ps[0].runnext = null;
        other.p = 1;
        assertThat(rt.gomaxprocs(g, 1)).isEqualTo(2);
        assertThat(rt.gomaxprocs(g, 0)).isEqualTo(1);
        assertThat(rt.procs.globalRunq).containsExactly(other); // p.destroy moved its run queue
        assertThat(other.p).isZero();
        rt.runtimeGC();
        assertThat(cycles().get(0).gctrace()).endsWith("1 P (forced)");
    }
}
