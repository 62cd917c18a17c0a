package dev.goroscope.engine.timeline;

import dev.goroscope.engine.event.GcEvent;
import dev.goroscope.engine.event.HeapEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Heap objects and globals, and the events that change them: allocation, pointer stores, the
 * tri-colour marking (white to grey to black) and the sweep.
 *
 * <p>Colour transitions are checked: the events do not carry an object's old colour, so undo
 * relies on each greying being white to grey, each blackening grey to black, and each sweep
 * finding its survivors black. An event that breaks this is rejected rather than folded into a
 * state that could not be stepped back exactly.
 */
final class Heap {
    final HeapObjects objects;
    final Globals globals;
    long heapAlloc;
    long mallocs;
    long frees;
    /** Greyings so far: the stamp the next grey object gets. */
    long greyings;

    Heap(Cow.Meter m) {
        objects = new HeapObjects(m);
        globals = new Globals();
    }

    private Heap(Heap o, Cow.Meter m) {
        objects = o.objects.copy(m);
        globals = o.globals.copy();
        heapAlloc = o.heapAlloc;
        mallocs = o.mallocs;
        frees = o.frees;
        greyings = o.greyings;
    }

    Heap copy(Cow.Meter m) {
        return new Heap(this, m);
    }

    void apply(HeapEvent e) {
        if (e instanceof HeapEvent.ObjectAllocated) {
            HeapEvent.ObjectAllocated a = (HeapEvent.ObjectAllocated) e;
            objects.add(a.addr(), a.size(), a.elemSize(), a.sizeClass(), a.typeName(), new long[a.nptrs()],
                    a.black() ? HeapObjects.BLACK : HeapObjects.WHITE, 0, a.runtime());
            heapAlloc += a.elemSize();
            mallocs++;
        } else if (e instanceof HeapEvent.GlobalDeclared) {
            HeapEvent.GlobalDeclared g = (HeapEvent.GlobalDeclared) e;
            globals.declare(g.name(), g.addr(), g.nptrs());
        } else if (e instanceof HeapEvent.PointerWritten) {
            HeapEvent.PointerWritten w = (HeapEvent.PointerWritten) e;
            store(w, w.oldValue(), w.newValue());
        }
    }

    void undo(HeapEvent e) {
        if (e instanceof HeapEvent.ObjectAllocated) {
            HeapEvent.ObjectAllocated a = (HeapEvent.ObjectAllocated) e;
            objects.remove(objects.rowOrThrow(a.addr()));
            heapAlloc -= a.elemSize();
            mallocs--;
        } else if (e instanceof HeapEvent.GlobalDeclared) {
            globals.undeclare(((HeapEvent.GlobalDeclared) e).addr());
        } else if (e instanceof HeapEvent.PointerWritten) {
            HeapEvent.PointerWritten w = (HeapEvent.PointerWritten) e;
            store(w, w.newValue(), w.oldValue());
        }
    }

    private void store(HeapEvent.PointerWritten w, long expect, long value) {
        if (w.global()) {
            globals.store(w.holder(), w.field(), expect, value);
            return;
        }
        int r = objects.rowOrThrow(w.holder());
        long[] f = objects.fields(r);
        if (w.field() < 0 || w.field() >= f.length || f[w.field()] != expect) {
            throw new IllegalStateException("field " + w.field() + " of 0x" + Long.toHexString(w.holder())
                    + " does not hold 0x" + Long.toHexString(expect));
        }
        objects.setField(r, w.field(), value);
    }

    /** Marking and sweeping events; others are ignored here. */
    void apply(GcEvent e, UndoLog.Cursor log) {
        if (e instanceof GcEvent.ObjectGreyed) {
            grey(((GcEvent.ObjectGreyed) e).addr(), log);
        } else if (e instanceof GcEvent.BarrierShaded) {
            grey(((GcEvent.BarrierShaded) e).addr(), log);
        } else if (e instanceof GcEvent.ObjectBlackened) {
            int r = rowColoured(((GcEvent.ObjectBlackened) e).addr(), HeapObjects.GREY);
            objects.setColour(r, HeapObjects.BLACK);
        } else if (e instanceof GcEvent.SpanSwept) {
            sweep((GcEvent.SpanSwept) e, log);
        }
    }

    void undo(GcEvent e, UndoLog.Cursor log) {
        if (e instanceof GcEvent.ObjectGreyed) {
            ungrey(((GcEvent.ObjectGreyed) e).addr(), log);
        } else if (e instanceof GcEvent.BarrierShaded) {
            ungrey(((GcEvent.BarrierShaded) e).addr(), log);
        } else if (e instanceof GcEvent.ObjectBlackened) {
            int r = rowColoured(((GcEvent.ObjectBlackened) e).addr(), HeapObjects.BLACK);
            objects.setColour(r, HeapObjects.GREY);
        } else if (e instanceof GcEvent.SpanSwept) {
            unsweep((GcEvent.SpanSwept) e, log);
        }
    }

    private int rowColoured(long addr, int colour) {
        int r = objects.rowOrThrow(addr);
        if (objects.colour(r) != colour) {
            throw new IllegalStateException("object 0x" + Long.toHexString(addr) + " is "
                    + Colour.values()[objects.colour(r)] + ", expected " + Colour.values()[colour]);
        }
        return r;
    }

    private void grey(long addr, UndoLog.Cursor log) {
        int r = rowColoured(addr, HeapObjects.WHITE);
        log.pushLong(objects.greySeq(r));
        objects.setColour(r, HeapObjects.GREY);
        objects.setGreySeq(r, ++greyings);
    }

    private void ungrey(long addr, UndoLog.Cursor log) {
        int r = rowColoured(addr, HeapObjects.GREY);
        objects.setColour(r, HeapObjects.WHITE);
        objects.setGreySeq(r, log.popLong());
        greyings--;
    }

    /**
     * {@code mspan.sweep}: unmarked objects are freed, marked ones survive and turn white for the
     * next cycle. The grey stamp of each freed object is logged so that undo restores the order
     * it will need if marking is stepped back into.
     */
    private void sweep(GcEvent.SpanSwept s, UndoLog.Cursor log) {
        // The freed objects by row (a bit set, not a set of boxed addresses: a replay applies
        // thousands of sweeps), each checked against the replica's own copy.
        java.util.BitSet gone = new java.util.BitSet();
        for (GcEvent.FreedObject f : s.freed()) {
            int r = rowColoured(f.addr(), HeapObjects.WHITE);
            if (!Arrays.equals(objects.fields(r), f.fields()) || objects.runtime(r) != f.runtime()) {
                throw new IllegalStateException("freed object 0x" + Long.toHexString(f.addr())
                        + " has fields or an owner the replica does not have");
            }
            gone.set(r);
        }
        List<Integer> inSpan = rowsIn(s.base(), s.limit());
        for (int r : inSpan) {
            if (!gone.get(r) && objects.colour(r) != HeapObjects.BLACK) {
                throw new IllegalStateException("sweep of 0x" + Long.toHexString(s.base()) + " keeps unmarked object 0x"
                        + Long.toHexString(objects.addr(r)));
            }
        }
        for (GcEvent.FreedObject f : s.freed()) {
            int r = objects.row(f.addr());
            log.pushLong(objects.greySeq(r));
            heapAlloc -= objects.elemSize(r);
            frees++;
            objects.remove(r);
        }
        for (int r : inSpan) {
            if (!gone.get(r)) {
                objects.setColour(r, HeapObjects.WHITE);
            }
        }
    }

    private void unsweep(GcEvent.SpanSwept s, UndoLog.Cursor log) {
        for (int r : rowsIn(s.base(), s.limit())) {
            objects.setColour(r, HeapObjects.BLACK);
        }
        List<GcEvent.FreedObject> freed = s.freed();
        for (int i = freed.size() - 1; i >= 0; i--) {
            GcEvent.FreedObject f = freed.get(i);
            objects.add(f.addr(), f.size(), f.elemSize(), f.sizeClass(), f.typeName(), f.fields().clone(),
                    HeapObjects.WHITE, log.popLong(), f.runtime());
            heapAlloc += f.elemSize();
            frees--;
        }
    }

    private List<Integer> rowsIn(long base, long limit) {
        List<Integer> rows = new ArrayList<>();
        objects.forEachIn(base, limit, rows::add);
        return rows;
    }
}
