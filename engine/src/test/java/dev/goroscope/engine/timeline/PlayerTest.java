package dev.goroscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.Span;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlayerTest {
    static final long A = 0xc000000000L;

    @Test
    void aDeepRecursionIsOneRunAndItsSlotsSurviveACopy() {
        int depth = 480_000;
        long frame = 200;
        long hi = A + (128L << 20);
        Timeline t = new Timeline();
        t.emit(new HeapEvent.ArenaGrew(0, 128L << 20));
        t.emit(new HeapEvent.SpanAllocated(A, (128L << 20) / 8192, Span.Kind.STACK_LARGE, 0));
        t.emit(new SchedEvent.GoroutineCreated(1, 0, "main.main", A, hi, hi - 32, 0, false));
        long sp = hi - 32;
        for (int i = 0; i < depth; i++) {
            sp -= frame + 8;
            t.emit(new StackEvent.FramePushed(1, "main.recurse", frame, sp, 1));
        }
        long local = sp + 16;
        t.emit(new StackEvent.SlotWritten(1, 300_000, 0, 0, local));
        long newLo = A + (256L << 20);
        long delta = newLo + (256L << 20) - hi;
        t.emit(new HeapEvent.ArenaGrew(128L << 20, 512L << 20));
        t.emit(new StackEvent.StackGrew(1, A, hi, newLo, newLo + (256L << 20), hi - sp + 8, depth, 1, "freed",
                "main.recurse", frame));
        Player p = new Player(t);
        p.seek(t.size());
        GoroutineView g = p.snapshot().goroutines().get(0);
        assertThat(g.depth()).isEqualTo(depth);
        assertThat(g.frames()).hasSize(1);
        FrameRun run = g.frames().get(0);
        assertThat(run.count()).isEqualTo(depth);
        assertThat(run.spTop()).isEqualTo(sp + delta);
        assertThat(run.slot(300_000, 0)).isEqualTo(local + delta);
        assertThat(run.slot(299_999, 0)).isZero();
        assertThat(g.used()).isEqualTo(32 + depth * (frame + 8));

        p.stepBack();
        assertThat(p.snapshot().goroutines().get(0).frames().get(0).slot(300_000, 0)).isEqualTo(local);
        p.seek(3 + 1000);
        assertThat(p.snapshot().goroutines().get(0).frames().get(0).count()).isEqualTo(1000);
    }

    @Test
    void runToNextStopsJustAfterTheEventAndRunToPreviousGoesBack() {
        List<Event> events = new FakeRuntime(7).run(2000);
        Timeline t = TimelineProperties.record(events);
        Player p = new Player(t, Long.MAX_VALUE, 64);
        Set<EventKind> grow = Set.of(EventKind.STACK_GROW);
        int first = -1;
        int second = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == EventKind.STACK_GROW) {
                if (first < 0) {
                    first = i;
                } else if (second < 0) {
                    second = i;
                }
            }
        }
        assertThat(second).as("the run grows a stack twice").isPositive();
        assertThat(p.runToNext(grow)).isTrue();
        assertThat(p.position()).isEqualTo(first + 1);
        assertThat(p.snapshot().narration()).isEqualTo(events.get(first).narration());
        assertThat(p.runToNext(grow)).isTrue();
        assertThat(p.position()).isEqualTo(second + 1);
        assertThat(p.runToPrevious(grow)).isTrue();
        assertThat(p.position()).isEqualTo(first + 1);
        assertThat(p.runToPrevious(grow)).isFalse();
        assertThat(p.position()).isEqualTo(first + 1);
        assertThat(p.snapshot()).isEqualTo(TimelineProperties.fold(events, first + 1));
    }

    @Test
    void aRestoredCheckpointSharesNothingMutableWithIt() {
        List<Event> events = new FakeRuntime(11).run(3000);
        Player p = new Player(TimelineProperties.record(events), Long.MAX_VALUE, 100);
        p.seek(events.size());
        assertThat(p.checkpoints()).isGreaterThan(10);
        Snapshot cp = p.checkpointSnapshot(1000);
        assertThat(cp).isNotNull();
        assertThat(cp.objects()).isNotEmpty();
        // Restore near it, then change the restored replica a lot, forwards and backwards.
        p.seek(1010);
        p.seek(1990);
        p.seek(1005);
        p.seek(1000);
        for (int i = 0; i < 90; i++) {
            p.stepForward();
        }
        assertThat(p.checkpointSnapshot(1000)).isEqualTo(cp);
        assertThat(cp).isEqualTo(TimelineProperties.fold(events, 1000).withNarration(""));
    }

    @Test
    void theTimelineCanBeReadWhileItIsWritten() throws Exception {
        List<Event> events = new FakeRuntime(3).run(20_000);
        Timeline t = new Timeline();
        Thread producer = new Thread(() -> events.forEach(t::emit));
        producer.start();
        long checked = 0;
        while (producer.isAlive() || checked < t.size()) {
            long n = t.size();
            for (long i = checked; i < n; i++) {
                assertThat(t.get(i)).isSameAs(events.get((int) i));
            }
            checked = n;
            long from = n / 2;
            long next = t.indexOfNext(from, Set.of(EventKind.FRAME));
            long frames = t.count(EventKind.FRAME);
            long after = t.size();
            assertThat(next).isLessThan(after);
            assertThat(frames).isLessThanOrEqualTo(after);
            long expect = -1;
            for (long i = from; i < after; i++) {
                if (events.get((int) i).kind() == EventKind.FRAME) {
                    expect = i;
                    break;
                }
            }
            // Events at or past n may or may not have been published when the search ran.
            if (expect >= 0 && expect < n) {
                assertThat(next).isEqualTo(expect);
            } else {
                assertThat(next).isIn(-1L, expect);
            }
        }
        producer.join();
        assertThat(t.size()).isEqualTo(events.size());
    }
}
