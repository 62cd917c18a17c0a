package dev.goroscope.app.heap;

import dev.goroscope.engine.runtime.GcPhase;
import dev.goroscope.engine.timeline.Colour;
import dev.goroscope.engine.timeline.ObjectView;
import java.util.Arrays;
import java.util.List;

/**
 * What the heap view shows at one position, computed by {@link HeapViewModel} from the snapshot
 * and the last event, with no toolkit types: the painter only places and draws it.
 *
 * @param phase     the collector's phase
 * @param cycle     the GC cycle number (0 before the first)
 * @param objects   the live objects drawn, by address
 * @param hidden    the live objects not drawn, by address: the runtime's own, when the view leaves
 *                  them out (a pointer to one is not a dangling pointer)
 * @param roots     globals, stack frames holding pointer slots, and the runtime's allgs
 * @param greyQueue the grey objects in the order they turned grey, hidden ones included
 * @param ghosts    objects the last event (a span sweep) freed: drawn as freed memory for one step
 * @param focus     what the last event did to one object, to flash, or null
 * @param plan      where each address is drawn
 */
public record HeapScene(GcPhase phase, int cycle, List<Obj> objects, List<Obj> hidden, List<Root> roots,
                        List<Long> greyQueue, List<Ghost> ghosts, Focus focus, HeapPlan plan) {
    public HeapScene {
        objects = List.copyOf(objects);
        hidden = List.copyOf(hidden);
        roots = List.copyOf(roots);
        greyQueue = List.copyOf(greyQueue);
        ghosts = List.copyOf(ghosts);
    }

    /** True while the write barrier is on and new objects are allocated black (§4.4, §4.5). */
    public boolean marking() {
        return phase == GcPhase.MARK || phase == GcPhase.MARK_TERMINATION;
    }

    /** The live object whose slot holds {@code addr} (a pointer may point inside an object), or null. */
    public Obj containing(long addr) {
        int i = indexOf(addr);
        return i < 0 ? null : objects.get(i);
    }

    /** The index in {@link #objects()} of the object whose slot holds {@code addr}, or -1. */
    public int indexOf(long addr) {
        return indexOf(objects, addr);
    }

    /** Whether {@code addr} points into a live object that is not drawn (a runtime object). */
    public boolean hides(long addr) {
        return !hidden.isEmpty() && indexOf(hidden, addr) >= 0;
    }

    /** The grey objects that are hidden (every grey object is in the grey queue). */
    public int hiddenGrey() {
        int n = 0;
        for (Obj o : hidden) {
            if (o.colour() == Colour.GREY) {
                n++;
            }
        }
        return n;
    }

    /** The index in {@code objects} (sorted by address) of the object whose slot holds {@code addr}, or -1. */
    static int indexOf(List<Obj> objects, long addr) {
        int lo = 0;
        int hi = objects.size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (objects.get(mid).addr() <= addr) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best < 0) {
            return -1;
        }
        Obj o = objects.get(best);
        return addr < o.addr() + Math.max(1, o.elemSize()) ? best : -1;
    }

    /**
     * A heap object: the snapshot's view of it (shared, not copied: a frame builds one per object)
     * and whether it was allocated black in this mark phase.
     *
     * @param view           the object as the snapshot has it
     * @param allocatedBlack allocated during this mark phase, so black from birth
     */
    public record Obj(ObjectView view, boolean allocatedBlack) {
        /** An object with these figures; {@code fields} are its pointer fields (0 is nil). */
        public Obj(long addr, String typeName, int sizeClass, long elemSize, Colour colour, long[] fields,
                   boolean allocatedBlack) {
            this(new ObjectView(addr, elemSize, elemSize, sizeClass, typeName, colour, fields), allocatedBlack);
        }

        public long addr() {
            return view.addr();
        }

        public String typeName() {
            return view.typeName();
        }

        public int sizeClass() {
            return view.sizeClass();
        }

        public long elemSize() {
            return view.elemSize();
        }

        public Colour colour() {
            return view.colour();
        }

        /** Its pointer fields, a copy (0 is nil). */
        public long[] fields() {
            return view.fields();
        }

        int fieldCount() {
            return view.fieldCount();
        }

        long field(int i) {
            return view.field(i);
        }

        /** Same address, size class and pointer fields as {@code o} (colours aside). */
        boolean sameShape(Obj o) {
            if (o.view == view) {
                return true;
            }
            if (o.addr() != addr() || o.sizeClass() != sizeClass() || o.fieldCount() != fieldCount()) {
                return false;
            }
            for (int i = 0; i < fieldCount(); i++) {
                if (o.field(i) != field(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Obj b && addr() == b.addr() && typeName().equals(b.typeName())
                    && colour() == b.colour() && allocatedBlack == b.allocatedBlack && sameShape(b);
        }

        @Override
        public int hashCode() {
            return view.hashCode();
        }

        @Override
        public String toString() {
            return HeapText.shortType(typeName()) + "@" + HeapText.addr(addr()) + " " + colour()
                    + (allocatedBlack ? " new" : "") + " " + Arrays.toString(view.fields());
        }
    }

    /** What kind of root: the collector scans globals first, then each stack (§4.2 step 3). */
    public enum RootKind { GLOBAL, STACK, RUNTIME }

    /**
     * A root: where marking starts.
     *
     * @param targets  the heap addresses it points to (non-nil, distinct, in slot order)
     * @param scanned  for a stack during mark: its goroutine's stack has been scanned this cycle
     * @param slots    how many pointer slots it has (nil ones included)
     */
    public record Root(RootKind kind, String label, String detail, long[] targets, int slots, boolean scanned) {
        public Root {
            targets = targets.clone();
        }

        @Override
        public long[] targets() {
            return targets.clone();
        }

        int targetCount() {
            return targets.length;
        }

        /** Whether it points to the same addresses as {@code o}. */
        boolean sameTargets(Root o) {
            return Arrays.equals(targets, o.targets);
        }

        long target(int i) {
            return targets[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Root r && kind == r.kind && label.equals(r.label) && detail.equals(r.detail)
                    && slots == r.slots && scanned == r.scanned && Arrays.equals(targets, r.targets);
        }

        @Override
        public int hashCode() {
            return label.hashCode() * 31 + Arrays.hashCode(targets);
        }

        @Override
        public String toString() {
            return kind + " " + label + " " + detail + " -> " + Arrays.toString(targets);
        }
    }

    /** An object the last sweep freed; {@code lost} if it was still reachable (no write barrier). */
    public record Ghost(long addr, String typeName, int sizeClass, boolean lost) {}

    /** What the last event did to one object. */
    public enum FocusKind { BARRIER_SHADE, GREYED, BLACKENED, ALLOCATED, POINTER_WRITE, SWEPT }

    /**
     * The object the last event acted on, with the words for its label.
     *
     * @param addr   the object (for a pointer write, the new value, or the old one when nil is stored)
     * @param holder the object or global whose field was written, 0 if none
     * @param field  the field written, -1 if none
     * @param title  a short heading ("Write barrier")
     * @param reason why, in words ("shaded the old value being overwritten")
     */
    public record Focus(FocusKind kind, long addr, long holder, int field, String title, String reason) {}
}
