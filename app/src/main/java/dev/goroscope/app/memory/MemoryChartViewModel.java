package dev.goroscope.app.memory;

import dev.goroscope.engine.timeline.MemFigures;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The memory chart's model: the figures of {@link ChartSeries} over the whole run so far, with the
 * GC bands, and where playback is. The memory table shows one moment; this shows the story (the
 * heap sawtooth under its goal, stacks shrinking at each GC, goroutines piling up).
 *
 * <p>The run may still be recording, and may have ten million events, so the chart is folded a
 * bounded slice at a time ({@link #advance()}, called by the view once per animation frame): a
 * frame never does more than {@link #SLICE} events of work, and memory stays at {@link #BUCKETS}
 * buckets per series. A new run (the supplier gives another timeline) starts the fold again.
 */
public final class MemoryChartViewModel {
    /** Buckets per series: more than the pixels of a wide window, and a fixed cost. */
    public static final int BUCKETS = 2048;
    /** Events folded per {@link #advance()}, a few milliseconds of work. */
    public static final long SLICE = 50_000;

    private final Supplier<Timeline> timeline;
    private final int buckets;
    private MemoryFold fold;
    private final ReadOnlyObjectWrapper<MemoryChart> chart = new ReadOnlyObjectWrapper<>(MemoryChart.empty());
    private final ReadOnlyLongWrapper cursor = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<MemFigures> atCursor = new ReadOnlyObjectWrapper<>();

    /**
     * @param timeline the run shown (for the app, {@code playback::timeline}); asked at each advance
     * @param snapshot the playback's snapshot: its position is the cursor, its figures the legend's
     */
    public MemoryChartViewModel(Supplier<Timeline> timeline, ObservableValue<Snapshot> snapshot) {
        this(timeline, snapshot, BUCKETS);
    }

    MemoryChartViewModel(Supplier<Timeline> timeline, ObservableValue<Snapshot> snapshot, int buckets) {
        this.timeline = timeline;
        this.buckets = buckets;
        snapshot.addListener((o, a, s) -> follow(s));
        follow(snapshot.getValue());
    }

    /** The chart folded so far; replaced (never changed) as the fold goes on. */
    public ReadOnlyObjectProperty<MemoryChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public MemoryChart chart() {
        return chart.get();
    }

    /** The playback position: where the cursor line is drawn. */
    public ReadOnlyLongProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** The exact figures at the cursor, for the legend (null before any run). */
    public ReadOnlyObjectProperty<MemFigures> figuresAtCursorProperty() {
        return atCursor.getReadOnlyProperty();
    }

    /** Folds one slice of the events recorded since the last call; true once all are folded. */
    public boolean advance() {
        return advance(SLICE);
    }

    /** Folds at most {@code maxEvents} events; true once every event recorded so far is folded. */
    public boolean advance(long maxEvents) {
        Timeline t = timeline.get();
        if (t == null) {
            return true;
        }
        if (fold == null || fold.timeline() != t) {
            fold = new MemoryFold(t, buckets);
            chart.set(fold.chart());
        }
        if (fold.advance(maxEvents) > 0) {
            chart.set(fold.chart());
        }
        return fold.folded() >= t.size();
    }

    /** Band entries the fold holds (a test checks they stay bounded). */
    int bandsHeld() {
        return fold == null ? 0 : fold.bandsHeld();
    }

    /**
     * The step a click or drag at {@code fraction} of the x axis (0 at the left, 1 at the right)
     * seeks to, clamped to the steps charted.
     */
    public long stepAt(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        long steps = chart.get().steps();
        // Position p is drawn over [p, p + 1) of an axis of steps + 1 positions.
        return Math.min(steps, (long) Math.floor(f * (steps + 1)));
    }

    private void follow(Snapshot s) {
        if (s == null) {
            return;
        }
        atCursor.set(s.mem()); // first: a listener to the cursor reads the figures
        cursor.set(s.position());
    }
}
