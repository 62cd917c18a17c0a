package dev.goroscope.engine.lang.interp;

import dev.goroscope.engine.lang.interp.Values.Iface;
import java.nio.charset.StandardCharsets;

/**
 * The leaf half of Go's {@code pp} ({@code fmt/print.go}): which {@link Fmt} primitive a
 * bool, integer, float, string, byte slice or pointer needs for a given verb. The walk over
 * composite values and the method calls are in {@link Printer}.
 */
abstract class PrinterLeaves {
    final FmtBuf buf = new FmtBuf();
    final Fmt fmt = new Fmt(buf);

    abstract void badVerb(int verb);

    abstract void printValue(RType t, Object v, int verb, int depth, boolean ro);

    static byte[] bytesOf(Object s) {
        if (s instanceof GoString g) {
            return g.bytes();
        }
        return s == null ? new byte[0] : s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An interface value, or null when it is nil. */
    static Iface iface(Object v) {
        return v instanceof Iface i && i.type() != null ? i : null;
    }

    void add(String s) {
        buf.add(s);
    }

    /** The elements of a slice or array value (none for a nil slice). */
    static Object[] elems(Object v) {
        if (v instanceof Values.SliceV s) {
            Object[] r = new Object[s.len()];
            System.arraycopy(s.array().elems, s.off(), r, 0, s.len());
            return r;
        }
        return v instanceof Values.ArrayV a ? a.elems() : new Object[0];
    }

    final void fmtBytes(RType t, Object v, int verb, String typeString) {
        Object[] es = elems(v);
        byte[] bs = new byte[es.length];
        for (int i = 0; i < es.length; i++) {
            bs[i] = (byte) ((Number) es[i]).longValue();
        }
        switch (verb) {
            case 'v': case 'd':
                if (fmt.sharpV) {
                    add(typeString);
                    if (v == null) {
                        add("(nil)");
                        return;
                    }
                    buf.add('{');
                    for (int i = 0; i < bs.length; i++) {
                        add(i > 0 ? ", " : "");
                        fmt0x64(bs[i] & 0xff, true);
                    }
                    buf.add('}');
                } else {
                    buf.add('[');
                    for (int i = 0; i < bs.length; i++) {
                        add(i > 0 ? " " : "");
                        fmt.fmtInteger(bs[i] & 0xff, 10, false, verb, Fmt.LDIGITS);
                    }
                    buf.add(']');
                }
                break;
            case 's': fmt.fmtS(bs); break;
            case 'x': fmt.fmtSbx(bs, Fmt.LDIGITS); break;
            case 'X': fmt.fmtSbx(bs, Fmt.UDIGITS); break;
            case 'q': fmt.fmtQ(bs); break;
            default: printValue(t, v, verb, 0, false); break;
        }
    }

    final void fmtPointer(RType t, Object v, int verb) {
        boolean pointerish = t instanceof RType.Ptr || t instanceof RType.ChanT || t instanceof RType.FuncT
                || t instanceof RType.MapT || t instanceof RType.SliceT
                || (t instanceof RType.Basic b && b.kind() == RType.Kind.UNSAFE_POINTER);
        if (!pointerish) {
            badVerb(verb);
            return;
        }
        long u = v instanceof Values.SliceV s ? Sizes.firstElem(s, ((RType.SliceT) t).elem()) : MapOrder.address(v);
        switch (verb) {
            case 'v':
                if (fmt.sharpV) {
                    buf.add('(');
                    add(TypeNames.of(t));
                    add(")(");
                    if (u == 0) {
                        add("nil");
                    } else {
                        fmt0x64(u, true);
                    }
                    buf.add(')');
                } else if (u == 0) {
                    fmt.padString("<nil>");
                } else {
                    fmt0x64(u, !fmt.sharp);
                }
                break;
            case 'p':
                fmt0x64(u, !fmt.sharp);
                break;
            case 'b': case 'o': case 'd': case 'x': case 'X':
                fmtInteger(u, false, verb);
                break;
            default:
                badVerb(verb);
                break;
        }
    }

    final void fmt0x64(long v, boolean leading0x) {
        boolean sharp = fmt.sharp;
        fmt.sharp = leading0x;
        fmt.fmtInteger(v, 16, false, 'v', Fmt.LDIGITS);
        fmt.sharp = sharp;
    }

    final void fmtInteger(long v, boolean signed, int verb) {
        switch (verb) {
            case 'v':
                if (fmt.sharpV && !signed) {
                    fmt0x64(v, true);
                } else {
                    fmt.fmtInteger(v, 10, signed, verb, Fmt.LDIGITS);
                }
                break;
            case 'd': fmt.fmtInteger(v, 10, signed, verb, Fmt.LDIGITS); break;
            case 'b': fmt.fmtInteger(v, 2, signed, verb, Fmt.LDIGITS); break;
            case 'o': case 'O': fmt.fmtInteger(v, 8, signed, verb, Fmt.LDIGITS); break;
            case 'x': fmt.fmtInteger(v, 16, signed, verb, Fmt.LDIGITS); break;
            case 'X': fmt.fmtInteger(v, 16, signed, verb, Fmt.UDIGITS); break;
            case 'c': fmt.fmtC(v); break;
            case 'q': fmt.fmtQc(v); break;
            case 'U': fmt.fmtUnicode(v); break;
            default: badVerb(verb); break;
        }
    }

    final void fmtFloat(double v, int bits, int verb) {
        switch (verb) {
            case 'v': FmtFloat.fmtFloat(fmt, v, bits, 'g', -1); break;
            case 'b': case 'g': case 'G': case 'x': case 'X': FmtFloat.fmtFloat(fmt, v, bits, (char) verb, -1); break;
            case 'f': case 'F': case 'e': case 'E': FmtFloat.fmtFloat(fmt, v, bits, (char) verb, 6); break;
            default: badVerb(verb); break;
        }
    }

    final void fmtString(byte[] s, int verb) {
        switch (verb) {
            case 'v':
                if (fmt.sharpV) {
                    fmt.fmtQ(s);
                } else {
                    fmt.fmtS(s);
                }
                break;
            case 's': fmt.fmtS(s); break;
            case 'x': fmt.fmtSbx(s, Fmt.LDIGITS); break;
            case 'X': fmt.fmtSbx(s, Fmt.UDIGITS); break;
            case 'q': fmt.fmtQ(s); break;
            default: badVerb(verb); break;
        }
    }
}
