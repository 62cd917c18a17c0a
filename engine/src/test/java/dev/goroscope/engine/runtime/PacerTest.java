package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The pacer's arithmetic against mgcpacer.go (go-runtime-facts.md §4.7) and against what go1.19.8
 * printed on this machine.
 */
class PacerTest {
    /** A runtime's memory as the memory-limit goal reads it. */
    private record Mem(long mappedReady, long heapFree, long heapAlloc) implements Pacer.Memory {}

    @Test
    void memoryLimitGoalIsWhatGo119Reports() {
        // Measured: a go1.19.8 program's ReadMemStats at the start of main gave Sys - HeapReleased
        // 8,829,968, free 32,768, HeapAlloc 46,056 and NextGC 57,309,144 under a 64 MiB limit with
        // GOGC off: 64 MiB - (mappedReady - heapFree - heapAlloc) - 1 MiB (1.19's fixed headroom).
        Pacer p = new Pacer(GoProfile.GO_1_19, -1, 64L << 20, new Mem(8_829_968, 32_768, 46_056));
        assertThat(p.heapGoal()).isEqualTo(57_309_144L);
        // Without a limit the same arithmetic runs from MaxInt64: NextGC 9,223,372,036,844,975,991.
        Pacer off = new Pacer(GoProfile.GO_1_19, -1, Long.MAX_VALUE, new Mem(8_829_968, 32_768, 45_960));
        assertThat(off.heapGoal()).isEqualTo(9_223_372_036_844_975_991L);
    }

    @Test
    void go121AndLaterKeepThreePercentHeadroom() {
        Pacer p = new Pacer(GoProfile.GO_1_23, -1, 64L << 20, new Mem(8_829_968, 32_768, 46_056));
        long room = (64L << 20) - (8_829_968 - 32_768 - 46_056);
        assertThat(p.heapGoal()).isEqualTo(room - room / 100 * 3);
    }

    @Test
    void overageAndNonHeapMemoryComeOffTheLimitButNeverBelowTheMarkedHeap() {
        long limit = 64L << 20;
        // 100 MiB mapped, 30 MiB of it free: 36 MiB over the limit
        Pacer p = new Pacer(GoProfile.GO_1_19, -1, limit, new Mem(100L << 20, 30L << 20, 60L << 20));
        long nonHeap = (100L << 20) - (30L << 20) - (60L << 20);
        assertThat(p.heapGoal()).isEqualTo(limit - nonHeap - (36L << 20) - (1L << 20));
        p.heapMarked = 20L << 20;
        assertThat(p.heapGoal()).isEqualTo(20L << 20);
    }

    @Test
    void theTriggerMovesFromItsCeilingToItsFloorAsConsMarkGrows() {
        Pacer p = new Pacer(GoProfile.GO_1_19, 100, Long.MAX_VALUE, new Mem(0, 0, 0));
        p.heapMarked = 1L << 20;
        p.commit(1L << 20, true);
        long goal = p.heapGoal();
        assertThat(goal).isEqualTo(Math.max(Sys.DEFAULT_HEAP_MINIMUM, (1L << 20) * 2 + Sys.RUNTIME_GLOBALS_BYTES));
        // no cons/mark yet: no runway, so the trigger is at 61/64 (integer division first, as Go)
        assertThat(p.trigger()).isEqualTo((goal - (1L << 20)) / 64 * 61 + (1L << 20));
        // a cycle that allocated 3 MiB during a mark of 277 KB of scan work at 50% utilization
        p.startCycle(0, 1, 3L << 20, false, () -> 0);
        p.heapScanWork = 277_000;
        p.assistTime = 250;
        assertThat(p.endCycle(1000, 1, p.triggered + (3L << 20))).isTrue();
        assertThat(p.lastUtilization).isEqualTo(0.5);
        p.resetLive(1L << 20);
        p.commit(1L << 20, false);
        // the runway (cons/mark x 3 x scan work) now exceeds the span: the trigger sits at 45/64
        assertThat(p.consMark()).isGreaterThan(10);
        assertThat(p.trigger()).isEqualTo((p.heapGoal() - (1L << 20)) / 64 * 45 + (1L << 20));
    }

    @Test
    void whileSweepingTheGoalKeepsOneMebibyteAboveTheLiveHeap() {
        Pacer p = new Pacer(GoProfile.GO_1_19, 100, Long.MAX_VALUE, new Mem(0, 0, 0));
        p.heapMarked = 8L << 20;
        p.globalsScan = 0;
        p.commit(8L << 20, true);
        assertThat(p.heapGoal()).isEqualTo(16L << 20);
        p.setGCPercent(1);
        p.commit(10L << 20, false); // sweepDistMinTrigger = heapLive + 1 MiB
        assertThat(p.heapGoal()).isEqualTo(11L << 20);
    }

    @Test
    void theAssistRatioSpreadsTheExpectedWorkOverTheRunwayToTheGoal() {
        Pacer p = new Pacer(GoProfile.GO_1_19, 100, Long.MAX_VALUE, new Mem(0, 0, 0));
        p.lastHeapScan = 40_000;
        p.lastStackScan = 13_000;
        p.globalsScan = 223_000;
        p.commit(0, true);
        long goal = p.heapGoal();
        p.startCycle(0, 1, goal - 1_000_000, false, () -> 0);
        assertThat(p.assistWorkPerByte).isEqualTo(276_000.0 / 1_000_000);
        // past the goal, 10% more heap is allowed and the worst case is assumed
        p.revise(goal + 10, () -> 8192);
        assertThat(p.assistBytesPerWork).isEqualTo((double) ((long) (goal * 1.1) - goal - 10)
                / (p.heapScan + 8192 + 223_000));
    }

    @Test
    void consMarkIsSmoothedByGo119sPiControllerAndByTheMaxOfFourLater() {
        ConsMark pi = new ConsMark(GoProfile.GO_1_19);
        pi.update(2.0);
        assertThat(pi.value()).isEqualTo(1.8); // kp (0.9) x error, no integral yet
        pi.update(2.0);
        assertThat(pi.value()).isCloseTo(0.9 * 0.2 + 0.9 / 4 * 2.0, org.assertj.core.data.Offset.offset(1e-12));
        ConsMark max = new ConsMark(GoProfile.GO_1_23);
        max.update(2.0);
        for (int i = 0; i < 4; i++) {
            max.update(1.0);
            assertThat(max.value()).isEqualTo(2.0); // this cycle's and the last four measured
        }
        max.update(1.0);
        assertThat(max.value()).isEqualTo(1.0);
    }

    @Test
    void workersFollowStartCycle() {
        // §4.6: 25% of GOMAXPROCS, fractional when whole workers would be more than 30% off
        int[][] want = {{1, 0}, {2, 0}, {3, 0}, {4, 1}, {5, 1}, {6, 1}, {8, 2}};
        double[] frac = {0.25, 0.25, 0.25, 0, 0, 0.5 / 6, 0};
        for (int i = 0; i < want.length; i++) {
            Pacer p = new Pacer(GoProfile.GO_1_19, 100, Long.MAX_VALUE, new Mem(0, 0, 0));
            p.startCycle(0, want[i][0], 0, false, () -> 0);
            assertThat(p.dedicatedMarkWorkers).as("P=%d", want[i][0]).isEqualTo(want[i][1]);
            assertThat(p.fractionalUtilizationGoal).as("P=%d", want[i][0]).isCloseTo(frac[i],
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void gcpacertracePrintsFloatsAsTheRuntimeDoes() {
        assertThat(GcTrace.printfloat(0.25)).isEqualTo("+2.500000e-001");
        assertThat(GcTrace.printfloat(0)).isEqualTo("+0.000000e+000");
        assertThat(GcTrace.printfloat(1.270692)).isEqualTo("+1.270692e+000");
        assertThat(GcTrace.printfloat(-14.2299)).isEqualTo("-1.422990e+001");
    }
}
