package dev.goroscope.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.runtime.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hand-written run with known figures: growth with pointer adjustment, a GC cycle, a sweep. */
class ReplicaTest {
    static final long A = 0xc000000000L;
    static final long STACK = A;              // a 32 KiB stack pool span
    static final long HEAP = A + 0x8000;      // one heap page, size class 2 (16 B)
    static final long BIG = A + 0xa000;       // an 8 KiB stack in its own span after growth
    static final long X = HEAP;
    static final long Y = HEAP + 16;
    static final long Z = HEAP + 32;

    static List<Event> scenario() {
        List<Event> ev = new ArrayList<>();
        ev.add(new HeapEvent.ArenaGrew(0, 4 << 20));
        ev.add(new HeapEvent.SpanAllocated(STACK, 4, Span.Kind.STACK_POOL, 0));
        ev.add(new SchedEvent.GoroutineCreated(1, 0, "main.main", STACK, STACK + 2048, STACK + 2048 - 32, 0, false));
        ev.add(new StackEvent.FramePushed(1, "main.main", 64, STACK + 2048 - 32 - 72, 2));
        long sp1 = STACK + 2048 - 32 - 72;
        ev.add(new StackEvent.SlotWritten(1, 0, 1, 0, sp1 + 8)); // a pointer to a local
        ev.add(new HeapEvent.SpanAllocated(HEAP, 1, Span.Kind.HEAP_SMALL, 2));
        ev.add(new HeapEvent.ObjectAllocated(X, 16, 16, 2, 1, "main.Node", false, 1));
        ev.add(new HeapEvent.ObjectAllocated(Y, 10, 16, 2, 1, "main.Node", false, 1));
        ev.add(new HeapEvent.ObjectAllocated(Z, 16, 16, 2, 0, "main.Leaf", false, 1));
        ev.add(new StackEvent.SlotWritten(1, 0, 0, 0, X));
        ev.add(new HeapEvent.PointerWritten(X, false, 0, 0, Y, 1, false));
        ev.add(new HeapEvent.GlobalDeclared("main.root", 0x540000, 1));
        ev.add(new HeapEvent.PointerWritten(0x540000, true, 0, 0, Z, 1, false));
        // newstack: 2 KiB -> 8 KiB for a 1,500-byte frame; the local pointer is re-aimed.
        long used = 32 + 72 + 8;
        ev.add(new HeapEvent.SpanAllocated(BIG, 1, Span.Kind.STACK_POOL, 2));
        ev.add(new StackEvent.StackGrew(1, STACK, STACK + 2048, BIG, BIG + 8192, used, 1, 1, "to the pool",
                "main.big", 1500));
        long delta = BIG + 8192 - (STACK + 2048);
        ev.add(new StackEvent.FramePushed(1, "main.big", 1500, sp1 + delta - 1508, 0));
        ev.add(new StackEvent.FramePopped(1, "main.big", 1500, sp1 + delta, new long[0]));
        // GC 1: Z via the global, X via the stack, Y by scanning X; nothing else is reachable.
        ev.add(new GcEvent.GcCycleStarted(1, "runtime.GC", 48, 4 << 20));
        ev.add(new GcEvent.GcPhaseChanged(1, GcPhase.OFF, GcPhase.SWEEP_TERMINATION));
        ev.add(new GcEvent.GcPhaseChanged(1, GcPhase.SWEEP_TERMINATION, GcPhase.MARK));
        ev.add(new GcEvent.ObjectGreyed(Z, GcEvent.GreyReason.GLOBAL_ROOT, 0x540000));
        ev.add(new GcEvent.StackScanned(1, used, 8192, 1, "kept", false));
        ev.add(new GcEvent.ObjectGreyed(X, GcEvent.GreyReason.STACK_ROOT, 1));
        ev.add(new GcEvent.ObjectBlackened(Z, 0, 16, 0));
        ev.add(new HeapEvent.PointerWritten(X, false, 0, Y, 0, 1, true));
        ev.add(new GcEvent.BarrierShaded(Y, GcEvent.ShadeReason.OLD_VALUE, X, 0, 1));
        ev.add(new GcEvent.ObjectBlackened(X, 1, 16, 0));
        ev.add(new GcEvent.ObjectBlackened(Y, 0, 16, 0));
        ev.add(new HeapEvent.ObjectAllocated(Z + 16, 16, 16, 2, 0, "main.Leaf", true, 1));
        ev.add(new GcEvent.GcPhaseChanged(1, GcPhase.MARK, GcPhase.MARK_TERMINATION));
        ev.add(new GcEvent.GcPhaseChanged(1, GcPhase.MARK_TERMINATION, GcPhase.OFF));
        ev.add(new GcEvent.GcCycleEnded(1, 48, 64, 64, 4 << 20, 4 << 20, 3 << 20, 112, 8, "gc 1 @0.001s 0%: ..."));
        ev.add(new StackEvent.SlotWritten(1, 0, 0, X, 0));
        ev.add(new HeapEvent.SpanFreed(STACK, 4, Span.Kind.STACK_POOL, 0));
        ev.add(new ProgramEvent.Output(1, "hello\n", false));
        ev.add(new ProgramEvent.Narration("Watch the sweeper"));
        return ev;
    }

    static Replica fold(List<Event> ev) {
        Replica r = new Replica();
        ev.forEach(r::apply);
        return r;
    }

    @Test
    void growthMovesTheStackAndReaimsOnlyStackPointers() {
        List<Event> ev = scenario();
        Replica r = new Replica();
        for (int i = 0; i < 15; i++) {
            r.apply(ev.get(i));
        }
        GoroutineView g = Snapshots.of(r, 15, "").goroutines().get(0);
        long delta = BIG + 8192 - (STACK + 2048);
        long sp1 = STACK + 2048 - 32 - 72;
        assertThat(g.lo()).isEqualTo(BIG);
        assertThat(g.hi()).isEqualTo(BIG + 8192);
        assertThat(g.sp()).isEqualTo(sp1 + delta);
        assertThat(g.frames()).hasSize(1);
        assertThat(g.frames().get(0).slots()).containsExactly(X, sp1 + delta + 8);
        assertThat(g.highWater()).isEqualTo(112);
        r.apply(ev.get(15));
        // 104 bytes were in use before the call; the call adds 8 (return address) + 1,500.
        assertThat(Snapshots.of(r, 16, "").goroutines().get(0).highWater()).isEqualTo(104 + 1508);
        r.apply(ev.get(16));
        assertThat(Snapshots.of(r, 17, "").goroutines().get(0).used()).isEqualTo(104);
        assertThat(Snapshots.of(r, 17, "").goroutines().get(0).highWater()).isEqualTo(104 + 1508);
    }

    @Test
    void aCycleGreysInOrderAndTheMemoryFiguresFollowMemStats() {
        List<Event> ev = scenario();
        Replica r = new Replica();
        for (int i = 0; i < 23; i++) {
            r.apply(ev.get(i));
        }
        Snapshot mid = Snapshots.of(r, 23, "");
        assertThat(mid.phase()).isEqualTo(GcPhase.MARK);
        assertThat(mid.greyQueue()).containsExactly(Z, X);
        assertThat(mid.goroutines().get(0).scannedThisCycle()).isTrue();
        for (int i = 23; i < ev.size(); i++) {
            r.apply(ev.get(i));
        }
        Snapshot s = Snapshots.of(r, ev.size(), "");
        assertThat(s.objects()).extracting(ObjectView::colour).containsOnly(Colour.BLACK);
        assertThat(s.greyQueue()).isEmpty();
        assertThat(s.numGc()).isEqualTo(1);
        assertThat(s.gctrace()).startsWith("gc 1 ");
        assertThat(s.globals().get(0).slots()).containsExactly(Z);
        assertThat(s.stdout()).isEqualTo("hello\n");
        assertThat(s.lesson()).isEqualTo("Watch the sweeper");
        MemFigures m = s.mem();
        assertThat(m.stackInuse()).isEqualTo(8192);
        assertThat(m.heapInuse()).isEqualTo(8192);
        assertThat(m.heapSys()).isEqualTo((4 << 20) - 8192);
        assertThat(m.heapIdle()).isEqualTo((4 << 20) - 16384);
        // Fresh pages are released until a span takes them; freed pages are idle, not released.
        assertThat(m.heapReleased()).isEqualTo((4 << 20) - 0xa000 - 8192);
        assertThat(m.heapAlloc()).isEqualTo(64);
        assertThat(m.heapObjects()).isEqualTo(4);
        assertThat(m.mallocs()).isEqualTo(4);
        assertThat(m.goroutines()).isEqualTo(1);
    }

    @Test
    void sweepFreesWhiteObjectsAndWhitensSurvivorsAndUndoPutsThemBack() {
        List<Event> ev = new ArrayList<>(scenario());
        Replica r = fold(ev);
        Snapshot before = Snapshots.of(r, 0, "");
        // Next cycle: only Z is marked, so X, Y and the black-allocated leaf are freed.
        List<Event> more = List.of(
                new GcEvent.GcCycleStarted(2, "runtime.GC", 64, 4 << 20),
                new GcEvent.GcPhaseChanged(2, GcPhase.OFF, GcPhase.MARK),
                new GcEvent.GcPhaseChanged(2, GcPhase.MARK, GcPhase.OFF));
        // First the survivors of cycle 1 must be swept white, then re-marked; sweep cycle 1 first.
        GcEvent.SpanSwept sweep1 = new GcEvent.SpanSwept(HEAP, HEAP + 8192, 2, List.of(), 4, 0);
        r.apply(sweep1);
        assertThat(Snapshots.of(r, 0, "").objects()).extracting(ObjectView::colour).containsOnly(Colour.WHITE);
        more.forEach(r::apply);
        r.apply(new GcEvent.ObjectGreyed(Z, GcEvent.GreyReason.GLOBAL_ROOT, 0x540000));
        Snapshot marking = Snapshots.of(r, 0, "");
        r.apply(new GcEvent.ObjectBlackened(Z, 0, 16, 0));
        GcEvent.SpanSwept sweep2 = new GcEvent.SpanSwept(HEAP, HEAP + 8192, 2, List.of(
                new GcEvent.FreedObject(X, 16, 16, 2, "main.Node", new long[] {0}, false),
                new GcEvent.FreedObject(Y, 10, 16, 2, "main.Node", new long[] {0}, false),
                new GcEvent.FreedObject(Z + 16, 16, 16, 2, "main.Leaf", new long[0], false)), 1, 0);
        r.apply(sweep2);
        Snapshot after = Snapshots.of(r, 0, "");
        assertThat(after.objects()).extracting(ObjectView::addr).containsExactly(Z);
        assertThat(after.objects().get(0).colour()).isEqualTo(Colour.WHITE);
        assertThat(after.mem().heapAlloc()).isEqualTo(16);
        assertThat(after.mem().frees()).isEqualTo(3);
        r.undo(sweep2);
        r.undo(new GcEvent.ObjectBlackened(Z, 0, 16, 0));
        assertThat(Snapshots.of(r, 0, "")).isEqualTo(marking);
        r.undo(new GcEvent.ObjectGreyed(Z, GcEvent.GreyReason.GLOBAL_ROOT, 0x540000));
        for (int i = more.size() - 1; i >= 0; i--) {
            r.undo(more.get(i));
        }
        r.undo(sweep1);
        // Back in cycle 1 after it ended: every object black, the grey order of cycle 1 intact.
        assertThat(Snapshots.of(r, 0, "")).isEqualTo(before);
        for (int i = ev.size() - 1; i >= 23; i--) {
            r.undo(ev.get(i));
        }
        assertThat(Snapshots.of(r, 0, "").greyQueue()).containsExactly(Z, X);
    }

    @Test
    void everyPrefixUndoesToTheEmptyState() {
        List<Event> ev = scenario();
        Replica r = fold(ev);
        for (int i = ev.size() - 1; i >= 0; i--) {
            r.undo(ev.get(i));
        }
        assertThat(Snapshots.of(r, 0, "")).isEqualTo(Snapshots.of(new Replica(), 0, ""));
    }

    @Test
    void anEventThatDoesNotFitIsRejectedAndChangesNothing() {
        Replica r = fold(scenario());
        Snapshot s = Snapshots.of(r, 0, "");
        assertThatThrownBy(() -> r.apply(new GcEvent.ObjectGreyed(X, GcEvent.GreyReason.SCAN, Z)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BLACK");
        assertThatThrownBy(() -> r.apply(new HeapEvent.PointerWritten(X, false, 0, 123, 0, 1, false)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.apply(new StackEvent.FramePopped(1, "main.other", 64, 0, new long[2])))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.apply(new StackEvent.FramePopped(1, "main.main", 64, 0, new long[] {1, 2})))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Snapshots.of(r, 0, "")).isEqualTo(s);
    }

    @Test
    void aCopyIsIndependentOfTheOriginalBothWays() {
        Replica r = new Replica();
        List<Event> ev = new ArrayList<>();
        ev.add(new HeapEvent.ArenaGrew(0, 64 << 20));
        for (int i = 0; i < 3000; i++) {
            ev.add(new HeapEvent.ObjectAllocated(A + 16L * i, 16, 16, 2, 1, "main.T", false, 1));
        }
        ev.forEach(r::apply);
        Replica c = r.copy();
        Snapshot s = Snapshots.of(c, 0, "");
        r.apply(new HeapEvent.PointerWritten(A + 16, false, 0, 0, A + 32, 1, false));
        r.apply(new GcEvent.GcCycleStarted(1, "t", 0, 0));
        r.apply(new GcEvent.ObjectGreyed(A + 2000 * 16, GcEvent.GreyReason.SCAN, 0));
        r.apply(new HeapEvent.ObjectAllocated(A + 16L * 5000, 16, 16, 2, 1, "main.T", false, 1));
        assertThat(Snapshots.of(c, 0, "")).isEqualTo(s);
        c.apply(new HeapEvent.PointerWritten(A + 48, false, 0, 0, A, 1, false));
        assertThat(Snapshots.of(r, 0, "").objects().get(3).field(0)).isZero();
        assertThat(Snapshots.of(r, 0, "").objects().get(1).field(0)).isEqualTo(A + 32);
    }
}
