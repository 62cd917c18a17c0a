package dev.goroscope.app.heap;

import dev.goroscope.engine.event.Event;
import dev.goroscope.engine.event.EventKind;
import dev.goroscope.engine.event.HeapEvent;
import dev.goroscope.engine.timeline.Timeline;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each heap object sits in the heap view, fixed for the whole run so that scrubbing never
 * makes a node jump. Go's heap objects never move (go-runtime-facts.md §4.1: non-compacting), so
 * the view draws the heap as the memory it is: one row per 8 KiB page that held objects of one
 * size class at some point of the run, rows grouped by size class, and an object's cell within
 * its row given by its slot, {@code (addr mod 8192) / elemSize}. A slot reused after a sweep is
 * the same cell, which is what reuse means.
 *
 * <p>The plan is read from the timeline's allocation events (an index lookup per allocation, not
 * a scan of every event) and grows as a run in progress records more; a finished run's plan never
 * changes. Rows are ordered by size class, then address; large objects (size class 0) come last,
 * one row each.
 *
 * <p>A plan for the program's own objects leaves out what the runtime and the libraries allocate
 * for themselves ({@code ObjectAllocated.runtime}): a lesson's handful of objects then gets the
 * big labelled cells instead of sharing the grid with hundreds of G structs.
 */
public final class HeapPlan {
    static final int PAGE_SHIFT = 13;
    private static final Set<EventKind> ALLOC = EnumSet.of(EventKind.ALLOC);

    /** One page of one size class: the slots from {@code minSlot} to {@code maxSlot} were ever used. */
    public record Row(int sizeClass, long elemSize, long page, int minSlot, int maxSlot) {
        public int slots() {
            return maxSlot - minSlot + 1;
        }
    }

    /** A cell: the row's index in {@link #rows()} and the column within the row. */
    public record Cell(int row, int column) {}

    private final Timeline timeline;
    private final boolean runtime;
    private long scanned;
    /** Row key: sizeClass << 48 | page (pages of the 47-bit address space fit in 34 bits). */
    private final TreeMap<Long, int[]> slotRange = new TreeMap<>();
    private final Map<Long, Long> elemSizes = new HashMap<>();
    private final Map<Long, List<Integer>> classesByPage = new HashMap<>();
    private List<Row> rows = List.of();
    private Map<Long, Integer> rowIndex = Map.of();

    /** A plan of every object of the run. */
    public HeapPlan(Timeline timeline) {
        this(timeline, true);
    }

    /** {@code runtime}: whether the runtime's own objects have cells too. */
    public HeapPlan(Timeline timeline, boolean runtime) {
        this.timeline = timeline;
        this.runtime = runtime;
    }

    /** Whether the runtime's own objects have cells. */
    public boolean runtime() {
        return runtime;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Reads the allocations recorded since the last call; true if the rows changed. */
    public boolean refresh() {
        long size = timeline.size();
        boolean changed = false;
        long i = timeline.indexOfNext(scanned, ALLOC);
        while (i >= 0 && i < size) {
            Event e = timeline.get(i);
            if (e instanceof HeapEvent.ObjectAllocated a && (runtime || !a.runtime())) {
                changed |= add(a.addr(), a.sizeClass(), a.elemSize());
            }
            i = timeline.indexOfNext(i + 1, ALLOC);
        }
        scanned = size;
        if (changed) {
            List<Row> out = new ArrayList<>();
            Map<Long, Integer> index = new HashMap<>();
            for (Map.Entry<Long, int[]> en : slotRange.entrySet()) {
                long key = en.getKey();
                int cls = (int) (key >>> 48);
                index.put(key, out.size());
                out.add(new Row(cls, elemSizes.get(key), key & ((1L << 48) - 1), en.getValue()[0], en.getValue()[1]));
            }
            rows = List.copyOf(out);
            rowIndex = index;
        }
        return changed;
    }

    private boolean add(long addr, int sizeClass, long elemSize) {
        int cls = sizeClass == 0 ? 0xFFFF : sizeClass;
        long page = addr >>> PAGE_SHIFT;
        long key = (long) cls << 48 | page;
        int slot = slot(addr, sizeClass, elemSize);
        int[] r = slotRange.get(key);
        if (r == null) {
            slotRange.put(key, new int[] {slot, slot});
            elemSizes.put(key, elemSize);
            classesByPage.computeIfAbsent(page, p -> new ArrayList<>()).add(cls);
            return true;
        }
        if (slot < r[0] || slot > r[1]) {
            r[0] = Math.min(r[0], slot);
            r[1] = Math.max(r[1], slot);
            return true;
        }
        return false;
    }

    static int slot(long addr, int sizeClass, long elemSize) {
        return sizeClass == 0 || elemSize <= 0 ? 0 : (int) ((addr & ((1 << PAGE_SHIFT) - 1)) / elemSize);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The cell of an object of {@code sizeClass} at {@code addr}, or null if the run never put one there. */
    public Cell cell(long addr, int sizeClass) {
        int cls = sizeClass == 0 ? 0xFFFF : sizeClass;
        Integer r = rowIndex.get((long) cls << 48 | addr >>> PAGE_SHIFT);
        if (r == null) {
            return null;
        }
        Row row = rows.get(r);
        return new Cell(r, slot(addr, sizeClass, row.elemSize()) - row.minSlot());
    }

    /**
     * The cell of whatever was allocated at {@code addr} when only the address is known (a
     * dangling pointer): the first size class the run used that page for.
     */
    public Cell cell(long addr) {
        List<Integer> cls = classesByPage.get(addr >>> PAGE_SHIFT);
        if (cls == null) {
            return null;
        }
        for (int c : cls) {
            Cell cell = cell(addr, c == 0xFFFF ? 0 : c);
            if (cell != null) {
                return cell;
            }
        }
        return null;
    }
}
