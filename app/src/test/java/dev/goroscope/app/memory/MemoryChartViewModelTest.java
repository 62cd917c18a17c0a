package dev.goroscope.app.memory;

import dev.goroscope.app.Runs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.app.memory.MemoryChart.Band;
import dev.goroscope.app.memory.MemoryChart.BandKind;
import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.MemFigures;
import dev.goroscope.engine.timeline.Player;
import dev.goroscope.engine.timeline.Snapshot;
import dev.goroscope.engine.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The memory chart's model on real lesson runs, without the toolkit: its series are the figures
 * {@code Snapshot.mem()} gives at the same step, its bands are where the GC phase events put them,
 * and its memory does not grow with the run.
 */
class MemoryChartViewModelTest {
    private static final String SHRINK = "05-stack-shrink";
    private static final String GOGC = "10-gogc-memlimit";

    private static MemoryChartViewModel folded(Timeline t, int buckets) {
        MemoryChartViewModel vm = new MemoryChartViewModel(() -> t, new SimpleObjectProperty<>(), buckets);
        while (!vm.advance()) {
            assertThat(vm.chart().steps()).isLessThanOrEqualTo(t.size());
        }
        assertThat(vm.chart().steps()).isEqualTo(t.size());
        return vm;
    }

    @Test
    void atOneStepPerBucketEverySeriesEqualsTheSnapshotAtEveryStep() {
        Timeline t = Runs.lesson(SHRINK);
        MemoryChart c = folded(t, 8192).chart();
        assertThat(c.bucketWidth()).isEqualTo(1);
        assertThat(c.buckets()).isEqualTo(t.size() + 1);
        Player p = new Player(t);
        for (long pos = 0; pos <= t.size(); pos++) {
            p.seek(pos);
            MemFigures m = p.snapshot().mem();
            for (ChartSeries s : ChartSeries.values()) {
                MemoryChart.Line l = c.line(s);
                int k = (int) pos;
                assertThat(l.first(k)).as("%s at step %d", s, pos).isEqualTo(s.of(m));
                assertThat(l.min(k)).isEqualTo(l.max(k)).isEqualTo(l.last(k)).isEqualTo(l.first(k));
            }
        }
        // The lesson's story is in the data: stacks grow, then shrink at GCs; GCs are counted.
        assertThat(c.line(ChartSeries.STACK_INUSE).peak()).isGreaterThan(c.line(ChartSeries.STACK_INUSE).last(c.buckets() - 1));
        assertThat(c.line(ChartSeries.NUM_GC).last(c.buckets() - 1)).isEqualTo(10);
    }

    @Test
    void whenTheCursorMovesTheLegendFiguresAreAlreadyThoseOfTheNewStep() {
        // The view repaints on a cursor change; the legend it paints must not lag one step behind.
        Timeline t = Runs.lesson(SHRINK);
        Player p = new Player(t);
        SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(p.snapshot());
        MemoryChartViewModel vm = new MemoryChartViewModel(() -> t, snap);
        List<Long> seen = new ArrayList<>();
        vm.cursorProperty().addListener((o, a, pos) -> seen.add(vm.figuresAtCursorProperty().get().heapAlloc()));
        List<Long> expected = new ArrayList<>();
        for (long pos : new long[] {t.size() / 3, t.size() / 2, t.size()}) {
            p.seek(pos);
            snap.set(p.snapshot());
            expected.add(p.snapshot().mem().heapAlloc());
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new TreeSet<>(expected)).hasSizeGreaterThan(1); // the figures differ between the steps
    }

    @Test
    void downsampledBucketsHoldTheSnapshotFiguresAtTheirEdgesAndBoundThemInside() {
        for (String id : List.of(SHRINK, GOGC)) {
            Timeline t = Runs.lesson(id);
            MemoryChart c = folded(t, MemoryChartViewModel.BUCKETS).chart();
            assertThat(c.buckets()).isLessThanOrEqualTo(MemoryChartViewModel.BUCKETS);
            assertThat(c.bucketEnd(c.buckets() - 1)).isEqualTo(t.size());
            Player p = new Player(t);
            int every = Math.max(1, c.buckets() / 150);
            for (int k = 0; k < c.buckets(); k += every) {
                long a = c.bucketStart(k);
                long b = c.bucketEnd(k);
                for (long pos : new long[] {a, (a + b) / 2, b}) {
                    p.seek(pos);
                    MemFigures m = p.snapshot().mem();
                    for (ChartSeries s : ChartSeries.values()) {
                        MemoryChart.Line l = c.line(s);
                        long v = s.of(m);
                        assertThat(v).as("%s %s at step %d", id, s, pos).isBetween(l.min(k), l.max(k));
                        if (pos == a) {
                            assertThat(l.first(k)).as("%s %s first of bucket %d", id, s, k).isEqualTo(v);
                        }
                        if (pos == b) {
                            assertThat(l.last(k)).as("%s %s last of bucket %d", id, s, k).isEqualTo(v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theGogcLessonShowsTheHeapUnderItsGoalAndManyCycles() {
        MemoryChart c = folded(Runs.lesson(GOGC), MemoryChartViewModel.BUCKETS).chart();
        assertThat(c.line(ChartSeries.HEAP_ALLOC).peak()).isGreaterThan(60L << 20);
        assertThat(c.line(ChartSeries.NUM_GC).peak()).isGreaterThan(100);
        assertThat(c.line(ChartSeries.STACK_SYS).peak()).isEqualTo(c.line(ChartSeries.STACK_INUSE).peak());
    }

    @Test
    void gcBandsMatchTheGcPhaseEventsExactly() {
        for (String id : List.of(SHRINK, GOGC)) {
            Timeline t = Runs.lesson(id);
            MemoryChart c = folded(t, 1 << 19).chart();
            assertThat(c.bucketWidth()).isEqualTo(1);
            TreeSet<Long> positions = new TreeSet<>();
            for (long i = t.indexOfNext(0, EnumSet.of(EventKind.GC_PHASE)); i >= 0;
                 i = t.indexOfNext(i + 1, EnumSet.of(EventKind.GC_PHASE))) {
                for (long d = -1; d <= 2; d++) {
                    positions.add(Math.max(0, Math.min(t.size(), i + d)));
                }
            }
            for (long k = 0; k <= 300; k++) {
                positions.add(k * t.size() / 300);
            }
            Player p = new Player(t);
            for (long pos : positions) {
                p.seek(pos);
                Snapshot s = p.snapshot();
                GcPhase ph = s.phase();
                assertThat(in(c, BandKind.MARK, pos)).as("%s mark at %d", id, pos).isEqualTo(ph == GcPhase.MARK);
                assertThat(in(c, BandKind.MARK_TERMINATION, pos)).as("%s mark termination at %d", id, pos)
                        .isEqualTo(ph == GcPhase.MARK_TERMINATION);
                assertThat(in(c, BandKind.STOP_THE_WORLD, pos)).as("%s STW at %d", id, pos)
                        .isEqualTo(ph.stopTheWorld());
                if (in(c, BandKind.SWEEP, pos)) {
                    assertThat(ph).as("%s sweeping at %d", id, pos).isIn(GcPhase.OFF, GcPhase.SWEEP_TERMINATION);
                    assertThat(s.cycle()).isPositive();
                }
            }
            // Every span swept lies in a sweep band, and each band runs from the world restarting
            // after mark termination to just after the last span swept.
            for (long i = t.indexOfNext(0, EnumSet.of(EventKind.SWEEP)); i >= 0;
                 i = t.indexOfNext(i + 1, EnumSet.of(EventKind.SWEEP))) {
                if (t.get(i) instanceof GcEvent.SpanSwept) {
                    assertThat(in(c, BandKind.SWEEP, i)).as("%s span swept by event %d", id, i).isTrue();
                }
            }
            List<Band> sweeps = of(c, BandKind.SWEEP);
            assertThat(sweeps).isNotEmpty();
            for (Band b : sweeps) {
                Event start = t.get(b.from() - 1);
                assertThat(start).isInstanceOfSatisfying(GcEvent.GcPhaseChanged.class,
                        e -> assertThat(e.to()).isEqualTo(GcPhase.OFF));
                assertThat(t.get(b.to() - 1)).isInstanceOf(GcEvent.SpanSwept.class);
            }
            long marks = 0;
            for (long i = t.indexOfNext(0, EnumSet.of(EventKind.GC_PHASE)); i >= 0;
                 i = t.indexOfNext(i + 1, EnumSet.of(EventKind.GC_PHASE))) {
                if (((GcEvent.GcPhaseChanged) t.get(i)).to() == GcPhase.MARK) {
                    marks++;
                }
            }
            assertThat(of(c, BandKind.MARK)).hasSize((int) marks);
        }
    }

    @Test
    void foldingWhileTheRunRecordsGivesTheSameChartAsFoldingTheWholeRun() {
        Timeline whole = Runs.lesson(GOGC);
        Timeline growing = new Timeline();
        MemoryChartViewModel live = new MemoryChartViewModel(() -> growing, new SimpleObjectProperty<>(), 256);
        long i = 0;
        while (i < whole.size()) {
            for (long n = Math.min(whole.size(), i + 7_919); i < n; i++) {
                growing.emit(whole.get(i));
            }
            live.advance(5_003);
            assertThat(live.chart().steps()).isLessThanOrEqualTo(growing.size());
        }
        while (!live.advance(5_003)) {
            assertThat(live.chart().buckets()).isLessThanOrEqualTo(256);
        }
        MemoryChart a = live.chart();
        MemoryChart b = folded(whole, 256).chart();
        assertThat(a.steps()).isEqualTo(b.steps());
        assertThat(a.bucketWidth()).isEqualTo(b.bucketWidth());
        assertThat(a.bands()).isEqualTo(b.bands());
        for (ChartSeries s : ChartSeries.values()) {
            for (int k = 0; k < a.buckets(); k++) {
                assertThat(new long[] {a.line(s).first(k), a.line(s).min(k), a.line(s).max(k), a.line(s).last(k)})
                        .containsExactly(b.line(s).first(k), b.line(s).min(k), b.line(s).max(k), b.line(s).last(k));
            }
        }
    }

    @Test
    void aTenMillionEventRunKeepsTheChartAtAFixedSize() {
        Timeline lesson = Runs.lesson(GOGC);
        Timeline big = new Timeline();
        // The lesson's events over and over: the figures drift, but the cost is what is measured.
        while (big.size() < 10_000_000) {
            for (long i = 0; i < lesson.size(); i++) {
                big.emit(lesson.get(i));
            }
        }
        MemoryChartViewModel vm = new MemoryChartViewModel(() -> big, new SimpleObjectProperty<>());
        int slices = 0;
        long before = 0;
        while (!vm.advance()) {
            slices++;
            assertThat(vm.chart().steps() - before).isLessThanOrEqualTo(MemoryChartViewModel.SLICE);
            before = vm.chart().steps();
        }
        MemoryChart c = vm.chart();
        assertThat(slices).isGreaterThanOrEqualTo(49);
        assertThat(c.steps()).isEqualTo(big.size());
        assertThat(c.buckets()).isLessThanOrEqualTo(MemoryChartViewModel.BUCKETS).isGreaterThan(MemoryChartViewModel.BUCKETS / 2);
        // Bands closer than a bucket are joined, so they are bounded by the buckets, not the cycles.
        assertThat(big.count(EventKind.GC_CYCLE)).isGreaterThan(13_000);
        assertThat(vm.bandsHeld()).isLessThanOrEqualTo(4 * (MemoryChartViewModel.BUCKETS + 1));
        assertThat(c.bands().size()).isLessThanOrEqualTo(4 * (MemoryChartViewModel.BUCKETS + 2));
    }

    @Test
    void theCursorFollowsPlaybackAndAClickMapsToAStep() {
        Timeline t = Runs.lesson(SHRINK);
        Player p = new Player(t);
        SimpleObjectProperty<Snapshot> snap = new SimpleObjectProperty<>(p.snapshot());
        MemoryChartViewModel vm = new MemoryChartViewModel(() -> t, snap);
        vm.advance(Long.MAX_VALUE);
        p.seek(1234);
        snap.set(p.snapshot());
        assertThat(vm.cursorProperty().get()).isEqualTo(1234);
        assertThat(vm.figuresAtCursorProperty().get()).isEqualTo(p.snapshot().mem());
        assertThat(vm.stepAt(0)).isZero();
        assertThat(vm.stepAt(1)).isEqualTo(t.size());
        assertThat(vm.stepAt(0.5)).isEqualTo((t.size() + 1) / 2);
        assertThat(vm.stepAt(-3)).isZero();
        assertThat(vm.stepAt(7)).isEqualTo(t.size());
    }

    @Test
    void aNewRunStartsTheChartAfresh() {
        Timeline[] shown = {Runs.lesson(GOGC)};
        MemoryChartViewModel vm = new MemoryChartViewModel(() -> shown[0], new SimpleObjectProperty<>());
        vm.advance(Long.MAX_VALUE);
        assertThat(vm.chart().steps()).isEqualTo(shown[0].size());
        shown[0] = Runs.lesson(SHRINK);
        vm.advance(100);
        assertThat(vm.chart().steps()).isEqualTo(100);
        assertThat(vm.chart().line(ChartSeries.HEAP_ALLOC).peak()).isLessThan(1 << 20);
    }

    private static boolean in(MemoryChart c, BandKind k, long pos) {
        for (Band b : c.bands()) {
            if (b.kind() == k && b.contains(pos)) {
                return true;
            }
        }
        return false;
    }

    private static List<Band> of(MemoryChart c, BandKind k) {
        List<Band> out = new ArrayList<>();
        for (Band b : c.bands()) {
            if (b.kind() == k) {
                out.add(b);
            }
        }
        return out;
    }
}
