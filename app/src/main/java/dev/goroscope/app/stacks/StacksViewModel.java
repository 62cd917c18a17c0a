package dev.goroscope.app.stacks;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.ProgramEvent;
import dev.goroscope.engine.event.StackEvent;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.Sys;
import dev.goroscope.engine.timeline.FrameRun;
import dev.goroscope.engine.timeline.GoroutineView;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * The stacks view's model: one column per goroutine, drawn to scale. With more goroutines than
 * fit ({@link #MAX_COLUMNS}), the rest are grouped by entry function and state, each group one
 * column with a count ("1000 × main.unused, waiting: chan receive"). Dead goroutines are not
 * shown; system goroutines (forcegc, bgsweep, ...) are grouped at the end.
 *
 * <p>The goroutine the last event was about is marked current; when that event was a stack copy
 * (growth or shrink) it is offered as {@link #copyProperty()} for the view to animate.
 */
public final class StacksViewModel {
    /** Goroutines drawn one column each before the rest are grouped. */
    public static final int MAX_COLUMNS = 8;

    private final ReadOnlyObjectWrapper<List<StackColumn>> columns = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanProperty logScale = new SimpleBooleanProperty(true);
    private final BooleanProperty showSystem = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<StackCopy> copy = new ReadOnlyObjectWrapper<>();
    private final Supplier<Timeline> timeline;
    private long maxStack = Sys.MAX_STACK_SIZE;
    private long lastPosition;
    private long currentGid = -1;

    /** Steps forward at most this far apart count as playing or stepping: a copy reached so is animated. */
    static final long ANIMATE_WITHIN = 100_000;

    public StacksViewModel(ObservableValue<Snapshot> snapshot, Supplier<Timeline> timeline) {
        this.timeline = timeline;
        snapshot.addListener((o, a, s) -> update(s));
        showSystem.addListener((o, a, b) -> update(snapshot.getValue()));
        update(snapshot.getValue());
    }

    public ReadOnlyObjectProperty<List<StackColumn>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    public List<StackColumn> columns() {
        return columns.get();
    }

    /** Log scale: each doubling of a stack adds the same height (default); linear: to scale. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The stack copy the last event made, or null. */
    public ReadOnlyObjectProperty<StackCopy> copyProperty() {
        return copy.getReadOnlyProperty();
    }

    public BooleanProperty showSystemProperty() {
        return showSystem;
    }

    /** The stack limit the max-stack line marks ({@code debug.SetMaxStack} may lower it). */
    public long maxStack() {
        return maxStack;
    }

    public void setMaxStack(long bytes) {
        maxStack = bytes;
    }

    void update(Snapshot s) {
        if (s == null) {
            columns.set(List.of());
            copy.set(null);
            return;
        }
        Event last = lastEvent(s);
        currentGid = last instanceof StackEvent se ? se.gid()
                : last instanceof ProgramEvent.Line l ? l.gid() : -1;
        boolean forward = s.position() > lastPosition && s.position() - lastPosition <= ANIMATE_WITHIN;
        StackCopy c = last instanceof StackEvent.Copy sc ? StackCopy.of(sc, forward) : null;
        lastPosition = s.position();
        List<GoroutineView> live = new ArrayList<>();
        List<GoroutineView> system = new ArrayList<>();
        for (GoroutineView g : s.goroutines()) {
            if (g.status() == GStatus.DEAD) {
                continue;
            }
            if (isSystem(g)) {
                system.add(g);
            } else {
                live.add(g);
            }
        }
        List<StackColumn> out = new ArrayList<>();
        int single = live.size() <= MAX_COLUMNS ? live.size() : MAX_COLUMNS - 1;
        for (int k = 0; k < single; k++) {
            out.add(column(live.get(k), currentGid));
        }
        out.addAll(groups(live.subList(single, live.size())));
        if (showSystem.get()) {
            out.addAll(groups(system));
        }
        columns.set(List.copyOf(out));
        copy.set(c);
    }

    private Event lastEvent(Snapshot s) {
        Timeline t = timeline.get();
        return s.position() > 0 && s.position() <= t.size() ? t.get(s.position() - 1) : null;
    }

    /**
     * The runtime's own goroutines: the four every program starts with (forcegc, bgsweep,
     * bgscavenge, runfinq) and the mark workers the first GC cycle starts, one per P; Go's
     * tracebacks leave them out too. Only {@code runtime.main} is the program's.
     */
    static boolean isSystem(GoroutineView g) {
        return g.system();
    }

    static StackColumn column(GoroutineView g, long currentGid) {
        List<StackColumn.FrameBand> bands = new ArrayList<>();
        for (FrameRun r : g.frames()) {
            long per = r.frameSize() + 8;
            long top = r.spFirst() + per; // the oldest frame of the run, with its return address above it
            bands.add(new StackColumn.FrameBand(r.function(), r.count(), per * r.count(), Math.max(0, g.hi() - top)));
        }
        return new StackColumn(g.gid(), "G" + g.gid() + "  " + g.entry(), state(g), g.stackSize(), g.used(),
                g.highWater(), bands, 1, g.stackSize(), g.gid() == currentGid);
    }

    private List<StackColumn> groups(List<GoroutineView> gs) {
        Map<String, List<GoroutineView>> byKey = new LinkedHashMap<>();
        for (GoroutineView g : gs) {
            byKey.computeIfAbsent(g.entry() + "\u0000" + state(g), k -> new ArrayList<>()).add(g);
        }
        List<StackColumn> out = new ArrayList<>();
        for (List<GoroutineView> group : byKey.values()) {
            GoroutineView first = group.get(0);
            if (group.size() == 1) {
                out.add(column(first, currentGid));
                continue;
            }
            long total = 0;
            long biggest = 0;
            GoroutineView widest = first;
            for (GoroutineView g : group) {
                total += g.stackSize();
                if (g.stackSize() > biggest) {
                    biggest = g.stackSize();
                    widest = g;
                }
            }
            StackColumn c = column(widest, -1);
            out.add(new StackColumn(-1, String.format(Locale.ROOT, "%,d × %s", group.size(), first.entry()), state(first),
                    c.size(), c.used(), c.highWater(), c.frames(), group.size(), total, false));
        }
        return out;
    }

    static String state(GoroutineView g) {
        return switch (g.status()) {
            case RUNNING -> "running";
            case RUNNABLE -> "runnable";
            case WAITING -> "waiting: " + g.waitReason().text();
            case SYSCALL -> "in a system call";
            case COPYSTACK -> "stack being copied";
            case PREEMPTED -> "preempted";
            case DEAD -> "dead";
            case IDLE -> "idle";
        };
    }
}
