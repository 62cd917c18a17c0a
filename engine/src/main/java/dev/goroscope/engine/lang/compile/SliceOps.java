package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.SizeClasses;

/**
 * Slices: a header ({@link Values.SliceV}) over a backing array that is an engine heap object of
 * {@code cap} elements, with one engine pointer field per pointer word of each element. A
 * slice's elements are the interpreter's boxed values ({@code null} where never written: the
 * zero value). {@code append} grows the array as {@code growslice} does in Go 1.19: double
 * below 256 elements, then by a quarter plus 192, and round the bytes up to a size class.
 */
final class SliceOps {
    private final FuncCompiler fc;

    SliceOps(FuncCompiler fc) {
        this.fc = fc;
    }

    static Type elem(Type t) {
        return ((Slice) t.underlying()).elem();
    }

    private static GoRuntime rt(Machine.Thread t) {
        return t.machine().runtime();
    }

    private void emit(Native n) {
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /** Allocates a backing array of {@code cap} elements of {@code et}. */
    static Values.Backing backing(Machine.Thread th, Type et, long cap) {
        long esize = Math.max(Sizes.sizeof(et), 0);
        int pw = Sizes.pointerOffsets(et).size();
        long bytes = Math.max(esize * cap, 1);
        if (cap > Integer.MAX_VALUE / 2 || bytes < 0) {
            throw GoPanic.runtimeError("makeslice: len out of range");
        }
        long addr = rt(th).alloc(th.goroutine(), bytes, (int) (pw * cap), "[" + cap + "]" + et);
        return new Values.Backing(new Object[(int) cap], addr);
    }

    /** {@code make([]T, len[, cap])} into r[dst]. */
    void make(Type t, int lenReg, int capReg, int dst) {
        Type et = elem(t);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            long len = i[lenReg];
            long cap = capReg < 0 ? len : i[capReg];
            if (len < 0 || len > cap) {
                throw GoPanic.runtimeError(len < 0 ? "makeslice: len out of range" : "makeslice: cap out of range");
            }
            r[dst] = new Values.SliceV(backing(th, et, cap), 0, (int) len, (int) cap);
            return Native.Result.DONE;
        };
        emit(n);
        fc.heap.slotStore(fc.newSlot(), dst);
    }

    /** {@code []T{e0, e1, ...}} from element registers. */
    void literal(Type t, int[] regs, boolean[] scalar, int dst) {
        Type et = elem(t);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.Backing bk = backing(th, et, regs.length);
            for (int k = 0; k < regs.length; k++) {
                Object v = scalar[k] ? Layouts.box(i[regs[k]], et) : Layouts.copy(r[regs[k]]);
                bk.elems[k] = v;
                storePointers(th, bk, k, et, v);
            }
            r[dst] = new Values.SliceV(bk, 0, regs.length, regs.length);
            return Native.Result.DONE;
        };
        emit(n);
        fc.heap.slotStore(fc.newSlot(), dst);
    }

    /** Tells the runtime which heap objects element {@code k} points to (write barrier). */
    static void storePointers(Machine.Thread th, Values.Backing bk, int k, Type et, Object v) {
        long[] words = HeapOps.pointerWords(v, et);
        for (int j = 0; j < words.length; j++) {
            rt(th).store(th.goroutine(), bk.addr, k * words.length + j, words[j]);
        }
    }

    static Values.SliceV nonNil(Object v) {
        return (Values.SliceV) v;
    }

    /** Go's bounds check on a slice index, with its panic message. */
    private static long checkIndex(Values.SliceV sv, long idx) {
        int len = sv == null ? 0 : sv.len();
        if (idx < 0 || idx >= len) {
            throw GoPanic.runtimeError("index out of range [" + idx + "]" + (idx < 0 ? "" : " with length " + len)); // boundsNegErrorFmt for a negative index
        }
        return idx;
    }

    int index(int s, int k, Type et) {
        boolean scalar = Kinds.scalar(et);
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.SliceV sv = nonNil(r[s]);
            long idx = checkIndex(sv, i[k]);
            Object v = sv.array().elems[sv.off() + (int) idx];
            if (v == null) {
                v = Layouts.zero(et);
            }
            if (scalar) {
                i[dst] = Layouts.unbox(v, et);
            } else {
                r[dst] = Layouts.copy(v);
            }
            return Native.Result.DONE;
        };
        emit(n);
        return dst;
    }

    void setIndex(int s, int k, Type et, int val) {
        boolean scalar = Kinds.scalar(et);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.SliceV sv = nonNil(r[s]);
            long idx = checkIndex(sv, i[k]);
            Object v = scalar ? Layouts.box(i[val], et) : Layouts.copy(r[val]);
            sv.array().elems[sv.off() + (int) idx] = v;
            storePointers(th, sv.array(), sv.off() + (int) idx, et, v);
            return Native.Result.DONE;
        };
        emit(n);
    }

    void lenCap(int s, boolean cap, int dst) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.SliceV sv = nonNil(r[s]);
            i[dst] = sv == null ? 0 : cap ? sv.cap() : sv.len();
            return Native.Result.DONE;
        };
        emit(n);
    }

    /** Go 1.19's {@code growslice}: the capacity for at least {@code need} elements. */
    static long grow(long oldCap, long need, long esize) {
        long newcap = oldCap;
        long doublecap = newcap + newcap;
        if (need > doublecap) {
            newcap = need;
        } else if (oldCap < 256) {
            newcap = doublecap;
        } else {
            while (0 < newcap && newcap < need) {
                newcap += (newcap + 3 * 256) / 4;
            }
            if (newcap <= 0) {
                newcap = need;
            }
        }
        if (esize == 0) {
            return newcap;
        }
        return SizeClasses.roundUpSize(newcap * esize) / esize;
    }

    /** {@code append(s, v...)} with values in registers into r[dst]. */
    void append(int s, Type et, int[] regs, boolean[] scalar, int dst) {
        long esize = Sizes.sizeof(et);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.SliceV sv = nonNil(r[s]);
            int len = sv == null ? 0 : sv.len();
            int cap = sv == null ? 0 : sv.cap();
            int need = len + regs.length;
            Values.Backing bk;
            int off;
            int newCap = cap;
            if (need <= cap) {
                bk = sv.array();
                off = sv.off();
            } else {
                newCap = (int) grow(cap, need, esize);
                bk = backing(th, et, newCap);
                off = 0;
                for (int k = 0; k < len; k++) {
                    Object v = sv.array().elems[sv.off() + k];
                    bk.elems[k] = v;
                    storePointers(th, bk, k, et, v);
                }
            }
            for (int k = 0; k < regs.length; k++) {
                Object v = scalar[k] ? Layouts.box(i[regs[k]], et) : Layouts.copy(r[regs[k]]);
                bk.elems[off + len + k] = v;
                storePointers(th, bk, off + len + k, et, v);
            }
            r[dst] = new Values.SliceV(bk, off, need, newCap);
            return Native.Result.DONE;
        };
        emit(n);
        fc.heap.slotStore(fc.newSlot(), dst);
    }

    /** {@code s[lo:hi:max]} of a slice or string ({@code -1}: bound left out). */
    int slice(int s, boolean string, int lo, int hi, int max) {
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            if (string) {
                GoString str = (GoString) r[s];
                long l = lo < 0 ? 0 : i[lo];
                long h = hi < 0 ? str.len() : i[hi];
                if (h < 0 || h > str.len()) {
                    throw GoPanic.runtimeError("slice bounds out of range [:" + h + "] with length " + str.len());
                }
                if (l < 0 || l > h) {
                    throw GoPanic.runtimeError("slice bounds out of range [" + l + ":" + h + "]");
                }
                r[dst] = str.slice((int) l, (int) h);
                return Native.Result.DONE;
            }
            Values.SliceV sv = nonNil(r[s]);
            int cap = sv == null ? 0 : sv.cap();
            long m = max < 0 ? cap : i[max];
            long h = hi < 0 ? (sv == null ? 0 : sv.len()) : i[hi];
            long l = lo < 0 ? 0 : i[lo];
            if (m < 0 || m > cap) {
                throw GoPanic.runtimeError("slice bounds out of range [::" + m + "] with capacity " + cap);
            }
            if (h < 0 || h > m) {
                throw GoPanic.runtimeError("slice bounds out of range [:" + h + "] with capacity " + cap);
            }
            if (l < 0 || l > h) {
                throw GoPanic.runtimeError("slice bounds out of range [" + l + ":" + h + "]");
            }
            r[dst] = sv == null ? null : new Values.SliceV(sv.array(), sv.off() + (int) l, (int) (h - l), (int) (m - l));
            return Native.Result.DONE;
        };
        emit(n);
        if (!string) {
            fc.heap.slotStore(fc.newSlot(), dst);
        }
        return dst;
    }

    /** {@code copy(dst, src)}: the count into i[res]. */
    void copy(int d, int s, Type et, int res) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Values.SliceV dv = nonNil(r[d]);
            Values.SliceV sv = nonNil(r[s]);
            int k = Math.min(dv == null ? 0 : dv.len(), sv == null ? 0 : sv.len());
            Object[] tmp = new Object[k];
            for (int j = 0; j < k; j++) {
                tmp[j] = sv.array().elems[sv.off() + j];
            }
            for (int j = 0; j < k; j++) {
                dv.array().elems[dv.off() + j] = tmp[j];
                storePointers(th, dv.array(), dv.off() + j, et, tmp[j]);
            }
            if (res >= 0) {
                i[res] = k;
            }
            return Native.Result.DONE;
        };
        emit(n);
    }
}
