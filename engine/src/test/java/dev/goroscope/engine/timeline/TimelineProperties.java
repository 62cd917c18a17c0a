package dev.goroscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of folding, undoing, seeking and searching, over random realistic runs. */
class TimelineProperties {

    static Timeline record(List<Event> events) {
        Timeline t = new Timeline();
        events.forEach(t::emit);
        return t;
    }

    /** The fold of the first {@code n} events, from scratch. */
    static Snapshot fold(List<Event> events, int n) {
        Replica r = new Replica();
        for (int i = 0; i < n; i++) {
            r.apply(events.get(i));
        }
        return Snapshots.of(r, n, n == 0 ? "" : events.get(n - 1).narration());
    }

    @Property(tries = 40)
    void undoRestoresEveryStateExactly(@ForAll long seed, @ForAll @IntRange(min = 50, max = 600) int steps) {
        List<Event> events = new FakeRuntime(seed).run(steps);
        Replica r = new Replica();
        List<Snapshot> forward = new ArrayList<>();
        forward.add(Snapshots.of(r, 0, ""));
        for (int i = 0; i < events.size(); i++) {
            r.apply(events.get(i));
            forward.add(Snapshots.of(r, i + 1, ""));
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            r.undo(events.get(i));
            assertThat(Snapshots.of(r, i, "")).as("after undoing event %d (%s)", i, events.get(i))
                    .isEqualTo(forward.get(i));
        }
    }

    @Property(tries = 40)
    void applyThenUndoIsIdentityAtEveryStep(@ForAll long seed) {
        List<Event> events = new FakeRuntime(seed).run(300);
        Replica r = new Replica();
        for (int i = 0; i < events.size(); i++) {
            Snapshot before = Snapshots.of(r, i, "");
            r.apply(events.get(i));
            r.undo(events.get(i));
            assertThat(Snapshots.of(r, i, "")).as("apply+undo of event %d (%s)", i, events.get(i)).isEqualTo(before);
            r.apply(events.get(i));
        }
    }

    @Property(tries = 30)
    void seekEqualsFoldingFromScratch(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int spacing,
                                      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 100_000) Integer> targets) {
        List<Event> events = new FakeRuntime(seed).run(700);
        Player p = new Player(record(events), Long.MAX_VALUE, spacing);
        for (int raw : targets) {
            int n = raw % (events.size() + 1);
            p.seek(n);
            assertThat(p.position()).isEqualTo(n);
            assertThat(p.snapshot()).as("seek(%d)", n).isEqualTo(fold(events, n));
        }
    }

    @Property(tries = 20)
    void aTinyBudgetThinsCheckpointsButSeeksStayExact(@ForAll long seed,
                                                      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 5000) Integer> targets) {
        List<Event> events = new FakeRuntime(seed).run(900);
        Player p = new Player(record(events), 1, 4);
        p.seek(events.size());
        assertThat(p.spacing()).isGreaterThan(4);
        for (int raw : targets) {
            int n = raw % (events.size() + 1);
            p.seek(n);
            assertThat(p.snapshot()).isEqualTo(fold(events, n));
        }
    }

    @Property(tries = 30)
    void searchesAgreeWithALinearScan(@ForAll long seed, @ForAll @IntRange(min = -3, max = 2000) int from,
                                      @ForAll @Size(min = 1, max = 4) Set<EventKind> kinds) {
        List<Event> events = new FakeRuntime(seed).run(500);
        Timeline t = record(events);
        long next = -1;
        for (int i = Math.max(0, from); i < events.size(); i++) {
            if (kinds.contains(events.get(i).kind())) {
                next = i;
                break;
            }
        }
        long prev = -1;
        for (int i = Math.min(from, events.size() - 1); i >= 0; i--) {
            if (kinds.contains(events.get(i).kind())) {
                prev = i;
                break;
            }
        }
        assertThat(t.indexOfNext(from, kinds)).isEqualTo(next);
        assertThat(t.indexOfPrevious(from, kinds)).isEqualTo(prev);
        for (EventKind k : EnumSet.allOf(EventKind.class)) {
            assertThat(t.count(k)).isEqualTo(events.stream().filter(e -> e.kind() == k).count());
        }
    }

    @Property(tries = 20)
    void stepBackAndForwardRetraceTheSameStates(@ForAll long seed) {
        List<Event> events = new FakeRuntime(seed).run(400);
        Player p = new Player(record(events), Long.MAX_VALUE, 16);
        p.seek(events.size());
        while (p.position() > 0) {
            p.stepBack();
            int n = (int) p.position();
            if (n % 37 == 0) {
                assertThat(p.snapshot()).isEqualTo(fold(events, n));
            }
        }
        assertThat(p.stepBack()).isFalse();
        for (int i = 0; i < 50; i++) {
            p.stepForward();
        }
        assertThat(p.snapshot()).isEqualTo(fold(events, Math.min(50, events.size())));
    }
}
