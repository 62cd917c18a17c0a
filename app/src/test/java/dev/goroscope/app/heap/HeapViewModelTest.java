package dev.goroscope.app.heap;

import dev.goroscope.app.Runs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.heap.HeapScene.FocusKind;
import dev.goroscope.app.heap.HeapScene.Obj;
import dev.goroscope.app.heap.HeapScene.Root;
import dev.goroscope.app.heap.HeapScene.RootKind;
import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.Colour;
import dev.goroscope.engine.timeline.ObjectView;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The heap model over real runs, without the toolkit. */
class HeapViewModelTest {
    static final String LIST = """
            package main

            import (
            	"runtime"
            	"viz"
            )

            type node struct {
            	val  int
            	next *node
            }

            var head *node

            func main() {
            	for i := 0; i < 5; i++ {
            		head = &node{val: i, next: head}
            	}
            	head.next.next = nil // the last three nodes become garbage
            	runtime.GC()
            	viz.GCStart()
            	viz.GCStep(7)
            	head = &node{val: 9, next: head} // allocated while marking: black
            	viz.GCFinish()
            }
            """;

    /** A view model following a player over {@code t}. */
    private static final class Rig {
        final Player player;
        final SimpleObjectProperty<Snapshot> snap;
        final HeapViewModel vm;
        final Timeline t;

        Rig(Timeline t) {
            this.t = t;
            player = new Player(t);
            snap = new SimpleObjectProperty<>(player.snapshot());
            vm = new HeapViewModel(snap, () -> t);
        }

        HeapScene at(long pos) {
            player.seek(pos);
            snap.set(player.snapshot());
            return vm.scene();
        }

        /** The scene just after the first event at or after {@code from} that {@code p} accepts. */
        HeapScene after(long from, Predicate<Event> p) {
            for (long i = from; i < t.size(); i++) {
                if (p.test(t.get(i))) {
                    return at(i + 1);
                }
            }
            throw new AssertionError("no such event");
        }

        List<Long> allocations(String type) {
            List<Long> out = new ArrayList<>();
            for (long i = 0; i < t.size(); i++) {
                if (t.get(i) instanceof HeapEvent.ObjectAllocated a && a.typeName().equals(type)) {
                    out.add(a.addr());
                }
            }
            return out;
        }
    }

    private static Obj obj(HeapScene s, long addr) {
        Obj o = s.containing(addr);
        assertThat(o).as("object at 0x%x", addr).isNotNull();
        return o;
    }

    private static Root root(HeapScene s, RootKind kind, String labelPart) {
        return s.roots().stream().filter(r -> r.kind() == kind && r.label().contains(labelPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no root " + labelPart + " in " + s.roots()));
    }

    @Test
    void theLostObjectLessonFlashesTheBarrierShadingTheOldValue() {
        Rig r = new Rig(Runs.lesson("09-lost-object"));
        List<Long> boxes = r.allocations("main.box");
        long holder = boxes.get(0);
        long mid = boxes.get(1);
        long c = boxes.get(2);

        HeapScene s = r.after(0, e -> e.kind() == EventKind.BARRIER_SHADE);
        assertThat(s.phase()).isEqualTo(GcPhase.MARK);
        assertThat(s.focus().kind()).isEqualTo(FocusKind.BARRIER_SHADE);
        assertThat(s.focus().addr()).isEqualTo(c);
        assertThat(s.focus().holder()).isEqualTo(mid);
        assertThat(s.focus().reason()).contains("OLD value").contains("field 1").contains("being overwritten");
        assertThat(obj(s, c).colour()).isEqualTo(Colour.GREY);
        assertThat(obj(s, mid).colour()).isEqualTo(Colour.WHITE);
        assertThat(obj(s, holder).colour()).isEqualTo(Colour.GREY);
        // the barrier runs before the store: mid still points to C, and so does main's black stack
        assertThat(obj(s, mid).fields()).containsExactly(0, c);
        Root stack = root(s, RootKind.STACK, "demo");
        assertThat(stack.targets()).containsExactly(c);
        assertThat(stack.scanned()).isTrue();
        assertThat(root(s, RootKind.GLOBAL, "holder").targets()).containsExactly(holder);
        assertThat(s.greyQueue()).endsWith(c).contains(holder);
        // with the runtime's objects shown: allgs holds main, the four runtime goroutines and the
        // two background mark workers (one per P) that this first cycle started
        r.vm.showRuntimeProperty().set(true);
        assertThat(root(r.vm.scene(), RootKind.RUNTIME, "allgs").targets()).hasSize(7);
        r.vm.showRuntimeProperty().set(false);

        // the next step is the store itself: C stays grey, mid no longer points to it
        HeapScene next = r.at(r.player.position() + 1);
        assertThat(next.focus().kind()).isEqualTo(FocusKind.POINTER_WRITE);
        assertThat(obj(next, mid).fields()).containsExactly(0, 0);
        assertThat(obj(next, c).colour()).isEqualTo(Colour.GREY);
    }

    /**
     * Lesson 9 mid-mark: the program's boxes are drawn, the runtime's own objects (G structs, the
     * mark workers' nodes) are hidden and counted, with the
     * roots only they matter to, while colours and the grey queue's order stay the GC's.
     */
    @Test
    void theRuntimesOwnObjectsAreHiddenUnlessAskedFor() {
        Rig r = new Rig(Runs.lesson("09-lost-object"));
        HeapScene own = r.after(0, e -> e.kind() == EventKind.BARRIER_SHADE);
        Snapshot snap = r.player.snapshot();
        long runtime = snap.objects().stream().filter(ObjectView::runtime).count();
        // 7 G structs (main, forcegc, bgsweep, bgscavenge, runfinq, two mark workers), 2 worker nodes
        assertThat(runtime).as("G structs and mark-worker nodes").isEqualTo(9);
        assertThat(own.hidden()).hasSize((int) runtime)
                .allMatch(o -> o.typeName().startsWith("runtime.") || o.typeName().contains("sync.")
                        || o.typeName().equals("fmt.pp"));
        assertThat(own.objects()).hasSize(snap.objects().size() - (int) runtime)
                .allMatch(o -> o.typeName().equals("main.box") || o.typeName().equals("string"));
        long greyShown = own.objects().stream().filter(o -> o.colour() == Colour.GREY).count();
        assertThat(greyShown).isGreaterThan(0);
        assertThat(r.vm.summaryProperty().get()).isEqualTo(own.objects().size() + " objects (" + runtime
                + " runtime hidden) \u00b7 " + greyShown + " grey");
        // the grey queue is the GC's, in its order; the G structs greyed from allgs are hidden in it
        assertThat(own.greyQueue()).isEqualTo(snap.greyQueue());
        assertThat(own.hiddenGrey()).isEqualTo(snap.greyQueue().size() - (int) greyShown).isPositive();
        long gStruct = own.hidden().stream().filter(o -> o.typeName().equals("runtime.g")).findFirst().orElseThrow()
                .addr();
        assertThat(own.hides(gStruct)).isTrue();
        assertThat(own.containing(gStruct)).isNull();
        assertThat(own.roots()).noneMatch(x -> x.kind() == RootKind.RUNTIME)
                .noneMatch(x -> x.label().contains("gcBgMarkWorker") || x.label().contains("forcegc"));
        // only the program's size classes: few enough rows for big labelled cells in the pane
        assertThat(own.plan().runtime()).isFalse();
        assertThat(new HeapGeometry(1100, 640, 14, own.plan().rows()).labelled).isTrue();

        r.vm.showRuntimeProperty().set(true);
        HeapScene all = r.vm.scene();
        assertThat(all.hidden()).isEmpty();
        assertThat(all.objects()).hasSize(snap.objects().size());
        assertThat(all.roots()).anyMatch(x -> x.kind() == RootKind.RUNTIME);
        assertThat(all.plan().rows().size()).isGreaterThan(own.plan().rows().size());
        assertThat(r.vm.summaryProperty().get()).doesNotContain("hidden")
                .endsWith(snap.greyQueue().size() + " grey");
        // the same colours either way
        for (Obj o : own.objects()) {
            assertThat(obj(all, o.addr()).colour()).isEqualTo(o.colour());
        }
    }

    @Test
    void withNoBarrierTheSweepFreesTheObjectTheStackStillUses() {
        Rig r = new Rig(Runs.lesson("09-lost-object"));
        long lostC = r.allocations("main.box").get(5);
        HeapScene s = r.after(0, e -> e instanceof GcEvent.SpanSwept sw && sw.freed().stream().anyMatch(
                GcEvent.FreedObject::lost));
        assertThat(s.ghosts()).anySatisfy(g -> {
            assertThat(g.addr()).isEqualTo(lostC);
            assertThat(g.lost()).isTrue();
        });
        assertThat(s.focus().kind()).isEqualTo(FocusKind.SWEPT);
        assertThat(s.focus().reason()).contains("LOST");
        assertThat(s.containing(lostC)).isNull();
        // main's stack still points to it: the view can draw a dangling pointer to the freed slot
        assertThat(root(s, RootKind.STACK, "demo").targets()).contains(lostC);
        assertThat(s.plan().cell(lostC)).isNotNull();
        // ghosts are for the step of the sweep only
        HeapScene later = r.at(r.player.position() + 1);
        assertThat(later.ghosts()).noneMatch(g -> g.addr() == lostC);
    }

    @Test
    void aLinkedListMarksBlackSweepsItsGarbageAndAllocatesBlackDuringMark() {
        Rig r = new Rig(Runs.of(LIST));
        List<Long> nodes = r.allocations("main.node");
        assertThat(nodes).hasSize(6);
        long n4 = nodes.get(4); // head after the loop

        // the globals root job greys the head first, with its reason
        HeapScene greyed = r.after(0, e -> e instanceof GcEvent.ObjectGreyed g && g.addr() == n4);
        assertThat(greyed.focus().kind()).isEqualTo(FocusKind.GREYED);
        assertThat(greyed.focus().reason()).isEqualTo("a global points to it");
        assertThat(greyed.greyQueue()).contains(n4);
        assertThat(root(greyed, RootKind.GLOBAL, "head").targets()).containsExactly(n4);
        assertThat(obj(greyed, n4).fields()).containsExactly(nodes.get(3));

        // at the first cycle's end the two live nodes are black, the three dropped ones white
        HeapScene ended = r.after(0, e -> e instanceof GcEvent.GcPhaseChanged p && p.to() == GcPhase.OFF);
        Map<Long, Colour> colours = new HashMap<>();
        for (Obj o : ended.objects()) {
            colours.put(o.addr(), o.colour());
        }
        assertThat(colours).containsEntry(nodes.get(4), Colour.BLACK).containsEntry(nodes.get(3), Colour.BLACK)
                .containsEntry(nodes.get(2), Colour.WHITE).containsEntry(nodes.get(1), Colour.WHITE)
                .containsEntry(nodes.get(0), Colour.WHITE);
        assertThat(ended.greyQueue()).isEmpty();

        // the sweep frees the three and shows them as freed memory for that step
        HeapScene swept = r.after(0, e -> e instanceof GcEvent.SpanSwept sw && !sw.freed().isEmpty());
        assertThat(swept.ghosts()).extracting(HeapScene.Ghost::addr)
                .containsExactlyInAnyOrder(nodes.get(0), nodes.get(1), nodes.get(2));
        assertThat(swept.ghosts()).noneMatch(HeapScene.Ghost::lost);

        // allocated during the second mark: black and tagged new, then no longer new once marking ends
        long fresh = nodes.get(5);
        long sweptAt = r.player.position();
        HeapScene alloc = r.after(sweptAt, e -> e instanceof HeapEvent.ObjectAllocated a && a.addr() == fresh
                && a.typeName().equals("main.node"));
        assertThat(alloc.marking()).isTrue();
        assertThat(alloc.focus().title()).isEqualTo("Allocated black");
        assertThat(obj(alloc, fresh).colour()).isEqualTo(Colour.BLACK);
        assertThat(obj(alloc, fresh).allocatedBlack()).isTrue();
        assertThat(obj(alloc, n4).allocatedBlack()).isFalse();
        HeapScene off = r.after(r.player.position(), e -> e instanceof GcEvent.GcPhaseChanged p && p.to() == GcPhase.OFF);
        assertThat(obj(off, fresh).allocatedBlack()).isFalse();
        // stepping back into the mark brings the tag back: the scene is a function of the position
        HeapScene back = r.at(r.t.indexOfPrevious(r.t.size() - 1, EnumSet.of(EventKind.ALLOC)) + 1);
        assertThat(back.objects()).anyMatch(o -> o.allocatedBlack() == (o.addr() == fresh) && o.addr() == fresh);
    }

    @Test
    void everyObjectKeepsItsCellAtEveryStep() {
        Rig r = new Rig(Runs.of(LIST));
        Map<Long, HeapPlan.Cell> first = new HashMap<>();
        for (long p = 0; p <= r.t.size(); p += 3) {
            HeapScene s = r.at(p);
            for (Obj o : s.objects()) {
                HeapPlan.Cell c = s.plan().cell(o.addr(), o.sizeClass());
                assertThat(c).isNotNull();
                HeapPlan.Cell prev = first.putIfAbsent(o.addr(), c);
                if (prev != null) {
                    assertThat(c).as("cell of 0x%x at %d", o.addr(), p).isEqualTo(prev);
                }
            }
        }
        // distinct objects never share a cell
        HeapScene end = r.at(r.t.size());
        long cells = end.objects().stream().map(o -> end.plan().cell(o.addr(), o.sizeClass())).distinct().count();
        assertThat(cells).isEqualTo(end.objects().size());
        assertThat(Arrays.asList(end.plan().rows().toArray())).isNotEmpty();
    }
}
