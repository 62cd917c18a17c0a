package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.gotool.CompilerFacts;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.SizeClasses;
import java.io.ByteArrayOutputStream;

/**
 * Conversions between strings and byte or rune slices, and from an integer to a string, with
 * the allocations gc's runtime makes for them (string.go in Go 1.19):
 * <ul>
 *   <li>{@code []byte(s)}: {@code stringtoslicebyte}. When the result does not escape and fits
 *       the 32-byte {@code tmpBuf} in the caller's frame, that buffer is used (capacity 32);
 *       otherwise {@code rawbyteslice} allocates {@code roundupsize(len)} bytes, which is the
 *       capacity. A constant string is copied into an array of exactly its length instead, in
 *       the frame when it does not escape, else {@code new([n]byte)}.</li>
 *   <li>{@code []rune(s)}: {@code stringtoslicerune}, the same with a {@code [32]rune} buffer
 *       and {@code roundupsize(4n)/4} runes of capacity.</li>
 *   <li>{@code string(b)}: {@code slicebytetostring}: no allocation for 0 or 1 bytes (one byte
 *       comes from {@code staticuint64s}), the frame's buffer up to 32 bytes when the string
 *       does not escape, else {@code n} bytes on the heap. {@code string(runes)} and
 *       {@code string(rune)} follow {@code slicerunetostring} and {@code intstring}.</li>
 * </ul>
 * Whether a result escapes is gc's decision, read from its {@code -m} notes under
 * {@code --frames=go} ({@code ([]byte)(s) does not escape} at the conversion's parenthesis);
 * the estimator has no escape analysis for these, so it takes every result as escaping. A
 * string's bytes are counted on the heap when they are allocated, but the interpreter's strings
 * carry no engine address, so the collector frees them at the next cycle.
 */
final class Conversions {
    /** Size of the runtime's {@code tmpBuf} (and of the {@code [32]rune} buffer). */
    static final int TMP_BUF = 32;
    /** {@code ir.MaxImplicitStackVarSize}: the largest array gc keeps in a frame implicitly. */
    private static final int MAX_IMPLICIT_STACK = 64 * 1024;

    private Conversions() {}

    private enum Kind { STRING_TO_BYTES, STRING_TO_RUNES, BYTES_TO_STRING, RUNES_TO_STRING, INT_TO_STRING }

    private static Kind kind(Type from, Type to) {
        if (Kinds.isString(from) && isSliceOf(to, Basic.Kind.UINT8)) {
            return Kind.STRING_TO_BYTES;
        }
        if (Kinds.isString(from) && isSliceOf(to, Basic.Kind.INT32)) {
            return Kind.STRING_TO_RUNES;
        }
        if (Kinds.isString(to) && isSliceOf(from, Basic.Kind.UINT8)) {
            return Kind.BYTES_TO_STRING;
        }
        if (Kinds.isString(to) && isSliceOf(from, Basic.Kind.INT32)) {
            return Kind.RUNES_TO_STRING;
        }
        if (Kinds.isString(to) && from.underlying() instanceof Basic b && b.isInteger()) {
            return Kind.INT_TO_STRING;
        }
        return null;
    }

    private static boolean isSliceOf(Type t, Basic.Kind k) {
        return t.underlying() instanceof Slice s && s.elem().underlying() instanceof Basic b && b.kind() == k;
    }

    /** Whether this conversion is one of those here. */
    static boolean handles(Type from, Type to) {
        return kind(from, to) != null;
    }

    /** Converts the value in register {@code v}; returns the result's register. */
    static int convert(FuncCompiler fc, Expr.Call c, Type from, Type to, int v) {
        Kind k = kind(from, to);
        boolean stack = doesNotEscape(fc.program.facts(), c.lparen(), k == Kind.BYTES_TO_STRING
                || k == Kind.RUNES_TO_STRING || k == Kind.INT_TO_STRING ? "string(" : "(");
        boolean constant = fc.info.valueOf(c.args().get(0)) != null;
        boolean fromScalar = k == Kind.INT_TO_STRING;
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            r[dst] = switch (k) {
                case STRING_TO_BYTES -> toBytes(th, (GoString) r[v], stack, constant);
                case STRING_TO_RUNES -> toRunes(th, (GoString) r[v], stack);
                case BYTES_TO_STRING -> bytesToString(th, (Values.SliceV) r[v], stack);
                case RUNES_TO_STRING -> runesToString(th, (Values.SliceV) r[v], stack);
                case INT_TO_STRING -> intString(th, i[v], Kinds.isUnsigned(from), stack);
            };
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), fromScalar ? v : 0, 0, 0, 0);
        if (k == Kind.STRING_TO_BYTES || k == Kind.STRING_TO_RUNES) {
            fc.heap.slotStore(fc.newSlot(), dst); // a heap backing array is rooted by the frame
        }
        return dst;
    }

    /**
     * gc's verdict on the allocation at {@code lparen}: true for "does not escape". Without gc's
     * notes every result escapes.
     */
    static boolean doesNotEscape(CompilerFacts facts, Pos lparen, String prefix) {
        if (facts == null || lparen == null) {
            return false;
        }
        for (CompilerFacts.Note n : facts.notes()) {
            if (n.line() == lparen.line() && n.col() == lparen.col() && n.message().startsWith(prefix)
                    && n.message().endsWith(" does not escape")) {
                return true;
            }
        }
        return false;
    }

    private static long alloc(Machine.Thread th, long bytes, String what) {
        if (bytes == 0) {
            return 0; // mallocgc(0) returns &zerobase: no object
        }
        return th.machine().runtime().alloc(th.goroutine(), bytes, 0, what);
    }

    static Values.SliceV toBytes(Machine.Thread th, GoString s, boolean stack, boolean constant) {
        int n = s.len();
        int cap;
        long addr = 0;
        if (constant) {
            cap = n;
            if (!(stack && n <= MAX_IMPLICIT_STACK)) {
                addr = alloc(th, n, "[" + n + "]uint8");
            }
        } else if (stack && n <= TMP_BUF) {
            cap = TMP_BUF;
        } else {
            cap = (int) SizeClasses.roundUpSize(n);
            addr = alloc(th, cap, "[" + cap + "]uint8");
        }
        Object[] elems = new Object[cap];
        for (int k = 0; k < n; k++) {
            elems[k] = (long) s.byteAt(k);
        }
        return new Values.SliceV(new Values.Backing(elems, addr), 0, n, cap);
    }

    static Values.SliceV toRunes(Machine.Thread th, GoString s, boolean stack) {
        byte[] b = s.bytes();
        int n = 0;
        for (int p = 0; p < b.length; p += width(decode(b, p))) {
            n++;
        }
        int cap;
        long addr = 0;
        if (stack && n <= TMP_BUF) {
            cap = TMP_BUF;
        } else {
            long mem = SizeClasses.roundUpSize(4L * n);
            cap = (int) (mem / 4);
            addr = alloc(th, mem, "[" + cap + "]int32");
        }
        Object[] elems = new Object[cap];
        int k = 0;
        for (int p = 0; p < b.length; p += width(decode(b, p))) {
            elems[k++] = (long) rune(decode(b, p));
        }
        return new Values.SliceV(new Values.Backing(elems, addr), 0, n, cap);
    }

    static GoString bytesToString(Machine.Thread th, Values.SliceV sv, boolean stack) {
        int n = sv == null ? 0 : sv.len();
        byte[] out = new byte[n];
        for (int k = 0; k < n; k++) {
            Object e = sv.get(k);
            out[k] = e == null ? 0 : (byte) (long) (Long) e;
        }
        if (n > 1 && !(stack && n <= TMP_BUF)) {
            alloc(th, n, "[" + n + "]uint8 (string)");
        }
        return GoString.wrap(out);
    }

    static GoString runesToString(Machine.Thread th, Values.SliceV sv, boolean stack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = sv == null ? 0 : sv.len();
        for (int k = 0; k < n; k++) {
            Object e = sv.get(k);
            encode(out, e == null ? 0 : (int) (long) (Long) e);
        }
        byte[] bytes = out.toByteArray();
        if (!(stack && bytes.length <= TMP_BUF)) {
            alloc(th, bytes.length, "[" + bytes.length + "]uint8 (string)");
        }
        return GoString.wrap(bytes);
    }

    /** {@code intstring}: a value that is not a valid rune gives U+FFFD. */
    static GoString intString(Machine.Thread th, long v, boolean unsigned, boolean stack) {
        boolean valid = unsigned ? Long.compareUnsigned(v, 0x10FFFF) <= 0 : v >= 0 && v <= 0x10FFFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(out, valid ? (int) v : 0xFFFD);
        if (!stack) {
            alloc(th, 4, "[4]uint8 (string)");
        }
        return GoString.wrap(out.toByteArray());
    }

    /** {@code utf8.EncodeRune}: surrogates and values past U+10FFFF become U+FFFD. */
    static void encode(ByteArrayOutputStream out, int r) {
        if (r < 0 || r > 0x10FFFF || r >= 0xD800 && r <= 0xDFFF) {
            r = 0xFFFD;
        }
        if (r < 0x80) {
            out.write(r);
        } else if (r < 0x800) {
            out.write(0xC0 | r >> 6);
            out.write(0x80 | r & 0x3F);
        } else if (r < 0x10000) {
            out.write(0xE0 | r >> 12);
            out.write(0x80 | r >> 6 & 0x3F);
            out.write(0x80 | r & 0x3F);
        } else {
            out.write(0xF0 | r >> 18);
            out.write(0x80 | r >> 12 & 0x3F);
            out.write(0x80 | r >> 6 & 0x3F);
            out.write(0x80 | r & 0x3F);
        }
    }

    /**
     * {@code utf8.DecodeRune} at {@code p}: {@code rune << 3 | width}; an invalid or short
     * sequence (overlong forms and surrogates included) is U+FFFD of width 1.
     */
    static int decode(byte[] b, int p) {
        int c0 = b[p] & 0xFF;
        if (c0 < 0x80) {
            return c0 << 3 | 1;
        }
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        int r;
        if (c0 >= 0xC2 && c0 <= 0xDF) {
            need = 1;
            r = c0 & 0x1F;
        } else if (c0 >= 0xE0 && c0 <= 0xEF) {
            need = 2;
            r = c0 & 0x0F;
            lo = c0 == 0xE0 ? 0xA0 : 0x80;
            hi = c0 == 0xED ? 0x9F : 0xBF;
        } else if (c0 >= 0xF0 && c0 <= 0xF4) {
            need = 3;
            r = c0 & 0x07;
            lo = c0 == 0xF0 ? 0x90 : 0x80;
            hi = c0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0xFFFD << 3 | 1;
        }
        if (p + need >= b.length) {
            return 0xFFFD << 3 | 1;
        }
        for (int k = 1; k <= need; k++) {
            int c = b[p + k] & 0xFF;
            if (k == 1 ? c < lo || c > hi : c < 0x80 || c > 0xBF) {
                return 0xFFFD << 3 | 1;
            }
            r = r << 6 | c & 0x3F;
        }
        return r << 3 | (need + 1);
    }

    static int rune(int packed) {
        return packed >>> 3;
    }

    static int width(int packed) {
        return packed & 7;
    }
}
