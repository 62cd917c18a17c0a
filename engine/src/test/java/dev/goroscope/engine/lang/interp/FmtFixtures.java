package dev.goroscope.engine.lang.interp;

import dev.goroscope.engine.lang.interp.RType.Basic;
import dev.goroscope.engine.lang.interp.RType.Field;
import dev.goroscope.engine.lang.interp.RType.Kind;
import dev.goroscope.engine.lang.interp.RType.StructT;
import dev.goroscope.engine.lang.interp.Values.Iface;
import java.util.Arrays;
import java.util.List;

/**
 * Builders for the values of golden.go, made with the interpreter's value model, and a
 * {@link GoFmt.Methods} that plays the methods golden.go declares.
 */
final class FmtFixtures {
    private FmtFixtures() {}

    static final Basic INT = new Basic(Kind.INT, null);
    static final Basic INT8 = new Basic(Kind.INT8, null);
    static final Basic INT16 = new Basic(Kind.INT16, null);
    static final Basic INT32 = new Basic(Kind.INT32, null);
    static final Basic INT64 = new Basic(Kind.INT64, null);
    static final Basic UINT = new Basic(Kind.UINT, null);
    static final Basic UINT8 = new Basic(Kind.UINT8, null);
    static final Basic UINT16 = new Basic(Kind.UINT16, null);
    static final Basic UINT32 = new Basic(Kind.UINT32, null);
    static final Basic UINT64 = new Basic(Kind.UINT64, null);
    static final Basic UINTPTR = new Basic(Kind.UINTPTR, null);
    static final Basic F32 = new Basic(Kind.FLOAT32, null);
    static final Basic F64 = new Basic(Kind.FLOAT64, null);
    static final Basic BOOL = new Basic(Kind.BOOL, null);
    static final Basic STRING = new Basic(Kind.STRING, null);
    static final RType.IfaceT ANY = new RType.IfaceT(List.of(), null);
    static final RType.IfaceT ERROR = new RType.IfaceT(List.of("Error() string"), "error");
    static final RType.SliceT BYTES = new RType.SliceT(UINT8, null);

    static final Basic CELSIUS = new Basic(Kind.FLOAT64, "main.Celsius");
    static final Basic DURATION = new Basic(Kind.INT64, "time.Duration");
    static final Basic BOTH = new Basic(Kind.INT, "main.Both");
    static final Basic WEEKDAY = new Basic(Kind.INT, "main.Weekday");
    static final Basic MYSTR = new Basic(Kind.STRING, "main.MyStr");
    static final RType.SliceT MYBYTES = new RType.SliceT(UINT8, "main.Bytes");
    static final StructT POINT = struct("main.Point", field("X", INT), field("Y", INT));
    /** Records cannot be cyclic: the Next field points at a field-less stand-in with the same name. */
    static final StructT NODE = struct("main.Node", field("Val", INT),
            field("Next", ptr(struct("main.Node"))));
    static final StructT MYERR = struct("main.MyErr", field("Code", INT));
    static final StructT PS = struct("main.PS", field("N", INT));
    static final StructT INNER = struct("main.inner", field("a", INT), field("B", STRING));
    static final StructT OUTER = struct("main.Outer", field("In", INNER), field("P", POINT),
            field("D", DURATION), field("d", DURATION));
    static final StructT EMBED = struct("main.Embed", new Field("Point", POINT, true, true), field("Name", STRING));
    static final StructT HOLDER = struct("main.Holder", field("V", ANY), field("E", ERROR));
    static final StructT ERRSTR = struct("errors.errorString", field("s", STRING));

    private static long nextAddr = 0xc000010000L;

    static Field field(String name, RType t) {
        return new Field(name, t, false, Character.isUpperCase(name.charAt(0)));
    }

    static StructT struct(String name, Field... fs) {
        return new StructT(List.of(fs), name);
    }

    static RType.Ptr ptr(RType t) {
        return new RType.Ptr(t, null);
    }

    static RType.SliceT sliceOf(RType t) {
        return new RType.SliceT(t, null);
    }

    static RType.MapT mapOf(RType k, RType v) {
        return new RType.MapT(k, v, null);
    }

    static Iface of(RType t, Object v) {
        return new Iface(t, v);
    }

    static Iface i(long v) {
        return of(INT, v);
    }

    static Iface s(String v) {
        return of(STRING, GoString.of(v));
    }

    /** A string given as raw bytes (for invalid UTF-8); chars are bytes. */
    static GoString raw(String latin1) {
        return GoString.wrap(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static Iface d(double v) {
        return of(F64, v);
    }

    static Iface f32(float v) {
        return of(F32, (double) v);
    }

    static Iface b(boolean v) {
        return of(BOOL, v);
    }

    static Values.StructV sv(StructT t, Object... fields) {
        return new Values.StructV(t, fields);
    }

    static Values.SliceV slice(Object... elems) {
        return new Values.SliceV(new Values.Backing(elems, nextAddr += 0x40), 0, elems.length, elems.length);
    }

    static Values.SliceV ints(long... vs) {
        return slice(Arrays.stream(vs).boxed().toArray());
    }

    static Values.SliceV bytes(String s) {
        byte[] bs = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Object[] es = new Object[bs.length];
        for (int k = 0; k < bs.length; k++) {
            es[k] = (long) (bs[k] & 0xff);
        }
        return slice(es);
    }

    static Values.ArrayV arr(Object... elems) {
        return new Values.ArrayV(elems);
    }

    static Values.MapV map(Object... kv) {
        Values.MapV m = new Values.MapV(nextAddr += 0x40);
        for (int k = 0; k < kv.length; k += 2) {
            m.entries.put(kv[k], kv[k + 1]);
        }
        return m;
    }

    static Values.Ref ref(Object v) {
        long addr = nextAddr += 0x40;
        Object[] cell = {v};
        return new Values.Ref() {
            @Override
            public Object get() {
                return cell[0];
            }

            @Override
            public void set(Object x) {
                cell[0] = x;
            }

            @Override
            public long addr() {
                return addr;
            }
        };
    }

    static Iface errorsNew(String msg) {
        return of(ptr(ERRSTR), ref(sv(ERRSTR, GoString.of(msg))));
    }

    static GoString f(String format, Iface... args) {
        return GoFmt.sprintfBytes(GoString.of(format), Arrays.asList(args), METHODS);
    }

    static GoString sprint(Iface... args) {
        return GoFmt.sprintBytes(Arrays.asList(args), METHODS);
    }

    static GoString sprintln(Iface... args) {
        return GoFmt.sprintlnBytes(Arrays.asList(args), METHODS);
    }

    /** The methods golden.go declares, keyed by receiver type. */
    static final GoFmt.Methods METHODS = new GoFmt.Methods() {
        @Override
        public String stringMethod(Iface v) {
            RType t = v.type();
            Object x = v.value();
            if (t instanceof RType.Ptr p) {
                if (p.elem() == PS) {
                    return "PS!";
                }
                t = p.elem();
                x = x == null ? null : ((Values.Ref) x).get();
            }
            if (t == CELSIUS) {
                return GoFmt.sprintf("%.1f°C", List.of(d((Double) x)), this);
            } else if (t == DURATION) {
                return GoFmt.formatDuration((Long) x);
            } else if (t == WEEKDAY) {
                return List.of("Sun", "Mon", "Tue").get((int) (long) (Long) x);
            } else if (t == BOTH) {
                return "S";
            }
            return null;
        }

        @Override
        public String errorMethod(Iface v) {
            if (v.type() == BOTH) {
                return "E";
            }
            if (v.type() instanceof RType.Ptr p && v.value() instanceof Values.Ref r) {
                if (p.elem() == MYERR) {
                    return "error " + ((Values.StructV) r.get()).fields()[0];
                } else if (p.elem() == ERRSTR) {
                    return ((Values.StructV) r.get()).fields()[0].toString();
                }
            }
            return null;
        }
    };
}
