package dev.goroscope.app.memory;

import dev.goroscope.app.memory.MemoryChart.BandKind;
import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.event.SchedEvent;
import dev.goroscope.engine.runtime.GStatus;
import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.runtime.Sys;
import dev.goroscope.engine.timeline.GoroutineView;
import dev.goroscope.engine.timeline.Timeline;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The chart's figures folded from a timeline's events, a slice at a time, as the run grows.
 *
 * <p>Why not seek a player to each position and read {@code Snapshot.mem()}: that rebuilds the
 * whole runtime state (heap objects, frames), where the chart needs six numbers. The fold keeps only
 * those, and changes them exactly where the timeline's replica does: HeapAlloc by the element size of
 * each object allocated and of each object a sweep frees; StackInuse by the bytes of each stack span
 * allocated or freed (StackSys is the same figure without cgo, go-runtime-facts §2.9); NextGC and
 * NumGC at each cycle's end (§4.2 step 5, {@code gcControllerCommit}, {@code numgc++}); the goroutine
 * count ({@code runtime.NumGoroutine}, so the runtime's own goroutines are left out) at each creation
 * and each change to or from {@code _Gdead}. Tests hold it to {@code Snapshot.mem()}.
 *
 * <p>The GC bands come from the phase changes (§4.2): mark and mark termination last from the event
 * that enters them to the one that leaves; the world is stopped in sweep termination and mark
 * termination; sweeping runs from the world restarting after mark termination to the last span
 * swept before the next mark. Memory is bounded: figures go into {@link Buckets}, bands into
 * {@link Bands}. Belongs to one thread.
 */
final class MemoryFold {
    private static final ChartSeries[] SERIES = ChartSeries.values();
    private static final int HEAP = ChartSeries.HEAP_ALLOC.ordinal();
    private static final int GOAL = ChartSeries.NEXT_GC.ordinal();
    private static final int STACK = ChartSeries.STACK_INUSE.ordinal();
    private static final int STACK_SYS = ChartSeries.STACK_SYS.ordinal();
    private static final int GS = ChartSeries.GOROUTINES.ordinal();
    private static final int NUMGC = ChartSeries.NUM_GC.ordinal();
    private static final BandKind[] KINDS = BandKind.values();

    private final Timeline timeline;
    private final Buckets buckets;
    private final Map<BandKind, Bands> closed = new EnumMap<>(BandKind.class);
    private final long[] open = new long[KINDS.length];
    private final long[] v = new long[SERIES.length];
    private long sweepEnd;
    private long next;
    /** The runtime's own goroutines, by goid ({@link GoroutineView#system}): not counted. */
    private final BitSet system = new BitSet();

    MemoryFold(Timeline timeline, int buckets) {
        this.timeline = timeline;
        this.buckets = new Buckets(SERIES.length, buckets);
        for (BandKind k : KINDS) {
            closed.put(k, new Bands(k));
            open[k.ordinal()] = -1;
        }
        v[GOAL] = Sys.DEFAULT_HEAP_MINIMUM;
        this.buckets.add(v, true);
    }

    Timeline timeline() {
        return timeline;
    }

    /** Events folded so far. */
    long folded() {
        return next;
    }

    /** Folds at most {@code max} more of the events recorded so far; returns how many it folded. */
    long advance(long max) {
        long end = Math.min(timeline.size(), next + Math.max(0, max));
        long start = next;
        for (; next < end; next++) {
            boolean changed = apply(timeline.get(next), next + 1);
            if (buckets.add(v, changed)) {
                for (Bands b : closed.values()) {
                    b.coalesce(buckets.width());
                }
            }
        }
        return next - start;
    }

    /** Applies the event that leads to position {@code p}; false if no figure changed. */
    private boolean apply(Event e, long p) {
        if (e instanceof HeapEvent.ObjectAllocated a) {
            v[HEAP] += a.elemSize();
            return true;
        } else if (e instanceof HeapEvent.SpanAllocated s) {
            return stack(s.spanKind().isStack(), s.npages());
        } else if (e instanceof HeapEvent.SpanFreed s) {
            return stack(s.spanKind().isStack(), -s.npages());
        } else if (e instanceof GcEvent.SpanSwept s) {
            if (open[BandKind.SWEEP.ordinal()] >= 0) {
                sweepEnd = p;
            }
            long freed = 0;
            for (GcEvent.FreedObject f : s.freed()) {
                freed += f.elemSize();
            }
            v[HEAP] -= freed;
            return freed != 0;
        } else if (e instanceof GcEvent.GcCycleEnded c) {
            v[NUMGC]++;
            v[GOAL] = c.nextGoal();
            return true;
        } else if (e instanceof GcEvent.GcPhaseChanged c) {
            phase(c.from(), c.to(), p);
            return false;
        } else if (e instanceof SchedEvent.GoroutineCreated c) {
            if (GoroutineView.system(c.entry())) {
                system.set((int) c.gid());
                return false;
            }
            v[GS]++;
            return true;
        } else if (e instanceof SchedEvent.GoroutineStatusChanged s) {
            if (system.get((int) s.gid())) {
                return false;
            }
            long d = (s.from() == GStatus.DEAD ? 1 : 0) - (s.to() == GStatus.DEAD ? 1 : 0);
            v[GS] += d;
            return d != 0;
        }
        return false;
    }

    private boolean stack(boolean isStack, long npages) {
        if (!isStack) {
            return false;
        }
        long b = npages << Sys.PAGE_SHIFT;
        v[STACK] += b;
        v[STACK_SYS] += b;
        return true;
    }

    private void phase(GcPhase from, GcPhase to, long p) {
        BandKind was = kindOf(from);
        if (was != null) {
            close(was, p, p);
        }
        if (from.stopTheWorld() && !to.stopTheWorld()) {
            close(BandKind.STOP_THE_WORLD, p, p);
        }
        if (to == GcPhase.MARK || from == GcPhase.MARK_TERMINATION) {
            close(BandKind.SWEEP, p, sweepEnd);
        }
        BandKind now = kindOf(to);
        if (now != null) {
            open[now.ordinal()] = p;
        }
        if (to.stopTheWorld() && !from.stopTheWorld()) {
            open[BandKind.STOP_THE_WORLD.ordinal()] = p;
        }
        if (from == GcPhase.MARK_TERMINATION && to == GcPhase.OFF) {
            open[BandKind.SWEEP.ordinal()] = p;
            sweepEnd = p;
        }
    }

    private static BandKind kindOf(GcPhase ph) {
        return switch (ph) {
            case MARK -> BandKind.MARK;
            case MARK_TERMINATION -> BandKind.MARK_TERMINATION;
            default -> null;
        };
    }

    private void close(BandKind k, long p, long end) {
        long from = open[k.ordinal()];
        if (from >= 0) {
            closed.get(k).add(from, k == BandKind.SWEEP ? end : p, buckets.width());
            open[k.ordinal()] = -1;
        }
    }

    /** Band entries held, closed ones only (for tests of the memory bound). */
    int bandsHeld() {
        int n = 0;
        for (Bands b : closed.values()) {
            n += b.size();
        }
        return n;
    }

    /** What has been folded so far, as an immutable chart. */
    MemoryChart chart() {
        Map<ChartSeries, MemoryChart.Line> lines = new EnumMap<>(ChartSeries.class);
        for (ChartSeries s : SERIES) {
            lines.put(s, buckets.line(s.ordinal()));
        }
        List<MemoryChart.Band> bands = new ArrayList<>();
        for (BandKind k : KINDS) {
            closed.get(k).addTo(bands);
            long from = open[k.ordinal()];
            long to = k == BandKind.SWEEP ? sweepEnd : next + 1;
            if (from >= 0 && to > from) {
                bands.add(new MemoryChart.Band(k, from, to));
            }
        }
        return new MemoryChart(next, buckets.width(), buckets.count(), lines, bands);
    }
}
