package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.MapType;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps: an {@code hmap} (48 bytes) on the engine heap pointing at a bucket array of
 * {@code 2^B} buckets of eight entries, grown by doubling once the load passes 6.5 entries per
 * bucket, as map.go does. Pointers in keys and values are stored into the bucket array through
 * the write barrier, so the collector traces what a map holds. Entries sit in slots in insertion
 * order rather than by hash (the collector cannot tell the difference); iteration starts at a
 * position drawn from the seed, as Go randomises it.
 */
final class MapOps {
    private final FuncCompiler fc;

    MapOps(FuncCompiler fc) {
        this.fc = fc;
    }

    /** A map's engine-side shape. */
    static final class Hmap {
        final Values.MapV map;
        int b;
        long buckets;
        final List<Object> slots = new ArrayList<>(); // key per slot, null when deleted

        Hmap(Values.MapV map) {
            this.map = map;
        }
    }

    static MapType type(Type t) {
        return (MapType) t.underlying();
    }

    private static GoRuntime rt(Machine.Thread t) {
        return t.machine().runtime();
    }

    private void emit(Native n) {
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /** Pointer words per entry: the key's and the value's (0 or 1 each, as the model counts them). */
    private static int ptrWords(MapType m) {
        return (Kinds.refersToHeap(m.key()) ? 1 : 0) + (Kinds.refersToHeap(m.elem()) ? 1 : 0);
    }

    private static long bucketBytes(MapType m) {
        return 8 + 8 * Math.max(Sizes.sizeof(m.key()), 0) + 8 * Math.max(Sizes.sizeof(m.elem()), 0) + 8;
    }

    /** {@code make(map[K]V[, hint])} into r[dst]. */
    void make(Type t, int hint, int dst) {
        MapType m = type(t);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            long h = hint < 0 ? 0 : i[hint];
            r[dst] = newMap(th, m, h);
            return Native.Result.DONE;
        };
        emit(n);
        fc.heap.slotStore(fc.newSlot(), dst);
    }

    static Values.MapV newMap(Machine.Thread th, MapType m, long hint) {
        long addr = rt(th).alloc(th.goroutine(), 48, 1, "runtime.hmap");
        Values.MapV mv = new Values.MapV(addr);
        Hmap hm = new Hmap(mv);
        while (hint > 6.5 * (1L << hm.b)) {
            hm.b++;
        }
        HMAPS.put(mv, hm);
        grow(th, m, hm, hm.b);
        return mv;
    }

    /** Weakly keyed side table from a map value to its engine shape. */
    private static final Map<Values.MapV, Hmap> HMAPS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Hmap hmap(Values.MapV m) {
        return HMAPS.get(m);
    }

    /** A new bucket array of 2^b buckets, with every live entry's pointers stored into it. */
    private static void grow(Machine.Thread th, MapType m, Hmap hm, int b) {
        long nb = 1L << b;
        int pw = ptrWords(m);
        long addr = rt(th).alloc(th.goroutine(), nb * bucketBytes(m), (int) (nb * 8 * pw + nb), "map.bucket[" + m + "]");
        hm.b = b;
        hm.buckets = addr;
        rt(th).store(th.goroutine(), hm.map.addr, 0, addr);
        List<Object> live = new ArrayList<>();
        for (Object k : hm.slots) {
            if (k != null) {
                live.add(k);
            }
        }
        hm.slots.clear();
        for (Object k : live) {
            hm.slots.add(k);
            storeEntry(th, m, hm, hm.slots.size() - 1, k, hm.map.entries.get(k));
        }
    }

    private static void storeEntry(Machine.Thread th, MapType m, Hmap hm, int slot, Object k, Object v) {
        int pw = ptrWords(m);
        int f = slot * pw;
        if (Kinds.refersToHeap(m.key())) {
            rt(th).store(th.goroutine(), hm.buckets, f++, HeapOps.addrOfAny(k));
        }
        if (Kinds.refersToHeap(m.elem())) {
            rt(th).store(th.goroutine(), hm.buckets, f, HeapOps.addrOfAny(v));
        }
    }

    /** The key as the map compares it: Go's equality on the interpreter's values. */
    static Object key(Object k) {
        return k instanceof Values.StructV s ? Layouts.copy(s) : k;
    }

    /** {@code m[k]} (and {@code ok} into i[okReg] when {@code okReg >= 0}). */
    int get(int mr, int kr, Type t, int okReg) {
        MapType m = type(t);
        boolean ks = Kinds.scalar(m.key());
        boolean vs = Kinds.scalar(m.elem());
        int dst = vs ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.MapV mv = (Values.MapV) r[mr];
            Object k = ks ? Layouts.box(i[kr], m.key()) : key(r[kr]);
            Object v = mv == null ? null : mv.entries.get(k);
            boolean ok = mv != null && mv.entries.containsKey(k);
            if (!ok) {
                v = Layouts.zero(m.elem());
            }
            if (vs) {
                i[dst] = Layouts.unbox(v, m.elem());
            } else {
                r[dst] = Layouts.copy(v);
            }
            if (okReg >= 0) {
                i[okReg] = ok ? 1 : 0;
            }
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }

    /** {@code m[k] = v}. */
    void put(int mr, int kr, Type t, int val) {
        MapType m = type(t);
        boolean ks = Kinds.scalar(m.key());
        boolean vs = Kinds.scalar(m.elem());
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.MapV mv = (Values.MapV) r[mr];
            if (mv == null) {
                throw new GoPanic("assignment to entry in nil map", GoString.of("assignment to entry in nil map"), false);
            }
            Object k = ks ? Layouts.box(i[kr], m.key()) : key(r[kr]);
            Object v = vs ? Layouts.box(i[val], m.elem()) : Layouts.copy(r[val]);
            Hmap hm = hmap(mv);
            boolean fresh = !mv.entries.containsKey(k);
            mv.entries.put(k, v);
            if (fresh) {
                hm.slots.add(k);
                if (mv.entries.size() > 6.5 * (1L << hm.b)) {
                    grow(th, m, hm, hm.b + 1); // re-stores every entry, the new one included
                } else {
                    storeEntry(th, m, hm, hm.slots.size() - 1, k, v);
                }
            } else {
                storeEntry(th, m, hm, hm.slots.indexOf(k), k, v);
            }
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** {@code delete(m, k)}. */
    void delete(int mr, int kr, Type t) {
        MapType m = type(t);
        boolean ks = Kinds.scalar(m.key());
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.MapV mv = (Values.MapV) r[mr];
            if (mv == null) {
                return Native.Result.DONE;
            }
            Object k = ks ? Layouts.box(i[kr], m.key()) : key(r[kr]);
            if (mv.entries.remove(k) != null || !mv.entries.containsKey(k)) {
                Hmap hm = hmap(mv);
                int slot = hm.slots.indexOf(k);
                if (slot >= 0) {
                    storeEntry(th, m, hm, slot, null, null);
                    hm.slots.set(slot, null);
                }
            }
            return Native.Result.DONE;
        };
        emit(n);
    }

    void len(int mr, int dst) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.MapV mv = (Values.MapV) r[mr];
            i[dst] = mv == null ? 0 : mv.entries.size();
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** A snapshot of the keys for a range loop, rotated to a start drawn from the seed. */
    int keys(int mr) {
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.MapV mv = (Values.MapV) r[mr];
            List<Object> ks = mv == null ? List.of() : new ArrayList<>(mv.entries.keySet());
            Object[] out = new Object[ks.size()];
            int start = ks.isEmpty() ? 0 : rt(th).randomInt(ks.size());
            for (int k = 0; k < out.length; k++) {
                out[k] = ks.get((start + k) % out.length);
            }
            r[dst] = new Values.SliceV(new Values.Backing(out, 0), 0, out.length, out.length);
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }
}
