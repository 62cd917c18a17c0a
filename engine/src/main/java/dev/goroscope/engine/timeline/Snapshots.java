package dev.goroscope.engine.timeline;

import dev.goroscope.engine.runtime.GStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds immutable {@link Snapshot}s from a replica. Work and size are proportional to the state
 * (runs, not frames), and the order of every list is canonical, so two replicas that reached a
 * position by different paths give equal snapshots.
 */
final class Snapshots {
    private static final Colour[] COLOURS = Colour.values();

    private Snapshots() {}

    static Snapshot of(Replica r, long position, String narration) {
        return of(r, position, narration, true);
    }

    static Snapshot of(Replica r, long position, String narration, boolean heapObjects) {
        Heap h = r.heap;
        Spans s = r.spans;
        long heapSys = s.arena() - s.stackInuse();
        MemFigures mem = new MemFigures(h.heapAlloc, h.objects.count(), h.mallocs, h.frees, s.heapInuse(),
                heapSys - s.heapInuse(), heapSys, s.released(), s.stackInuse(), s.stackInuse(), r.numGc, r.nextGc,
                r.goroutines.numGoroutine(), s.arena());
        return new Snapshot(position, goroutines(r), heapObjects ? objects(h.objects) : List.of(), globals(h.globals),
                greyQueue(h.objects),
                r.phase, r.cycle, r.numGc, r.nextGc, r.gctrace, r.startingStackSize, mem, r.stdout.text(),
                r.stderr.text(), narration, r.lesson, r.fatal, r.exitStatus);
    }

    private static List<GoroutineView> goroutines(Replica r) {
        Goroutines gs = r.goroutines;
        List<GoroutineView> out = new ArrayList<>(gs.size());
        for (int i = 0; i < gs.size(); i++) {
            if (!gs.at(i).recycled) {
                out.add(view(gs.at(i), r.cycle));
            }
        }
        return out;
    }

    static GoroutineView view(GState g, int cycle) {
        boolean dead = g.status == GStatus.DEAD;
        List<FrameRun> runs = new ArrayList<>(dead ? 0 : g.nruns);
        if (!dead) {
            for (int k = 0; k < g.nruns; k++) {
                int from = g.slotBase[k];
                long[] slots = Arrays.copyOfRange(g.slots, from, from + g.count[k] * g.ptrs[k]);
                runs.add(new FrameRun(g.fn[k], g.fsize[k], g.ptrs[k], g.startDepth[k], g.count[k], g.spFirst[k],
                        g.spTop(k), slots));
            }
        }
        boolean stack = g.hi != 0;
        return new GoroutineView(g.gid, g.status, g.wait, g.entry, g.lo, g.hi, stack ? g.sp() : 0, g.used(),
                stack ? g.highWater : 0, cycle > 0 && g.scannedCycle == cycle, dead ? 0 : g.depth, runs,
                dead ? 0 : g.line);
    }

    private static List<ObjectView> objects(HeapObjects o) {
        // Sorted by address. Address and row are packed into one long when they fit (Go's arena
        // addresses use 40 bits), so the sort needs no lookups afterwards; else by the row map.
        long[] keys = new long[o.count()];
        int n = 0;
        boolean packed = o.rowLimit() < (1 << ROW_BITS);
        for (int r = 0; r < o.rowLimit(); r++) {
            long a = o.addr(r);
            if (a != 0) {
                packed &= a >>> (63 - ROW_BITS) == 0;
                keys[n++] = a;
            }
        }
        if (packed) {
            n = 0;
            for (int r = 0; r < o.rowLimit(); r++) {
                long a = o.addr(r);
                if (a != 0) {
                    keys[n++] = a << ROW_BITS | r;
                }
            }
        }
        Arrays.sort(keys, 0, n);
        List<ObjectView> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long a = packed ? keys[i] >>> ROW_BITS : keys[i];
            int r = packed ? (int) (keys[i] & ((1 << ROW_BITS) - 1)) : o.row(a);
            out.add(new ObjectView(a, o.size(r), o.elemSize(r), o.sizeClass(r), o.typeName(r),
                    COLOURS[o.colour(r)], o.fields(r), o.runtime(r)));
        }
        return out;
    }

    /** Bits of a packed sort key that hold the row. */
    private static final int ROW_BITS = 23;

    private static List<GlobalView> globals(Globals g) {
        List<GlobalView> out = new ArrayList<>();
        for (Globals.Global x : g.all()) {
            out.add(new GlobalView(x.name, x.addr, x.slots));
        }
        return out;
    }

    private static List<Long> greyQueue(HeapObjects o) {
        if (o.greyCount() == 0) {
            return List.of();
        }
        // In greying order. The grey stamp and the row are packed into one long when they fit, as
        // for the objects (a mark phase greys thousands, and a snapshot is taken every frame).
        long[] keys = new long[o.greyCount()];
        int n = 0;
        boolean packed = o.rowLimit() < (1 << ROW_BITS);
        for (int r = 0; r < o.rowLimit(); r++) {
            if (o.addr(r) != 0 && o.colour(r) == HeapObjects.GREY) {
                long seq = o.greySeq(r);
                packed &= seq >>> (63 - ROW_BITS) == 0;
                keys[n++] = seq << ROW_BITS | r;
            }
        }
        Long[] out = new Long[n];
        if (packed) {
            Arrays.sort(keys, 0, n);
            for (int i = 0; i < n; i++) {
                out[i] = o.addr((int) (keys[i] & ((1 << ROW_BITS) - 1)));
            }
            return List.of(out);
        }
        List<long[]> grey = new ArrayList<>(n);
        for (int r = 0; r < o.rowLimit(); r++) {
            if (o.addr(r) != 0 && o.colour(r) == HeapObjects.GREY) {
                grey.add(new long[] {o.greySeq(r), o.addr(r)});
            }
        }
        grey.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 0; i < n; i++) {
            out[i] = grey.get(i)[1];
        }
        return List.of(out);
    }
}
