package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;

/**
 * Heap objects and pointers, compiled to natives that keep the engine's pointer graph equal to
 * the program's: {@code new}, {@code &T{}}, variables moved to the heap, field and {@code *p}
 * reads and writes. Each native captures its registers when it is compiled.
 *
 * <p>Every pointer the function holds lives in a frame pointer slot (a variable's, or an
 * allocation site's temporary), written with {@code GoRuntime.storeSlot}, so the collector finds
 * it when it scans the stack; every pointer stored into a heap object goes through
 * {@code GoRuntime.store} and its write barrier.
 */
final class HeapOps {
    private final FuncCompiler fc;

    HeapOps(FuncCompiler fc) {
        this.fc = fc;
    }

    private static GoRuntime rt(Machine.Thread t) {
        return t.machine().runtime();
    }

    private static long addrOf(Object v) {
        return addrOfAny(v);
    }

    private static HeapBox deref(Object v) {
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        return (HeapBox) v;
    }

    /** A dereference the runtime checks: an object the collector lost ends the run. */
    private static HeapBox deref(Machine.Thread th, Object v) {
        HeapBox h = deref(v);
        rt(th).use(th.goroutine(), h.addr());
        return h;
    }

    /** Writes the pointer in r[reg] into frame pointer slot {@code slot} of the running function. */
    void slotStore(int slot, int reg) {
        Native n = (t, i, r, a, b, x, y, resumed) -> {
            Goroutine g = t.goroutine();
            rt(t).storeSlot(g, g.depth() - 1, slot, addrOf(r[reg]));
            return Native.Result.DONE;
        };
        emit(n);
    }

    /**
     * Allocates an object of type {@code t} on the heap into r[dst], holding {@code init} (a
     * register of the file of t's values) or the zero value when {@code init < 0}; the pointer
     * goes straight into a frame slot.
     */
    void newBox(Type t, int init, boolean initScalar, int dst) {
        HeapBox.Layout layout = Layouts.of(t);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Object v = init < 0 ? Layouts.zero(t) : initScalar ? Layouts.box(i[init], t) : Layouts.copy(r[init]);
            Goroutine g = th.goroutine();
            long addr = rt(th).alloc(g, layout.size(), layout.nptrs(), layout.typeName());
            HeapBox box = new HeapBox(v, addr, layout);
            r[dst] = box;
            storePointers(th, box);
            return Native.Result.DONE;
        };
        emit(n);
        slotStore(fc.newSlot(), dst);
    }

    /** Tells the engine about every pointer a new box already holds. */
    private static void storePointers(Machine.Thread th, HeapBox box) {
        int[] map = box.layout().fieldPtrIndex();
        if (box.get() instanceof Values.StructV s) {
            for (int k = 0; k < map.length; k++) {
                if (map[k] >= 0 && s.fields()[k] != null) {
                    rt(th).store(th.goroutine(), box.addr(), map[k], addrOf(s.fields()[k]));
                }
            }
        } else if (map.length == 1 && box.get() != null) {
            rt(th).store(th.goroutine(), box.addr(), 0, addrOf(box.get()));
        }
    }

    /** {@code *p} (or a moved variable's value) into a register of t's file. */
    int read(int box, Type t) {
        boolean scalar = Kinds.scalar(t);
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            HeapBox h = deref(th, r[box]);
            Object v = h.get();
            if (v instanceof HeapBox) {
                rt(th).load(th.goroutine(), h.addr(), 0); // a use of a lost object is caught here
            }
            if (scalar) {
                i[dst] = Layouts.unbox(v, t);
            } else {
                r[dst] = Layouts.copy(v);
            }
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }

    /** A scalar that arrived boxed (a closure's by-value capture) into i[dst]. */
    void unboxInto(int src, int dst, Type t) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            i[dst] = Layouts.unbox(r[src], t);
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** A moved variable's array or struct itself, not a copy: for element and field access. */
    int readShared(int box) {
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            r[dst] = deref(th, r[box]).get();
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }

    /** {@code *p = v}. */
    void write(int box, Type t, int val) {
        boolean scalar = Kinds.scalar(t);
        boolean ptr = Kinds.refersToHeap(t);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            HeapBox h = deref(th, r[box]);
            Object v = scalar ? Layouts.box(i[val], t) : Layouts.copy(r[val]);
            if (ptr) {
                rt(th).store(th.goroutine(), h.addr(), 0, addrOf(v));
            }
            h.set(v);
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** Field {@code k} of a struct reached through a pointer ({@code viaPtr}) or held by value. */
    int field(int src, boolean viaPtr, int k, Type ft) {
        boolean scalar = Kinds.scalar(ft);
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.StructV s;
            if (viaPtr) {
                HeapBox h = deref(th, r[src]);
                s = (Values.StructV) h.get();
                int pi = h.layout().fieldPtrIndex()[k];
                if (pi >= 0 && s.fields()[k] != null) {
                    rt(th).load(th.goroutine(), h.addr(), pi);
                }
            } else {
                s = (Values.StructV) r[src];
            }
            Object v = s.fields()[k];
            if (scalar) {
                i[dst] = Layouts.unbox(v, ft);
            } else {
                r[dst] = Layouts.copy(v);
            }
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }

    /** {@code x.f = v}, through a pointer (write barrier for pointer fields) or on a struct value. */
    void setField(int dst, boolean viaPtr, int k, Type ft, int val) {
        boolean scalar = Kinds.scalar(ft);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Object v = scalar ? Layouts.box(i[val], ft) : Layouts.copy(r[val]);
            if (viaPtr) {
                HeapBox h = deref(th, r[dst]);
                int pi = h.layout().fieldPtrIndex()[k];
                if (pi >= 0) {
                    rt(th).store(th.goroutine(), h.addr(), pi, addrOf(v));
                }
                ((Values.StructV) h.get()).fields()[k] = v;
            } else {
                ((Values.StructV) r[dst]).fields()[k] = v;
            }
            return Native.Result.DONE;
        };
        emit(n);
    }

    /**
     * The pointer-holding fields of a struct type, nested structs included; -1 when it holds
     * pointers some other way (an array of pointers).
     */
    static int pointerLeaves(Type t) {
        int n = 0;
        for (dev.goroscope.engine.lang.types.Var f : ((dev.goroscope.engine.lang.types.Struct) t.underlying()).fields()) {
            Type ft = f.type();
            if (Kinds.refersToHeap(ft)) {
                n++;
            } else if (Kinds.isStruct(ft)) {
                int k = pointerLeaves(ft);
                if (k < 0) {
                    return -1;
                }
                n += k;
            } else if (Kinds.holdsHeapPointers(ft)) {
                return -1;
            }
        }
        return n;
    }

    /** Roots each pointer the struct value in r[reg] holds in frame slots {@code first, first+1, ...}. */
    void slotStoreStruct(int first, int reg, Type t) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Goroutine g = th.goroutine();
            int[] next = {first};
            storeLeaves(th, g, (Values.StructV) r[reg], t, next);
            return Native.Result.DONE;
        };
        emit(n);
    }

    private static void storeLeaves(Machine.Thread th, Goroutine g, Values.StructV s, Type t, int[] next) {
        java.util.List<dev.goroscope.engine.lang.types.Var> fs = ((dev.goroscope.engine.lang.types.Struct) t.underlying()).fields();
        for (int k = 0; k < fs.size(); k++) {
            Type ft = fs.get(k).type();
            if (Kinds.refersToHeap(ft)) {
                rt(th).storeSlot(g, g.depth() - 1, next[0]++, addrOf(s.fields()[k]));
            } else if (Kinds.isStruct(ft)) {
                storeLeaves(th, g, (Values.StructV) s.fields()[k], ft, next);
            }
        }
    }

    /** Declares a pointer-holding global with the runtime (a root); its address goes into cell[0]. */
    void declareGlobal(String name, long[] cell) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            cell[0] = rt(th).declareGlobal(name, 1);
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** Tells the runtime that a pointer-holding global now holds r[reg] (write barrier on). */
    void globalStore(long[] cell, int reg) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            rt(th).storeGlobal(th.goroutine(), cell[0], 0, addrOfAny(r[reg]));
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** The engine object a value refers to: a pointer's box, a slice's array, a channel. */
    static long addrOfAny(Object v) {
        if (v instanceof HeapBox b) {
            return b.addr();
        }
        if (v instanceof dev.goroscope.engine.lang.interp.Values.SliceV s) {
            return s.array().addr;
        }
        if (v instanceof dev.goroscope.engine.lang.interp.Values.FuncV f) {
            return f.addr();
        }
        if (v instanceof dev.goroscope.engine.lang.interp.Values.Iface i) {
            return i.addr() != 0 ? i.addr() : addrOfAny(i.value()); // the boxed copy, or the pointer itself
        }
        if (v instanceof dev.goroscope.engine.lang.interp.Values.MapV m) {
            return m.addr;
        }
        if (v instanceof dev.goroscope.engine.runtime.Channel c) {
            return c.addr();
        }
        if (v instanceof Contexts.Ctx c) {
            return c.addr;
        }
        return 0;
    }

    private static final java.util.Map<Type, HeapBox.Layout> ELEMENT_LAYOUTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The heap pointers a value of type {@code t} holds, one entry per pointer word of the type
     * (0 where it holds none): how an element of a slice's array or a channel's buffer is traced.
     * A pointer-shaped value or an interface has its pointer in the first word; a struct has its
     * pointer fields where its layout puts them.
     */
    static long[] pointerWords(Object v, Type t) {
        HeapBox.Layout layout = ELEMENT_LAYOUTS.computeIfAbsent(t, Layouts::of);
        long[] words = new long[layout.nptrs()];
        if (words.length == 0 || v == null) {
            return words;
        }
        if (Kinds.refersToHeap(t)) {
            words[0] = addrOfAny(v);
        } else if (v instanceof Values.StructV s) {
            int[] map = layout.fieldPtrIndex();
            for (int k = 0; k < map.length; k++) {
                if (map[k] >= 0) {
                    words[map[k]] = addrOfAny(s.fields()[k]);
                }
            }
        }
        return words;
    }

    /** The zero value of a struct type into r[dst]. */
    void zero(int dst, Type t) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            r[dst] = Layouts.zero(t);
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** A struct value from its fields' registers ({@code regs[k] < 0}: the zero value). */
    int struct(Type t, int[] regs, boolean[] scalar) {
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.StructV s = (Values.StructV) Layouts.zero(t);
            dev.goroscope.engine.lang.types.Struct st = (dev.goroscope.engine.lang.types.Struct) t.underlying();
            for (int k = 0; k < regs.length; k++) {
                if (regs[k] >= 0) {
                    Type ft = st.fields().get(k).type();
                    s.fields()[k] = scalar[k] ? Layouts.box(i[regs[k]], ft) : Layouts.copy(r[regs[k]]);
                }
            }
            r[dst] = s;
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }

    private void emit(Native n) {
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }
}
