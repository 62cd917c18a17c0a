package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.GcEvent;
import java.util.List;

/**
 * A heap span ({@code mspan} in state {@code mSpanInUse}): pages cut into {@code nelems} slots
 * of one size class, or, for a large object, one slot covering every page.
 *
 * <p>Go tracks the slots with two bitmaps: {@code allocBits} (allocated) and
 * {@code gcmarkBits} (marked this cycle). Allocation only moves {@code freeindex} forward
 * through {@code allocBits}; slots become free again only when the sweeper replaces
 * {@code allocBits} by {@code gcmarkBits} (§4.8). The model keeps one {@link HeapObject} per
 * slot instead of the bitmaps (null = free), and obeys the same rule: between two sweeps a
 * slot, once passed by {@link #freeIndex}, is never handed out again, so the free-slot search
 * is amortised linear over the span.
 *
 * <p>{@link #sweepgen} follows §4.8 against the heap's {@code sweepgen} h: h-2 means "needs
 * sweeping", h means "swept and ready". The transient states (h-1 being swept, h+1/h+3 cached
 * in an mcache) do not exist here because sweeping is atomic and there are no mcaches.
 *
 * <p>A quarantined slot held an object the sweeper freed while it was still reachable
 * ({@link HeapObject#lost}); the model never reuses it, so a later use can be diagnosed (see
 * {@link Heap}).
 */
public final class HeapSpan extends Span {
    private final int sizeClass;
    /** Pointer-free objects only ({@code spanClass} noscan bit). */
    final boolean noscan;
    /** {@code elemsize}: bytes per slot. */
    final long elemSize;
    /** {@code nelems}: slots in the span. */
    final int nelems;
    /** The object in each slot, null when the slot is free. */
    final HeapObject[] slots;
    /** Freed-but-reachable objects by slot; allocated on the first quarantine. */
    GcEvent.FreedObject[] quarantine;
    int quarantined;
    /** {@code allocCount}: allocated slots. */
    int allocCount;
    /** {@code freeindex}: slots below it are not handed out again before the next sweep. */
    int freeIndex;
    /** {@code sweepgen}, compared with the heap's (§4.8). */
    long sweepgen;

    HeapSpan(long base, long npages, int sizeClass, boolean noscan, long elemSize, int nelems, long sweepgen) {
        super(base, npages, sizeClass == 0 ? Kind.HEAP_LARGE : Kind.HEAP_SMALL);
        this.sizeClass = sizeClass;
        this.noscan = noscan;
        this.elemSize = elemSize;
        this.nelems = nelems;
        this.slots = new HeapObject[nelems];
        this.sweepgen = sweepgen;
    }

    /** The size class of its slots; 0 for a large-object span. */
    @Override
    public int sizeClass() {
        return sizeClass;
    }

    public long elemSize() {
        return elemSize;
    }

    public int nelems() {
        return nelems;
    }

    public int allocCount() {
        return allocCount;
    }

    public boolean noscan() {
        return noscan;
    }

    /** The object in slot {@code i}, or null. */
    public HeapObject objectAt(int i) {
        return slots[i];
    }

    /** Slot index of {@code addr} ({@code objIndex}); may be {@code >= nelems} in the tail. */
    int slotOf(long addr) {
        return (int) ((addr - base()) / elemSize);
    }

    long slotAddr(int i) {
        return base() + i * elemSize;
    }

    /** Whether some slot can still be handed out before the next sweep. */
    boolean hasFree() {
        return nextFreeIndex() < nelems;
    }

    /**
     * {@code nextFreeIndex}: the first free, unquarantined slot at or after {@link #freeIndex};
     * {@code nelems} when there is none. Moves {@code freeIndex} up to the answer.
     */
    int nextFreeIndex() {
        int i = freeIndex;
        while (i < nelems && (slots[i] != null || (quarantine != null && quarantine[i] != null))) {
            i++;
        }
        freeIndex = i;
        return i;
    }

    void quarantine(int i, GcEvent.FreedObject f) {
        if (quarantine == null) {
            quarantine = new GcEvent.FreedObject[nelems];
        }
        quarantine[i] = f;
        quarantined++;
    }

    GcEvent.FreedObject quarantinedAt(int i) {
        return quarantine == null || i < 0 || i >= nelems ? null : quarantine[i];
    }

    /** Whether no object in the span is marked: sweeping it would free it all. */
    boolean noneMarked() {
        for (HeapObject o : slots) {
            if (o != null && o.marked) {
                return false;
            }
        }
        return true;
    }

    /**
     * The span-local part of {@code mspan.sweep} (§4.8): each unmarked object is freed and
     * appended to {@code freed} (quarantined if it was lost), each marked one turns white again.
     * The span is then swept as of generation {@code gen} and its free-slot search restarts at 0.
     *
     * @return the number of survivors
     */
    int sweep(long gen, List<GcEvent.FreedObject> freed) {
        int survivors = 0;
        for (int i = 0; i < nelems; i++) {
            HeapObject o = slots[i];
            if (o == null) {
                continue;
            }
            if (o.marked) {
                survivors++;
                o.marked = false;
                o.scanned = false;
                continue;
            }
            GcEvent.FreedObject f = new GcEvent.FreedObject(o.addr, o.size, o.elemSize, o.sizeClass,
                    o.typeName, o.fields.clone(), o.lost, o.runtime);
            freed.add(f);
            slots[i] = null;
            allocCount--;
            if (o.lost) {
                quarantine(i, f);
            }
        }
        sweepgen = gen;
        freeIndex = 0;
        return survivors;
    }

    @Override
    public String toString() {
        return super.toString() + "{class " + sizeClass + ", " + allocCount + "/" + nelems + " used}";
    }
}
