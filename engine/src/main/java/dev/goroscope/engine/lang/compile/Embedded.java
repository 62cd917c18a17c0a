package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.FieldBox;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Machine;
import java.util.List;

/**
 * A walk through embedded fields ({@code x.E.F...}), for promoted fields and methods (spec,
 * "Selectors": {@code x.f} is shorthand for the path through the embedded fields). Each hop
 * reads a field, dereferencing a pointer first when the value there is one. When the walk has
 * gone through a pointer, the value it reaches lives in a heap object and is addressable: the
 * walk then yields a {@link FieldBox} (the field's address), so writes land in the object and
 * pointer methods get the real receiver; otherwise it yields the value itself.
 *
 * <p>Everything static about the walk (which hops dereference, the interior layouts) is worked
 * out when it is built; a walk at run time only reads fields.
 */
final class Embedded {
    private final int[] fields;
    /** Whether the value before hop k is a pointer to follow. */
    private final boolean[] viaPtr;
    /** Whether the field of hop k is itself a pointer (embedded {@code *E}). */
    private final boolean[] ptrField;
    private final HeapBox.Layout[] interior;
    private final Type end;
    private final boolean addressable;

    /**
     * @param start the type of the value the walk starts from: a pointer (its box, which makes
     *              everything below it addressable) or a struct value
     * @param hops  the embedded fields' indices
     */
    Embedded(Type start, List<Integer> hops) {
        int n = hops.size();
        fields = new int[n];
        viaPtr = new boolean[n];
        ptrField = new boolean[n];
        interior = new HeapBox.Layout[n];
        Type cur = start;
        Type box = null; // the type of the heap object the current value lives in, if any
        long offset = 0;
        for (int k = 0; k < n; k++) {
            if (Kinds.isPointer(cur)) {
                viaPtr[k] = true;
                cur = ((Pointer) cur.underlying()).elem();
                box = cur;
                offset = 0;
            }
            Struct st = (Struct) cur.underlying();
            int fi = hops.get(k);
            fields[k] = fi;
            offset += Sizes.offsetsof(st)[fi];
            cur = st.fields().get(fi).type();
            ptrField[k] = Kinds.isPointer(cur);
            interior[k] = box == null || ptrField[k] ? null : Layouts.interior(box, offset, cur);
            if (ptrField[k]) {
                box = null;
            }
        }
        end = cur;
        addressable = Kinds.isPointer(end) || box != null;
    }

    /** The type the walk reaches. */
    Type end() {
        return end;
    }

    /**
     * Whether the walk yields a box: the pointer the last embedded field holds, or the address
     * of a value that lives in a heap object.
     */
    boolean yieldsBox() {
        return Kinds.isPointer(end) || addressable && fields.length > 0;
    }

    /** Whether a value reached by value (not a pointer) has an address: a pointer was followed. */
    boolean addressable() {
        return addressable && !Kinds.isPointer(end) && fields.length > 0;
    }

    boolean empty() {
        return fields.length == 0;
    }

    /**
     * Walks from {@code data} (a box, or null, for a pointer start; a struct value otherwise):
     * the pointer at the end, the address of an addressable value, or the value itself.
     */
    Object walk(Machine.Thread t, Object data) {
        Object v = data;
        HeapBox holder = null;
        for (int k = 0; k < fields.length; k++) {
            if (viaPtr[k]) {
                HeapBox b = deref(t, v);
                holder = b;
                v = b.get();
            }
            v = ((Values.StructV) v).fields()[fields[k]];
            holder = holder == null || ptrField[k] ? null : new FieldBox(holder, fields[k], interior[k]);
        }
        return holder != null ? holder : v;
    }

    static HeapBox deref(Machine.Thread t, Object v) {
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        HeapBox h = (HeapBox) v;
        t.machine().runtime().use(t.goroutine(), h.addr());
        return h;
    }
}
