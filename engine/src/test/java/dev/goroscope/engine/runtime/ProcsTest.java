package dev.goroscope.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Ps' run queues, work stealing and spinning Ms, against proc.go (go1.19.8): {@code runqput}
 * with {@code next}, {@code runqputslow}, {@code runqget}'s inherited time slice,
 * {@code globrunqget}, {@code stealWork}/{@code runqgrab}, {@code wakep} (§3: {@code newproc}
 * puts the new goroutine in {@code runnext} and calls {@code wakep}).
 */
class ProcsTest {
    private static long ids;

    private static Goroutine g() {
        Goroutine g = new Goroutine(++ids, 0, "main.f");
        g.status = GStatus.RUNNABLE;
        return g;
    }

    private static Procs procs(int n) {
        return new Procs(n, 1);
    }

    @Test
    void runnextTakesTheNewcomerAndTheDisplacedGoroutineJoinsTheTail() {
        Procs ps = procs(1);
        P p0 = ps.ps[0];
        Goroutine a = g();
        Goroutine b = g();
        Goroutine c = g();
        ps.runqput(p0, a, true);
        ps.runqput(p0, b, true);
        ps.runqput(p0, c, true);
        assertThat(p0.runnext).isSameAs(c);
        assertThat(p0.runq).containsExactly(a, b);
    }

    @Test
    void aFullLocalQueueSendsItsOlderHalfAndTheNewcomerToTheGlobalQueue() {
        Procs ps = procs(1);
        P p0 = ps.ps[0];
        List<Goroutine> gs = new ArrayList<>();
        for (int i = 0; i < P.RUNQ_SIZE + 1; i++) {
            gs.add(g());
            ps.runqput(p0, gs.get(i), false);
        }
        // runqputslow: the first 128 and the one that did not fit, in that order.
        assertThat(ps.globalRunq).hasSize(P.RUNQ_SIZE / 2 + 1);
        assertThat(ps.globalRunq.peekFirst()).isSameAs(gs.get(0));
        assertThat(ps.globalRunq.peekLast()).isSameAs(gs.get(P.RUNQ_SIZE));
        assertThat(p0.runq).hasSize(P.RUNQ_SIZE / 2);
        assertThat(p0.runq.peekFirst()).isSameAs(gs.get(P.RUNQ_SIZE / 2));
    }

    @Test
    void aGoroutineFromRunnextInheritsTheTimeSliceSoSchedtickStays() {
        Procs ps = procs(1);
        P p0 = ps.ps[0];
        Goroutine a = g();
        Goroutine b = g();
        ps.runqput(p0, a, false);
        ps.runqput(p0, b, true);
        boolean[] inherit = new boolean[1];
        p0.schedtick = 1;
        assertThat(ps.findRunnable(p0, inherit)).isSameAs(b);
        assertThat(inherit[0]).isTrue();
        ps.execute(p0, b, inherit[0]);
        assertThat(p0.schedtick).isEqualTo(1);
        ps.stopped(p0);
        assertThat(ps.findRunnable(p0, inherit)).isSameAs(a);
        assertThat(inherit[0]).isFalse();
        ps.execute(p0, a, inherit[0]);
        assertThat(p0.schedtick).isEqualTo(2);
    }

    @Test
    void everySixtyFirstTickTheGlobalQueueComesBeforeRunnext() {
        Procs ps = procs(1);
        P p0 = ps.ps[0];
        Goroutine local = g();
        Goroutine global = g();
        ps.runqput(p0, local, true);
        ps.globalRunq.add(global);
        boolean[] inherit = new boolean[1];
        p0.schedtick = 61;
        assertThat(ps.findRunnable(p0, inherit)).isSameAs(global);
        p0.schedtick = 62;
        ps.globalRunq.add(global);
        assertThat(ps.findRunnable(p0, inherit)).isSameAs(local);
    }

    @Test
    void stealingTakesTheOlderHalfOfTheVictimsQueueAndRunsTheLastOfThem() {
        Procs ps = procs(2);
        P p0 = ps.ps[0];
        P p1 = ps.ps[1];
        p0.state = P.State.RUNNING;
        List<Goroutine> gs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gs.add(g());
            ps.runqput(p0, gs.get(i), false);
        }
        ps.acquire(p1);
        p1.state = P.State.SCHEDULING;
        p1.spinning = true;
        ps.nmspinning = 1;
        boolean[] inherit = new boolean[1];
        // runqgrab takes n - n/2 = 3 from the head: the last of them runs, two join p1's queue.
        assertThat(ps.findRunnable(p1, inherit)).isSameAs(gs.get(2));
        assertThat(p1.runq).containsExactly(gs.get(0), gs.get(1));
        assertThat(p0.runq).containsExactly(gs.get(3), gs.get(4));
        assertThat(gs.get(2).p).isEqualTo(1);
        assertThat(p1.spinning).as("resetspinning").isFalse();
        assertThat(ps.nmspinning).isZero();
    }

    @Test
    void runnextIsStolenOnlyOnTheLastPassAfterUsleepAndOnlyIfStillThere() {
        Procs ps = procs(2);
        P p0 = ps.ps[0];
        P p1 = ps.ps[1];
        p0.state = P.State.RUNNING;
        Goroutine next = g();
        ps.runqput(p0, next, true);
        ps.acquire(p1);
        p1.state = P.State.SCHEDULING;
        p1.clock = 1_000;
        boolean[] inherit = new boolean[1];
        assertThat(ps.findRunnable(p1, inherit)).isNull();
        assertThat(p1.state).isEqualTo(P.State.STEAL_SLEEP);
        assertThat(p1.wakeAt).isEqualTo(1_000 + Procs.USLEEP_NS);
        assertThat(p0.runnext).as("not taken before the sleep").isSameAs(next);

        // p0 ran it meanwhile and readied another: that one is not the one seen, so p1 sleeps again.
        p0.runnext = g();
        ps.wake(p1);
        assertThat(ps.findRunnable(p1, inherit)).isNull();
        assertThat(p1.state).isEqualTo(P.State.STEAL_SLEEP);
        Goroutine second = p0.runnext;
        ps.wake(p1);
        assertThat(ps.findRunnable(p1, inherit)).isSameAs(second);
        assertThat(p0.runnext).isNull();
    }

    @Test
    void wakepStartsOneSpinningMForAnIdlePAndNoMoreWhileItSpins() {
        Procs ps = procs(3);
        assertThat(ps.busy()).isEqualTo(1);
        ps.wakep(0);
        assertThat(ps.nmspinning).isEqualTo(1);
        ps.wakep(0);
        long waking = java.util.Arrays.stream(ps.ps).filter(p -> p.state == P.State.WAKING).count();
        assertThat(waking).isEqualTo(1);
        P w = java.util.Arrays.stream(ps.ps).filter(p -> p.state == P.State.WAKING).findFirst().orElseThrow();
        assertThat(w.wakeAt).as("the OS wakes the parked thread later").isGreaterThanOrEqualTo(10_000);
        assertThat(ps.earliest()).as("p0 is due before the woken M").isSameAs(ps.ps[0]);
    }

    @Test
    void aSpinningMThatFindsNothingGivesItsPBackAndParks() {
        Procs ps = procs(2);
        ps.ps[0].state = P.State.RUNNING;
        ps.wakep(0);
        P p1 = ps.ps[1];
        ps.wake(p1);
        boolean[] inherit = new boolean[1];
        assertThat(ps.findRunnable(p1, inherit)).isNull();
        assertThat(p1.state).isEqualTo(P.State.IDLE);
        assertThat(ps.nmspinning).isZero();
        assertThat(ps.busy()).isEqualTo(1);
    }

    @Test
    void osWakeLatencyIsDrawnFromTheSeed() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        Procs x = new Procs(2, 5);
        Procs y = new Procs(2, 5);
        for (int i = 0; i < 20; i++) {
            a.add(x.osWakeLatency());
            b.add(y.osWakeLatency());
        }
        assertThat(a).isEqualTo(b);
        assertThat(a).anyMatch(l -> l < 100_000).anyMatch(l -> l >= 500_000);
    }

    @Test
    void shrinkingGomaxprocsPutsTheGoneProcsGoroutinesAtTheHeadOfTheGlobalQueue() {
        GoRuntime rt = new GoRuntime(Settings.defaults(), dev.goroscope.engine.event.EventSink.NONE);
        Procs ps = rt.procs;
        P p1 = ps.ps[1];
        ps.acquire(p1);
        p1.state = P.State.SCHEDULING;
        Goroutine a = g();
        Goroutine b = g();
        Goroutine c = g();
        Goroutine old = g();
        ps.globalRunq.add(old);
        ps.runqput(p1, a, false);
        ps.runqput(p1, b, false);
        ps.runqput(p1, c, true);
        p1.gFree.add(new P.DeadG(0, 0, 0, 99));
        assertThat(rt.gomaxprocs(rt.main(), 1)).isEqualTo(2);
        assertThat(ps.ps).hasSize(1);
        // p.destroy: runnext first, then the local queue in order, ahead of what was there.
        assertThat(ps.globalRunq).containsExactly(c, a, b, old);
        assertThat(p1.gFree).as("gfpurge").isEmpty();
        assertThat(rt.gomaxprocs()).isEqualTo(1);
        assertThat(rt.gomaxprocs(rt.main(), 0)).as("n < 1 only asks").isEqualTo(1);
        assertThat(rt.gomaxprocs(rt.main(), 3)).isEqualTo(1);
        assertThat(ps.ps).hasSize(3);
        assertThat(ps.busy()).as("P0, and the P whose M startTheWorld woke; the third is idle").isEqualTo(2);
    }

    @Test
    void shrinkingEndsASearchInProgressAndMovesTheCallerToP0() {
        Procs ps = procs(2);
        StackAllocator stacks = new StackAllocator(new PageHeap(1L << 30, dev.goroscope.engine.event.EventSink.NONE), 2,
                () -> true);
        Sched sched = new Sched(ps, stacks, dev.goroscope.engine.event.EventSink.NONE);
        P p0 = ps.ps[0];
        P p1 = ps.ps[1];
        Goroutine caller = g();
        ps.acquire(p1);
        ps.execute(p1, caller, false);
        ps.runqput(p1, g(), true);
        p0.state = P.State.SCHEDULING;
        boolean[] inherit = new boolean[1];
        assertThat(ps.findRunnable(p0, inherit)).isNull();
        assertThat(p0.state).as("waiting to take p1's runnext").isEqualTo(P.State.STEAL_SLEEP);
        List<Goroutine> preempted = new ArrayList<>();
        ps.resize(1, caller, sched, stacks, preempted);
        assertThat(p0.current).isSameAs(caller);
        assertThat(p0.state).isEqualTo(P.State.RUNNING);
        assertThat(p0.steal).isNull();
        assertThat(caller.p).isZero();
        assertThat(ps.nmspinning).isZero();
        assertThat(ps.globalRunq).hasSize(1);
        assertThat(preempted).isEmpty();
    }
}
