package dev.goroscope.engine.runtime;

import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.GcEvent.ShadeReason;

/**
 * The write barrier on pointer stores into heap objects and globals (mbarrier.go, mwbbuf.go,
 * go-runtime-facts.md §4.4). Stores into the current stack frame have no barrier.
 *
 * <p>Go documents its hybrid barrier as "shade the old value; shade the new value if the
 * current stack is grey", but what it implements records <em>both</em> values in the per-P
 * buffer whenever the barrier is on (§8 claim 6). {@link BarrierMode#HYBRID} does what Go does;
 * the other modes are the designs it is compared with. The engine shades at the store itself,
 * where Go batches pointers in a 512-entry buffer flushed when full or at mark termination:
 * which objects end up marked is the same, only the moment differs.
 */
final class WriteBarrier {
    private BarrierMode mode;
    private final Collector gc;

    WriteBarrier(BarrierMode mode, Collector gc) {
        this.mode = mode;
        this.gc = gc;
    }

    BarrierMode mode() {
        return mode;
    }

    void setMode(BarrierMode m) {
        mode = m;
    }

    /** Called before {@code *slot = ptr} by goroutine {@code g}; {@code old} is {@code *slot}. */
    void write(Goroutine g, long holder, int field, long old, long ptr) {
        if (!gc.phase().writeBarrierOn()) {
            return;
        }
        boolean shadeOld;
        boolean shadeNew;
        switch (mode) {
            case HYBRID -> {
                shadeOld = true;
                shadeNew = true;
            }
            case HYBRID_DOCUMENTED -> {
                shadeOld = true;
                shadeNew = g.isRoot && g.scannedCycle != gc.cycle; // "if current stack is grey"
            }
            case DIJKSTRA -> {
                shadeOld = false;
                shadeNew = true;
            }
            case YUASA -> {
                shadeOld = true;
                shadeNew = false;
            }
            default -> {
                shadeOld = false;
                shadeNew = false;
            }
        }
        if (shadeOld && old != 0 && gc.shadeForBarrier(old)) {
            gc.rtSink().emit(new GcEvent.BarrierShaded(old, ShadeReason.OLD_VALUE, holder, field, g.id));
            gc.barrierShaded(old);
        }
        if (shadeNew && ptr != 0 && gc.shadeForBarrier(ptr)) {
            gc.rtSink().emit(new GcEvent.BarrierShaded(ptr, ShadeReason.NEW_VALUE, holder, field, g.id));
            gc.barrierShaded(ptr);
        }
    }
}
