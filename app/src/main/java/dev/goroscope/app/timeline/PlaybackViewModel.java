package dev.goroscope.app.timeline;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The cursor over a run's timeline: position, play and pause at a speed, step, step back, seek,
 * and run to the next or previous event of a kind. Every view shows {@link #snapshotProperty()},
 * the state after the events before the position.
 *
 * <p>Playing: the view's animation timer calls {@link #tick(long)} once per frame; the position
 * advances at {@link #BASE_RATE} events a second times the speed, where a call or return counts
 * as {@link #FRAME_WEIGHT} of an event (a recursion of thousands of calls fills the stack in
 * seconds, while a stack growth gets its own moment) and the dense heap and mark events count a
 * tenth; after a stack growth or shrink it dwells {@link #COPY_DWELL} events' worth, so the
 * copy's movie plays out. Playback stops at the end of what has been recorded, and at a breakpoint.
 */
public final class PlaybackViewModel {
    /** Events per second at 1x. */
    public static final double BASE_RATE = 4.0;
    static final double FRAME_WEIGHT = 1.0 / 400;
    static final double DENSE_WEIGHT = 1.0 / 10;
    /** Events' worth of time playback dwells after a stack growth or shrink, for its movie (1.5 s at 1x). */
    static final double COPY_DWELL = 6;

    private static final Set<EventKind> DENSE = EnumSet.of(EventKind.ALLOC, EventKind.POINTER_WRITE, EventKind.MARK,
            EventKind.SWEEP, EventKind.SPAN, EventKind.SCHEDULE, EventKind.ROOT_SCAN);

    private Timeline timeline = new Timeline();
    private Player player = new Player(timeline);
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(player.snapshot());
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper recorded = new ReadOnlyLongWrapper();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final BooleanProperty heapObjects = new SimpleBooleanProperty(true);
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private long lastTick = -1;
    private boolean adopted;
    private double credit;
    private java.util.function.LongPredicate breakpoint = p -> false;
    /** Where play() started: a breakpoint there is the one just stopped at, so it is passed over. */
    private long resumedAt = -1;

    {
        heapObjects.addListener((o, a, on) -> refresh());
    }

    /** Shows a new run from its start. */
    public void load(Timeline t) {
        timeline = t;
        player = new Player(t);
        adopted = false;
        playing.set(false);
        credit = 0;
        refresh();
    }

    public Timeline timeline() {
        return timeline;
    }

    /**
     * Takes over {@code indexed}, a player of the same run with checkpoints all along it, at the
     * current position; a player of another run (the user has moved on) is ignored.
     */
    public void adopt(Player indexed) {
        if (indexed.timeline() != timeline) {
            return;
        }
        indexed.seek(player.position());
        player = indexed;
        adopted = true;
        refresh();
    }

    /** Whether this run's indexed player has been adopted (scrubbing anywhere is then quick). */
    public boolean indexed() {
        return adopted;
    }

    /** Tells playback to stop before applying an event for which {@code p} is true. */
    public void setBreakpoint(java.util.function.LongPredicate p) {
        breakpoint = p;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyLongProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Events recorded so far (the run may still be adding). */
    public ReadOnlyLongProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** 0.1x to 10x. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public void play() {
        if (player.position() >= timeline.size()) {
            player.seek(0);
        }
        lastTick = -1;
        resumedAt = player.position();
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void stepForward() {
        pause();
        player.stepForward();
        refresh();
    }

    public void stepBack() {
        pause();
        player.stepBack();
        refresh();
    }

    public void seek(long p) {
        player.seek(p);
        refresh();
    }

    public void toStart() {
        pause();
        seek(0);
    }

    public void toEnd() {
        pause();
        seek(timeline.size());
    }

    /** Moves just past the next event of one of {@code kinds}; false (and no move) if none yet. */
    public boolean runToNext(Set<EventKind> kinds) {
        pause();
        boolean found = player.runToNext(kinds);
        refresh();
        return found;
    }

    public boolean runToPrevious(Set<EventKind> kinds) {
        pause();
        boolean found = player.runToPrevious(kinds);
        refresh();
        return found;
    }

    /** One animation frame at {@code nanos}: picks up new events and advances if playing. */
    public void tick(long nanos) {
        recorded.set(timeline.size());
        if (!playing.get()) {
            lastTick = nanos;
            return;
        }
        double dt = lastTick < 0 ? 0 : Math.min((nanos - lastTick) / 1e9, 0.25);
        lastTick = nanos;
        credit += dt * BASE_RATE * speed.get();
        long p = player.position();
        long end = timeline.size();
        long budget = 200_000; // events applied per frame at most, so a frame stays short
        boolean moved = false;
        while (p < end && budget-- > 0) {
            Event e = timeline.get(p);
            double w = weight(e.kind());
            if (credit < w) {
                break;
            }
            if (p != resumedAt && breakpoint.test(p)) {
                playing.set(false);
                break;
            }
            credit -= w;
            if (e.kind() == EventKind.STACK_GROW || e.kind() == EventKind.STACK_SHRINK) {
                credit -= COPY_DWELL; // the next event waits while the stacks view shows the copy
            }
            p++;
            moved = true;
        }
        if (moved) {
            player.seek(p);
            refresh();
        }
        if (p >= end) {
            credit = 0;
        }
    }

    static double weight(EventKind k) {
        if (k == EventKind.FRAME) {
            return FRAME_WEIGHT;
        }
        return DENSE.contains(k) ? DENSE_WEIGHT : 1.0;
    }

    private void refresh() {
        recorded.set(timeline.size());
        position.set(player.position());
        snapshot.set(player.snapshot(heapObjects.get()));
    }

    /**
     * Whether snapshots carry the heap's objects (the heap view is showing); without them a
     * snapshot of a big heap is far cheaper. Turning it on refreshes the snapshot.
     */
    public BooleanProperty heapObjectsProperty() {
        return heapObjects;
    }
}
