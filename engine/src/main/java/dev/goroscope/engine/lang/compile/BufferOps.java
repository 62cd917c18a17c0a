package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;
import java.util.List;

/**
 * {@code bytes.Buffer} and {@code strings.Builder}: a value of either type is a {@link Buf}
 * whose byte slice has its backing array on the simulated heap and grows exactly as Go 1.19's
 * code grows it ({@code Buffer.grow}: a 64-byte first array, sliding before reallocating, then
 * {@code growSlice} to twice the capacity; {@code Builder}: {@code append}'s growth).
 *
 * <p>The pointer to the backing array has a home, as the struct's {@code buf} field would: the
 * heap object when the Buffer lives on the heap (gc moved it, or it was allocated with
 * {@code new} and escapes), otherwise a pointer slot of the frame that declared or allocated it.
 * Every new array is stored there, so the collector sees exactly the program's pointers. Where
 * gc's {@code -m} notes say a {@code new(bytes.Buffer)} does not escape (exact frames), the
 * Buffer itself stays in the frame and allocates nothing, as in Go.
 *
 * <p>A Buffer or Builder copied by value shares its state with the original here (Go copies
 * the header; the Builder would then panic on the copy's first write).
 */
final class BufferOps {
    private BufferOps() {}

    /** {@code smallBufferSize}: a Buffer's first array. */
    static final int SMALL_BUFFER = 64;

    /** The state of one Buffer or Builder. */
    static final class Buf {
        final boolean builder;
        /** {@code b.buf}; null is the nil slice. */
        Values.SliceV buf;
        /** {@code b.off}: bytes already read (Buffer only). */
        int off;
        /** The heap object holding the pointer to the array (0: none), and its pointer field. */
        long homeObj;
        int homeField;
        /** Or the frame slot holding it: goroutine, frame depth (-1: none), slot. */
        Goroutine homeG;
        int homeDepth = -1;
        int homeSlot;

        Buf(boolean builder) {
            this.builder = builder;
        }

        int len() {
            return buf == null ? 0 : buf.len() - off;
        }

        int cap() {
            return buf == null ? 0 : buf.cap();
        }

        /** {@code b.buf = nb}, with the pointer to nb's array written where the struct lives. */
        void set(Machine.Thread th, Values.SliceV nb) {
            long old = buf == null ? 0 : buf.array().addr;
            long now = nb == null ? 0 : nb.array().addr;
            buf = nb;
            if (old == now) {
                return;
            }
            GoRuntime rt = th.machine().runtime();
            if (homeObj != 0) {
                rt.store(th.goroutine(), homeObj, homeField, now);
            } else if (homeDepth >= 0) {
                rt.storeSlot(homeG, homeDepth, homeSlot, now);
            }
        }
    }

    static boolean is(Type t) {
        return t instanceof Named n && ("bytes".equals(n.pkg()) && "Buffer".equals(n.name())
                || "strings".equals(n.pkg()) && "Builder".equals(n.name()));
    }

    private static boolean isBuilder(Type t) {
        return "strings".equals(((Named) t).pkg());
    }

    /** The zero value (a variable moved to the heap, a struct field). */
    static Buf zero(Type t) {
        return new Buf(isBuilder(t));
    }

    /** Which pointer field of the struct is {@code buf}: the Builder's second word is {@code buf}. */
    private static int bufPointerField(Type t) {
        return isBuilder(t) ? 1 : 0;
    }

    /**
     * {@code new(bytes.Buffer)} or {@code &bytes.Buffer{}} into r[dst]: in the frame when gc's
     * note at {@code at} says it does not escape, else a heap object.
     */
    static void allocate(FuncCompiler fc, Type t, Pos at, String notePrefix, int dst) {
        allocate(fc, t, at, notePrefix, dst, false);
    }

    /** {@code estimatedStack}: estimate mode found it does not escape ({@link Escapes#onlyReceiver}). */
    static void allocate(FuncCompiler fc, Type t, Pos at, String notePrefix, int dst, boolean estimatedStack) {
        boolean stack = estimatedStack || Conversions.doesNotEscape(fc.program.facts(), at, notePrefix);
        HeapBox.Layout layout = Layouts.of(t);
        boolean builder = isBuilder(t);
        int field = bufPointerField(t);
        int home = stack ? fc.newSlot() : -1;
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Buf buf = new Buf(builder);
            Goroutine g = th.goroutine();
            if (stack) {
                buf.homeG = g;
                buf.homeDepth = g.depth() - 1;
                buf.homeSlot = home;
                r[dst] = new HeapBox(buf, 0, layout);
            } else {
                long addr = th.machine().runtime().alloc(g, layout.size(), layout.nptrs(), layout.typeName());
                buf.homeObj = addr;
                buf.homeField = field;
                r[dst] = new HeapBox(buf, addr, layout);
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        fc.heap.slotStore(fc.newSlot(), dst);
    }

    /** {@code var b bytes.Buffer} in a frame: its array pointer lives in a slot of this frame. */
    static void declare(FuncCompiler fc, int reg, Type t) {
        boolean builder = isBuilder(t);
        int home = fc.newSlot();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Buf buf = new Buf(builder);
            Goroutine g = th.goroutine();
            buf.homeG = g;
            buf.homeDepth = g.depth() - 1;
            buf.homeSlot = home;
            r[reg] = buf;
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /**
     * The register holding the receiver: a variable's own (its Buf, or its box when moved), or
     * a pointer's value. A Buffer reached otherwise (a struct field) has no home for its array
     * pointer here.
     */
    private static int receiver(FuncCompiler fc, Expr recv) {
        Expr x = recv;
        while (x instanceof Expr.Paren p) {
            x = p.x();
        }
        if (Kinds.isPointer(fc.info.typeOf(x))) {
            return fc.exprs.value(x);
        }
        if (x instanceof Expr.Unary u && u.op() == dev.goroscope.engine.lang.ast.Op.AND) {
            return receiver(fc, u.x());
        }
        if (x instanceof Expr.Ident id && fc.info.objectOf(id) instanceof Var v && fc.regs.get(v) != null) {
            return fc.regs.get(v);
        }
        throw new Unsupported(recv.pos(), "methods of a " + fc.info.typeOf(x)
                + " that is not a local variable or reached through a pointer");
    }

    /** The Buf behind a receiver value: a Buf, or a box holding one (heap boxes become its home). */
    private static Buf resolve(Machine.Thread th, Object v, Type t) {
        if (v instanceof Buf b) {
            return b;
        }
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        HeapBox box = (HeapBox) v;
        Buf b = (Buf) box.get();
        if (box.addr() != 0) {
            th.machine().runtime().use(th.goroutine(), box.addr());
            if (b.homeObj == 0) {
                b.homeObj = box.addr();
                b.homeField = bufPointerField(t);
                b.homeDepth = -1;
            }
        }
        return b;
    }

    /** A method call; {@code resI}/{@code resR} as in {@link Calls#call}. */
    static void call(FuncCompiler fc, Func m, Expr.Call c, Expr recv, int resI, int resR) {
        Type t = recvNamed(fc.info.typeOf(recv));
        int rv = receiver(fc, recv);
        List<Expr> args = c.args();
        int arg = args.isEmpty() ? -1 : fc.exprs.value(args.get(0));
        int[] res = new Calls(fc).results(m.type(), resI, resR);
        int ri = res[0];
        int rr = res[1];
        boolean stackString = Conversions.doesNotEscape(fc.program.facts(), c.lparen(), "string(");
        String name = m.name();
        boolean builder = isBuilder(t);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            if (name.equals("String") && r[rv] == null && !builder) {
                r[rr] = GoString.of("<nil>"); // (*Buffer).String's special case for a nil receiver
                return Native.Result.DONE;
            }
            Buf buf = resolve(th, r[rv], t);
            switch (name) {
                case "WriteString" -> {
                    GoString s = (GoString) r[arg];
                    write(th, buf, s.bytes());
                    i[ri] = s.len();
                    r[rr] = null;
                }
                case "Write" -> {
                    Values.SliceV p = (Values.SliceV) r[arg];
                    byte[] bytes = new byte[p == null ? 0 : p.len()];
                    for (int k = 0; k < bytes.length; k++) {
                        Object e = p.get(k);
                        bytes[k] = e == null ? 0 : (byte) (long) (Long) e;
                    }
                    write(th, buf, bytes);
                    i[ri] = bytes.length;
                    r[rr] = null;
                }
                case "WriteByte" -> {
                    write(th, buf, new byte[] {(byte) i[arg]});
                    r[rr] = null;
                }
                case "String" -> r[rr] = string(th, buf, stackString);
                case "Len" -> i[ri] = buf.len();
                case "Cap" -> i[ri] = buf.cap();
                case "Reset" -> reset(th, buf);
                case "Grow" -> grow(th, buf, i[arg]);
                case "Bytes" -> r[rr] = buf.buf == null ? null
                        : new Values.SliceV(buf.buf.array(), buf.buf.off() + buf.off, buf.len(), buf.cap() - buf.off);
                default -> throw new IllegalStateException(m.fullName());
            }
            return Native.Result.DONE;
        };
        if (!List.of("WriteString", "Write", "WriteByte", "String", "Len", "Cap", "Reset", "Grow", "Bytes")
                .contains(name)) {
            throw new Unsupported(c.pos(), m.fullName());
        }
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        if (name.equals("Bytes")) {
            fc.heap.slotStore(fc.newSlot(), rr);
        }
    }

    /**
     * {@code String()}: the Buffer's {@code string(b.buf[b.off:])} allocates as any such
     * conversion does; the Builder's reuses its bytes ({@code unsafe.String}) and allocates nothing.
     */
    private static GoString string(Machine.Thread th, Buf b, boolean stack) {
        Values.SliceV unread = b.buf == null ? null
                : new Values.SliceV(b.buf.array(), b.buf.off() + b.off, b.len(), b.len());
        if (b.builder) {
            byte[] out = new byte[b.len()];
            for (int k = 0; k < out.length; k++) {
                Object e = unread.get(k);
                out[k] = e == null ? 0 : (byte) (long) (Long) e;
            }
            return GoString.wrap(out);
        }
        return Conversions.bytesToString(th, unread, stack);
    }

    private static Type recvNamed(Type t) {
        return t.underlying() instanceof dev.goroscope.engine.lang.types.Pointer p ? p.elem() : t;
    }

    private static void reset(Machine.Thread th, Buf b) {
        if (b.builder) {
            b.set(th, null); // Builder.Reset drops the array
            return;
        }
        if (b.buf != null) {
            b.buf = new Values.SliceV(b.buf.array(), b.buf.off(), 0, b.buf.cap());
        }
        b.off = 0;
    }

    private static void write(Machine.Thread th, Buf b, byte[] p) {
        int m = b.builder ? appendGrow(th, b, p.length) : bufferGrow(th, b, p.length);
        for (int k = 0; k < p.length; k++) {
            b.buf.array().elems[b.buf.off() + m + k] = (long) (p[k] & 0xFF);
        }
    }

    private static void grow(Machine.Thread th, Buf b, long n) {
        if (n < 0) {
            String msg = b.builder ? "strings.Builder.Grow: negative count" : "bytes.Buffer.Grow: negative count";
            throw new GoPanic(msg, GoString.of(msg), false);
        }
        if (b.builder) {
            if (b.cap() - b.len() < n) {
                // Builder.grow: make([]byte, len, 2*cap+n) and copy.
                int len = b.len();
                int cap = (int) (2L * b.cap() + n);
                Values.Backing nb = SliceOps.backing(th, dev.goroscope.engine.lang.types.Basic.BYTE, cap);
                copyInto(b.buf, nb, len);
                b.set(th, new Values.SliceV(nb, 0, len, cap));
            }
            return;
        }
        int m = bufferGrow(th, b, (int) n);
        b.buf = new Values.SliceV(b.buf.array(), b.buf.off(), m, b.buf.cap());
    }

    private static void copyInto(Values.SliceV from, Values.Backing to, int n) {
        for (int k = 0; k < n; k++) {
            to.elems[k] = from.get(k);
        }
    }

    /** The Builder's {@code append(b.buf, p...)}: growslice's capacity when it does not fit. */
    private static int appendGrow(Machine.Thread th, Buf b, int n) {
        int len = b.len();
        int cap = b.cap();
        if (len + n > cap) {
            int newCap = (int) SliceOps.grow(cap, (long) len + n, 1);
            Values.Backing nb = SliceOps.backing(th, dev.goroscope.engine.lang.types.Basic.BYTE, newCap);
            if (b.buf != null) {
                copyInto(b.buf, nb, len);
            }
            b.set(th, new Values.SliceV(nb, 0, len + n, newCap));
        } else {
            b.buf = new Values.SliceV(b.buf.array(), b.buf.off(), len + n, cap);
        }
        return len;
    }

    /** {@code Buffer.tryGrowByReslice} then {@code Buffer.grow(n)}: where the n new bytes start. */
    private static int bufferGrow(Machine.Thread th, Buf b, int n) {
        if (b.buf != null && n <= b.buf.cap() - b.buf.len()) {
            int l = b.buf.len();
            b.buf = new Values.SliceV(b.buf.array(), b.buf.off(), l + n, b.buf.cap());
            return l;
        }
        int m = b.len();
        if (m == 0 && b.off != 0) {
            reset(th, b);
            if (n <= b.buf.cap() - b.buf.len()) {
                b.buf = new Values.SliceV(b.buf.array(), b.buf.off(), n, b.buf.cap());
                return 0;
            }
        }
        if (b.buf == null && n <= SMALL_BUFFER) {
            Values.Backing nb = SliceOps.backing(th, dev.goroscope.engine.lang.types.Basic.BYTE, SMALL_BUFFER);
            b.set(th, new Values.SliceV(nb, 0, n, SMALL_BUFFER));
            return 0;
        }
        int c = b.cap();
        if (n <= c / 2 - m) {
            // Slide the unread bytes down instead of reallocating.
            Values.SliceV s = b.buf;
            for (int k = 0; k < m; k++) {
                s.array().elems[s.off() + k] = s.array().elems[s.off() + b.off + k];
            }
        } else if ((long) c > Integer.MAX_VALUE - (long) c - n) {
            String msg = "bytes.Buffer: too large";
            throw new GoPanic(msg, GoString.of(msg), false);
        } else {
            // growSlice(b.buf[b.off:], b.off+n): at least twice the capacity, rounded to a size class.
            int len = b.buf == null ? 0 : b.buf.len() - b.off;
            long want = (long) len + b.off + n;
            long oldCap = b.buf == null ? 0 : b.buf.cap() - b.off;
            if (want < 2 * oldCap) {
                want = 2 * oldCap;
            }
            int newCap = (int) SliceOps.grow(0, want, 1);
            Values.Backing nb = SliceOps.backing(th, dev.goroscope.engine.lang.types.Basic.BYTE, newCap);
            for (int k = 0; k < len; k++) {
                nb.elems[k] = b.buf.get(b.off + k);
            }
            b.set(th, new Values.SliceV(nb, 0, len, newCap));
        }
        b.off = 0;
        b.buf = new Values.SliceV(b.buf.array(), b.buf.off(), m + n, b.buf.cap());
        return m;
    }
}
