package dev.goroscope.engine.lang.interp;

import dev.goroscope.engine.lang.interp.Values.Iface;
import java.util.Map;

/**
 * One fmt call's printer (Go's {@code pp}): walks a value by its run-time type and hands
 * each leaf to {@link Fmt}.
 *
 * <p>Rules that shape the walk, as in Go: a value whose method set has {@code Error} or
 * {@code String} prints through it for {@code %v %s %q %x %X}, at every depth, except where
 * the value was reached through an unexported struct field (reflection may not call methods
 * there, so {@code struct{ d time.Duration }} prints {@code {1500000000}}). A pointer to an
 * array, slice, struct or map prints as {@code &} and its target only at the top level;
 * deeper down every pointer is an address, which keeps cyclic structures finite. A verb that
 * does not fit a value prints {@code %!verb(type=value)}, and methods are not called while
 * writing that.
 */
final class Printer extends PrinterLeaves {
    private final GoFmt.Methods methods;
    private Iface arg;
    private RType valType;
    private Object val;
    private boolean erroring;

    Printer(GoFmt.Methods methods) {
        this.methods = methods;
    }

    void printArg(Iface a, int verb) {
        a = iface(a);
        arg = a;
        valType = null;
        if (a == null) {
            if (verb == 'T' || verb == 'v') {
                fmt.padString("<nil>");
            } else {
                badVerb(verb);
            }
            return;
        }
        RType t = a.type();
        Object v = a.value();
        if (verb == 'T') {
            fmt.fmtS(bytesOf(TypeNames.of(t)));
            return;
        }
        if (verb == 'p') {
            fmtPointer(t, v, 'p');
            return;
        }
        if (t instanceof RType.Basic b && b.name() == null && b.kind() != RType.Kind.UNSAFE_POINTER) {
            printBasic(b.kind(), v, verb);
        } else if (t instanceof RType.SliceT s && s.name() == null
                && s.elem() instanceof RType.Basic e && e.name() == null && e.kind() == RType.Kind.UINT8) {
            fmtBytes(t, v, verb, "[]byte");
        } else if (!handleMethods(verb)) {
            printValue(t, v, verb, 0, false);
        }
    }

    private boolean handleMethods(int verb) {
        if (erroring || methods == null || fmt.sharpV) {
            return false;
        }
        if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') {
            return false;
        }
        String s;
        try {
            s = methods.errorMethod(arg);
            if (s == null) {
                s = methods.stringMethod(arg);
            }
        } catch (GoFmt.MethodPanicked p) {
            catchPanic(p, verb);
            return true;
        }
        if (s == null) {
            return false;
        }
        fmtString(bytesOf(s), verb);
        return true;
    }

    /** fmt's {@code catchPanic}: what prints in place of a method that panicked. */
    private void catchPanic(GoFmt.MethodPanicked p, int verb) {
        if (arg.type() instanceof RType.Ptr && arg.value() == null) {
            add("<nil>"); // written as is, without padding
            return;
        }
        add("%!");
        Utf8.encode(buf, verb);
        add("(PANIC=" + p.method() + " method: " + p.panicMessage() + ")");
    }

    private void printBasic(RType.Kind k, Object v, int verb) {
        if (k == RType.Kind.BOOL) {
            if (verb == 't' || verb == 'v') {
                fmt.fmtBoolean((Boolean) v);
            } else {
                badVerb(verb);
            }
        } else if (k.isInteger()) {
            fmtInteger(((Number) v).longValue(), !k.isUnsigned(), verb);
        } else if (k.isFloat()) {
            fmtFloat(((Number) v).doubleValue(), k == RType.Kind.FLOAT32 ? 32 : 64, verb);
        } else {
            fmtString(bytesOf(v), verb);
        }
    }

    @Override
    void printValue(RType t, Object v, int verb, int depth, boolean ro) {
        if (depth > 0 && !ro && !(t instanceof RType.IfaceT)) {
            arg = new Iface(t, v);
            if (handleMethods(verb)) {
                return;
            }
        }
        arg = null;
        valType = t;
        val = v;
        if (t instanceof RType.Basic b) {
            if (b.kind() == RType.Kind.UNSAFE_POINTER) {
                fmtPointer(t, v, verb);
            } else {
                printBasic(b.kind(), v, verb);
            }
        } else if (t instanceof RType.IfaceT) {
            Iface e = iface(v);
            if (e != null) {
                printValue(e.type(), e.value(), verb, depth + 1, ro);
            } else if (fmt.sharpV) {
                add(TypeNames.of(t));
                add("(nil)");
            } else {
                add("<nil>");
            }
        } else if (t instanceof RType.MapT m) {
            printMap(m, (Values.MapV) v, verb, depth, ro);
        } else if (t instanceof RType.StructT s) {
            printStruct(s, (Values.StructV) v, verb, depth, ro);
        } else if (t instanceof RType.SliceT || t instanceof RType.ArrayT) {
            printList(t, v, verb, depth, ro);
        } else if (t instanceof RType.Ptr p && depth == 0 && v != null
                && (p.elem() instanceof RType.StructT || p.elem() instanceof RType.MapT
                    || p.elem() instanceof RType.SliceT || p.elem() instanceof RType.ArrayT)) {
            buf.add('&');
            printValue(p.elem(), ((Values.Ref) v).get(), verb, depth + 1, ro);
        } else {
            fmtPointer(t, v, verb);
        }
    }

    private void printMap(RType.MapT t, Values.MapV m, int verb, int depth, boolean ro) {
        if (fmt.sharpV) {
            add(TypeNames.of(t));
            if (m == null) {
                add("(nil)");
                return;
            }
            buf.add('{');
        } else {
            add("map[");
        }
        if (m != null) {
            boolean first = true;
            for (Map.Entry<Object, Object> e : MapOrder.sorted(m, t.key())) {
                if (!first) {
                    add(fmt.sharpV ? ", " : " ");
                }
                first = false;
                printValue(t.key(), e.getKey(), verb, depth + 1, ro);
                buf.add(':');
                printValue(t.elem(), e.getValue(), verb, depth + 1, ro);
            }
        }
        buf.add(fmt.sharpV ? '}' : ']');
    }

    private void printStruct(RType.StructT t, Values.StructV s, int verb, int depth, boolean ro) {
        if (fmt.sharpV) {
            add(TypeNames.of(t));
        }
        buf.add('{');
        for (int i = 0; i < t.fields().size(); i++) {
            RType.Field f = t.fields().get(i);
            if (i > 0) {
                add(fmt.sharpV ? ", " : " ");
            }
            if ((fmt.plusV || fmt.sharpV) && f.name() != null && !f.name().isEmpty()) {
                add(f.name());
                buf.add(':');
            }
            printValue(f.type(), s.fields()[i], verb, depth + 1, ro || !f.exported());
        }
        buf.add('}');
    }

    private void printList(RType t, Object v, int verb, int depth, boolean ro) {
        RType elem = t instanceof RType.SliceT s ? s.elem() : ((RType.ArrayT) t).elem();
        if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')
                && elem instanceof RType.Basic b && b.kind() == RType.Kind.UINT8) {
            fmtBytes(t, v, verb, TypeNames.of(t));
            return;
        }
        Object[] es = elems(v);
        if (fmt.sharpV) {
            add(TypeNames.of(t));
            if (t instanceof RType.SliceT && v == null) {
                add("(nil)");
                return;
            }
            buf.add('{');
        } else {
            buf.add('[');
        }
        for (int i = 0; i < es.length; i++) {
            if (i > 0) {
                add(fmt.sharpV ? ", " : " ");
            }
            printValue(elem, es[i], verb, depth + 1, ro);
        }
        buf.add(fmt.sharpV ? '}' : ']');
    }

    @Override
    void badVerb(int verb) {
        erroring = true;
        add("%!");
        Utf8.encode(buf, verb);
        buf.add('(');
        if (arg != null) {
            add(TypeNames.of(arg.type()));
            buf.add('=');
            printArg(arg, 'v');
        } else if (valType != null) {
            add(TypeNames.of(valType));
            buf.add('=');
            printValue(valType, val, 'v', 0, false);
        } else {
            add("<nil>");
        }
        buf.add(')');
        erroring = false;
    }
}
