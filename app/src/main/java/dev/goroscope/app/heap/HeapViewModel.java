package dev.goroscope.app.heap;

import dev.goroscope.app.heap.HeapScene.Focus;
import dev.goroscope.app.heap.HeapScene.Ghost;
import dev.goroscope.app.heap.HeapScene.Obj;
import dev.goroscope.app.heap.HeapScene.Root;
import dev.goroscope.app.heap.HeapScene.RootKind;
import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.Colour;
import dev.goroscope.engine.timeline.FrameRun;
import dev.goroscope.engine.timeline.GlobalView;
import dev.goroscope.engine.timeline.GoroutineView;
import dev.goroscope.engine.timeline.ObjectView;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * The heap view's model: the tri-colour heap graph at the playback position. Objects come from
 * the snapshot with their colour; edges are their pointer fields; the roots are the globals, each
 * stack frame that has pointer slots (the snapshot carries the slots' values, so the roots show
 * exactly which frame points where) and the runtime's list of goroutines, {@code allgs}, which
 * keeps the {@code runtime.g} objects alive. The last event applied adds what the view flashes:
 * a write-barrier shade with its reason, a greying, a scan, an allocation, a pointer store, or
 * the objects a span sweep just freed (drawn as freed memory for that one step).
 *
 * <p>Objects allocated during the current mark phase are marked as allocated black (§4.5), found
 * from the timeline's allocation events since the phase began. Where each object is drawn comes
 * from a {@link HeapPlan} over the whole run, so an object keeps its place at every step.
 *
 * <p>The runtime's own objects (G structs, the mark workers' nodes, fmt's printers, sync.Pool's
 * arrays, timers: {@link ObjectView#runtime}) are hidden unless {@link #showRuntimeProperty()} is
 * set, with the roots only they matter to ({@code allgs}, the runtime goroutines' frames), their
 * sweep and the flashes about them; otherwise a lesson's few objects would share the grid with
 * hundreds of them. They stay in the scene as {@link HeapScene#hidden()}, so a pointer to one is
 * not taken for a dangling one, and the grey queue keeps its true order.
 */
public final class HeapViewModel {
    private static final Set<EventKind> PHASE = EnumSet.of(EventKind.GC_PHASE);
    private static final Set<EventKind> ALLOC = EnumSet.of(EventKind.ALLOC);
    private static final String ALLG_TYPE = "runtime.g";

    private final Supplier<Timeline> timeline;
    private final ReadOnlyObjectWrapper<HeapScene> scene = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty showRuntime = new SimpleBooleanProperty(false);
    /** Every object's cells, and the program's objects' cells only. */
    private HeapPlan plan;
    private HeapPlan ownPlan;
    /** Black allocations of one mark phase: address to the allocation's event index. */
    private long markStart = -1;
    private long blackScanned;
    private final Map<Long, Long> blackAllocs = new HashMap<>();
    /** Each goroutine's stack roots, by its index in the snapshot, reused while its frames stay the same. */
    private final List<StackRoots> stackRoots = new ArrayList<>();

    /** The roots one goroutine's frames make, for the frames and scan state they were made from. */
    private record StackRoots(long gid, List<FrameRun> frames, boolean scanned, List<Root> roots) {}

    /** {@code timeline} gives the run the snapshots come from (the playback's current timeline). */
    public HeapViewModel(ObservableValue<Snapshot> snapshot, Supplier<Timeline> timeline) {
        this.timeline = timeline;
        snapshot.addListener((o, a, s) -> update(s));
        showRuntime.addListener((o, a, b) -> update(snapshot.getValue()));
        update(snapshot.getValue());
    }

    /** Whether the runtime's own objects are drawn (off: only the program's). */
    public BooleanProperty showRuntimeProperty() {
        return showRuntime;
    }

    /** The count for the pane's title bar: "12 objects (340 runtime hidden) · 3 grey". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * The scene. Listen for invalidation, not change: a change listener makes the property compare
     * each new scene with the last one, object by object.
     */
    public ReadOnlyObjectProperty<HeapScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    /** The scene at the current position (never null once a snapshot was seen). */
    public HeapScene scene() {
        return scene.get();
    }

    void update(Snapshot s) {
        Timeline t = timeline.get();
        if (s == null || t == null) {
            return;
        }
        if (plan == null || plan.timeline() != t) {
            plan = new HeapPlan(t, true);
            ownPlan = new HeapPlan(t, false);
            markStart = -1;
            blackAllocs.clear();
            stackRoots.clear();
        }
        boolean all = showRuntime.get();
        HeapPlan cells = all ? plan : ownPlan;
        cells.refresh();
        long pos = Math.min(s.position(), t.size());
        Event last = pos > 0 ? t.get(pos - 1) : null;
        boolean marking = s.phase() == GcPhase.MARK || s.phase() == GcPhase.MARK_TERMINATION;
        Set<Long> black = marking ? blackAllocations(t, pos) : Set.of();

        List<Obj> objects = new ArrayList<>(s.objects().size());
        List<Obj> hidden = new ArrayList<>();
        for (ObjectView o : s.objects()) {
            Obj ob = new Obj(o, o.colour() == Colour.BLACK && black.contains(o.addr()));
            (all || !o.runtime() ? objects : hidden).add(ob);
        }
        // Already in address order: Snapshot.objects() is sorted by address.
        List<Ghost> ghosts = ghosts(last, all);
        Focus f = focus(last, ghosts);
        if (f != null && HeapScene.indexOf(hidden, f.addr()) >= 0) {
            f = null; // what happened to a hidden object: the narration says it
        }
        HeapScene sc = new HeapScene(s.phase(), s.cycle(), objects, hidden, roots(s, all), s.greyQueue(), ghosts, f,
                cells);
        scene.set(sc);
        summary.set(summary(sc));
    }

    /** "12 objects (340 runtime hidden) · 3 grey": the grey among those drawn. */
    static String summary(HeapScene s) {
        int grey = s.greyQueue().size() - s.hiddenGrey();
        return HeapText.count(s.objects().size(), "object", "objects")
                + (s.hidden().isEmpty() ? "" : " (" + HeapText.num(s.hidden().size())
                        + " runtime hidden)")
                + (grey == 0 ? "" : " \u00b7 " + HeapText.num(grey) + " grey");
    }

    /** Addresses allocated black since the current mark phase began, up to {@code pos}. */
    private Set<Long> blackAllocations(Timeline t, long pos) {
        long start = pos;
        long i = t.indexOfPrevious(pos - 1, PHASE);
        while (i >= 0) {
            if (t.get(i) instanceof GcEvent.GcPhaseChanged c && c.to() == GcPhase.MARK) {
                start = i;
                break;
            }
            i = t.indexOfPrevious(i - 1, PHASE);
        }
        if (start != markStart) {
            markStart = start;
            blackScanned = start;
            blackAllocs.clear();
        }
        long j = t.indexOfNext(blackScanned, ALLOC);
        while (j >= 0 && j < pos) {
            if (t.get(j) instanceof HeapEvent.ObjectAllocated a && a.black()) {
                blackAllocs.put(a.addr(), j);
            }
            j = t.indexOfNext(j + 1, ALLOC);
        }
        blackScanned = Math.max(blackScanned, pos);
        if (blackAllocs.isEmpty()) {
            return Set.of();
        }
        Set<Long> out = new java.util.HashSet<>();
        for (Map.Entry<Long, Long> e : blackAllocs.entrySet()) {
            if (e.getValue() < pos) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * The roots; without {@code runtime}, those of the runtime's own goroutines and allgs are left
     * out. A goroutine's stack roots are made again only when its frames or scan state changed
     * (while a GC marks, a thousand parked goroutines keep theirs from frame to frame).
     */
    private List<Root> roots(Snapshot s, boolean runtime) {
        List<Root> out = new ArrayList<>();
        for (GlobalView g : s.globals()) {
            long[] slots = g.slots();
            if (slots.length > 0) {
                out.add(new Root(RootKind.GLOBAL, HeapText.shortType(g.name()), "global", distinct(slots),
                        slots.length, false));
            }
        }
        List<GoroutineView> gs = s.goroutines();
        for (int i = 0; i < gs.size(); i++) {
            GoroutineView g = gs.get(i);
            if (g.status() == GStatus.DEAD || !runtime && g.system()) {
                continue;
            }
            while (stackRoots.size() <= i) {
                stackRoots.add(null);
            }
            StackRoots c = stackRoots.get(i);
            if (c == null || c.gid() != g.gid() || c.scanned() != g.scannedThisCycle()
                    || !c.frames().equals(g.frames())) {
                c = new StackRoots(g.gid(), g.frames(), g.scannedThisCycle(), stackRoots(g));
                stackRoots.set(i, c);
            }
            out.addAll(c.roots());
        }
        if (!runtime) {
            return out;
        }
        long[] allgs = new long[s.objects().size()];
        int n = 0;
        for (ObjectView o : s.objects()) {
            if (o.typeName().equals(ALLG_TYPE)) {
                allgs[n++] = o.addr();
            }
        }
        if (n > 0) {
            out.add(new Root(RootKind.RUNTIME, "allgs", "the runtime's goroutines", Arrays.copyOf(allgs, n), n,
                    false));
        }
        return out;
    }

    private static List<Root> stackRoots(GoroutineView g) {
        List<Root> out = new ArrayList<>(1);
        for (FrameRun r : g.frames()) {
            if (r.ptrSlots() == 0) {
                continue;
            }
            String fn = HeapText.shortType(r.function());
            String label = "G" + g.gid() + " " + fn + (r.count() > 1 ? " \u00d7" + r.count() : "");
            long[] slots = r.slots();
            out.add(new Root(RootKind.STACK, label, "stack frame", distinct(slots), slots.length,
                    g.scannedThisCycle()));
        }
        return out;
    }

    /** The non-nil values of {@code slots}, each once, in slot order. */
    static long[] distinct(long[] slots) {
        if (slots.length > 16) {
            Set<Long> seen = new LinkedHashSet<>();
            for (long v : slots) {
                if (v != 0) {
                    seen.add(v);
                }
            }
            return seen.stream().mapToLong(Long::longValue).toArray();
        }
        // a frame's few slots (every frame of a 1,000-goroutine run, every step): no boxing
        long[] out = new long[slots.length];
        int n = 0;
        next:
        for (long v : slots) {
            if (v == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (out[i] == v) {
                    continue next;
                }
            }
            out[n++] = v;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static List<Ghost> ghosts(Event last) {
        return ghosts(last, true);
    }

    /** What the last event freed; without {@code runtime}, the runtime's own objects are left out. */
    static List<Ghost> ghosts(Event last, boolean runtime) {
        if (!(last instanceof GcEvent.SpanSwept sw)) {
            return List.of();
        }
        List<Ghost> out = new ArrayList<>();
        for (GcEvent.FreedObject f : sw.freed()) {
            if (runtime || !f.runtime()) {
                out.add(new Ghost(f.addr(), f.typeName(), f.sizeClass(), f.lost()));
            }
        }
        return out;
    }

    static Focus focus(Event last) {
        return focus(last, ghosts(last));
    }

    /** The flash for the last event; a sweep is told by the freed objects shown, {@code ghosts}. */
    static Focus focus(Event last, List<Ghost> ghosts) {
        if (last instanceof GcEvent.BarrierShaded b) {
            String which = b.reason() == GcEvent.ShadeReason.OLD_VALUE ? "OLD value" : "NEW value";
            return new Focus(HeapScene.FocusKind.BARRIER_SHADE, b.addr(), b.holder(), b.field(),
                    "Write barrier shaded it grey",
                    "the " + which + " of field " + b.field() + " of " + HeapText.addr(b.holder())
                            + (b.reason() == GcEvent.ShadeReason.OLD_VALUE ? " (being overwritten)" : " (being stored)"));
        }
        if (last instanceof GcEvent.ObjectGreyed g) {
            return new Focus(HeapScene.FocusKind.GREYED, g.addr(), g.from(), -1, "Greyed", g.reason().text());
        }
        if (last instanceof GcEvent.ObjectBlackened b) {
            return new Focus(HeapScene.FocusKind.BLACKENED, b.addr(), 0, -1, "Scanned: black",
                    HeapText.count(b.pointersScanned(), "pointer", "pointers") + " followed"
                            + (b.gid() > 0 ? " by G" + b.gid() + "'s assist" : " by a mark worker"));
        }
        if (last instanceof HeapEvent.ObjectAllocated a) {
            return new Focus(HeapScene.FocusKind.ALLOCATED, a.addr(), 0, -1,
                    a.black() ? "Allocated black" : "Allocated",
                    a.black() ? "the GC is marking: new objects start black" : HeapText.shortType(a.typeName())
                            + ", " + HeapText.size(a.elemSize()) + " slot");
        }
        if (last instanceof HeapEvent.PointerWritten w && (w.newValue() != 0 || w.oldValue() != 0)) {
            long target = w.newValue() != 0 ? w.newValue() : w.oldValue();
            String where = w.global() ? "a global" : "field " + w.field() + " of " + HeapText.addr(w.holder());
            return new Focus(HeapScene.FocusKind.POINTER_WRITE, target, w.holder(), w.global() ? -1 : w.field(),
                    "Pointer write", where + " = " + (w.newValue() == 0 ? "nil" : HeapText.addr(w.newValue()))
                            + " (was " + (w.oldValue() == 0 ? "nil" : HeapText.addr(w.oldValue())) + ")");
        }
        if (last instanceof GcEvent.SpanSwept && !ghosts.isEmpty()) {
            long lost = ghosts.stream().filter(Ghost::lost).count();
            long at = ghosts.stream().filter(Ghost::lost).findFirst().orElse(ghosts.get(0)).addr();
            return new Focus(HeapScene.FocusKind.SWEPT, at, 0, -1, lost > 0 ? "Swept while still in use" : "Swept",
                    HeapText.count(ghosts.size(), "white object", "white objects") + " freed"
                            + (lost > 0 ? "; " + lost + " still in use: LOST" : ""));
        }
        return null;
    }
}
