package dev.goroscope.engine.lang.interp;

import static dev.goroscope.engine.lang.interp.FmtFixtures.*;

import dev.goroscope.engine.lang.interp.RType.ArrayT;
import dev.goroscope.engine.lang.interp.RType.ChanT;
import dev.goroscope.engine.lang.interp.RType.Dir;
import dev.goroscope.engine.lang.interp.RType.FuncT;
import dev.goroscope.engine.lang.interp.RType.StructT;
import dev.goroscope.engine.lang.interp.Values.Iface;
import dev.goroscope.engine.runtime.TestChannels;
import java.util.List;
import java.util.Map;

/** The nil, method, Duration, %T, error and Print cases of golden.go, in Java. */
final class FmtMiscCases {
    private FmtMiscCases() {}

    static Iface cel(double v) {
        return of(CELSIUS, v);
    }

    static Iface myErr(long code) {
        return of(ptr(MYERR), ref(sv(MYERR, code)));
    }

    static Iface dur(long nanos) {
        return of(DURATION, nanos);
    }

    static void add(Map<String, GoString> c) {
        FuncT fn = new FuncT(List.of(), List.of(), false, null);
        ChanT chi = new ChanT(Dir.BOTH, INT, null);
        c.put("nil.iface", f("%v %d %s", null, null, null));
        c.put("nil.err", f("%v", (Iface) null));
        c.put("nil.slice", f("%v %s", of(sliceOf(INT), null), of(sliceOf(STRING), null)));
        c.put("nil.map", f("%v", of(mapOf(STRING, BOOL), null)));
        c.put("nil.func", f("%v", of(fn, null)));
        c.put("nil.chan", f("%v", of(chi, null)));
        c.put("nil.T", f("%T", (Iface) null));

        c.put("m.stringer.v", f("%v %s %d %q %x", cel(21.5), cel(21.5), cel(21.5), cel(1), cel(1)));
        c.put("m.stringer.w", f("[%10v] [%-10s]", cel(2), cel(2)));
        c.put("m.stringer.f", f("%.3f", cel(2)));
        c.put("m.stringer.ptr", f("%v", of(ptr(CELSIUS), ref(5.0))));
        c.put("m.ptrrecv", f("%v %v", of(PS, sv(PS, 1L)), of(ptr(PS), ref(sv(PS, 1L)))));
        c.put("m.err", f("%v %s", myErr(4), errorsNew("plain")));
        c.put("m.err.q", f("%q", myErr(5)));
        c.put("m.both", f("%v %d", of(BOTH, 1L), of(BOTH, 1L)));
        c.put("m.weekday", f("%v %d %v", of(WEEKDAY, 1L), of(WEEKDAY, 1L), of(sliceOf(WEEKDAY), ints(0, 2))));
        c.put("meth.nested", f("%v", of(sliceOf(CELSIUS), slice(1.0, 2.0))));
        c.put("m.holder", f("%v", of(HOLDER, sv(HOLDER, cel(3), myErr(7)))));
        c.put("meth.sharpv", f("%#v", cel(3)));
        c.put("m.print", sprint(cel(1), myErr(2)));
        c.put("m.extra", f("x", cel(1)));
        c.put("m.bad", f("%t", cel(1)));

        long ms = 1_000_000L;
        long sec = 1000 * ms;
        long[] ds = {0, 1, 999, 1500, 1000, 2 * ms, 1500 * ms, 90 * sec, 7200 * sec, -1500 * ms,
            3723 * sec + 4 * ms, 360000 * sec, Long.MIN_VALUE, Long.MAX_VALUE, 1234567, -1, 3660 * sec,
            59 * sec + 999999999};
        for (int k = 0; k < ds.length; k++) {
            c.put("dur." + k, GoString.of(GoFmt.formatDuration(ds[k])));
        }
        c.put("dur.v", f("%v %s %d", dur(1500 * ms), dur(60 * sec), dur(sec)));
        c.put("dur.slice", f("%v", of(sliceOf(DURATION), slice(sec, 2 * ms))));
        c.put("dur.T", f("%T", dur(sec)));

        c.put("T.basic", f("%T %T %T %T %T %T %T", i(1), s("s"), d(2.5), f32(1), b(true),
                of(INT32, 120L), of(UINT8, 1L)));
        c.put("T.comp", f("%T %T %T %T", of(sliceOf(INT), ints()), of(mapOf(STRING, INT), map()),
                of(new ArrayT(3, INT, null), arr(0L, 0L, 0L)), of(ptr(POINT), ref(sv(POINT, 0L, 0L)))));
        c.put("T.named", f("%T %T %T %T", of(POINT, sv(POINT, 0L, 0L)), cel(1),
                of(ptr(NODE), ref(sv(NODE, 0L, null))), of(MYSTR, GoString.EMPTY)));
        StructT ab = struct(null, field("A", INT), field("B", STRING));
        StructT empty = struct(null);
        c.put("T.struct", f("%T|%T", of(ab, sv(ab, 0L, GoString.EMPTY)), of(empty, sv(empty))));
        StructT emb = struct(null, new RType.Field("Point", POINT, true, true), field("x", INT));
        c.put("T.struct.embed", f("%T", of(emb, sv(emb, sv(POINT, 0L, 0L), 0L))));
        Iface f1 = of(new FuncT(List.of(INT), List.of(STRING), false, null), new Values.FuncV(null, null, 0x4a1000));
        Iface f2 = of(fn, new Values.FuncV(null, null, 0x4a1100));
        Iface f3 = of(new FuncT(List.of(INT, INT), List.of(INT, ERROR), false, null), new Values.FuncV(null, null, 1));
        Iface f4 = of(new FuncT(List.of(sliceOf(STRING)), List.of(), true, null), new Values.FuncV(null, null, 2));
        c.put("T.func", f("%T|%T|%T|%T", f1, f2, f3, f4));
        c.put("T.chan", f("%T %T %T %T", of(chi, chan()), of(new ChanT(Dir.RECV, INT, null), chan()),
                of(new ChanT(Dir.SEND, STRING, null), chan()),
                of(new ChanT(Dir.BOTH, new ChanT(Dir.RECV, INT, null), null), chan())));
        c.put("T.iface", f("%T %T %T", of(sliceOf(ANY), ints()), of(mapOf(STRING, ERROR), map()), errorsNew("x")));
        c.put("T.map.nested", f("%T", of(mapOf(STRING, sliceOf(ptr(POINT))), map())));
        c.put("T.time", f("%T %T", dur(sec), of(sliceOf(DURATION), ints())));
        c.put("T.w", f("[%8T] [%-8T]", i(1), i(1)));

        c.put("fn@", f("%v", f2));
        c.put("ch@", f("%v", of(chi, chan())));
        c.put("ch.p@", f("%p", of(chi, chan())));
        errors(c);
        print(c);
    }

    private static long chanAddr = 0xc000100000L;

    static Object chan() {
        return TestChannels.unbuffered(chanAddr += 0x60, "int");
    }

    private static void errors(Map<String, GoString> c) {
        c.put("err.extra", f("%d", i(1), i(2), s("x")));
        c.put("err.extra.nil", f("x", (Iface) null));
        c.put("err.missing", f("%d %s", i(1)));
        c.put("err.noverb", f("abc%"));
        c.put("err.noverb2", f("%-5"));
        c.put("err.badverb", f("%z", i(1)));
        c.put("err.badverb.str", f("%!", s("x")));
        c.put("err.pct", f("100%% %5%|", i(1)));
        c.put("err.index", f("%[2]d %[1]d", i(1), i(2)));
        c.put("err.index.bad", f("%[3]d", i(1)));
        c.put("err.index.reuse", f("%d %d %[1]d %d", i(1), i(2)));
        c.put("err.index.star", f("%[2]*[1]d|", i(3), i(5)));
        c.put("err.badwidth", f("%*d", s("x"), i(1)));
        c.put("err.badprec", f("%.*d", s("x"), i(1)));
        c.put("err.bigwidth", f("%*d", i(10000000), i(1)));
        c.put("err.uniVerb", f("%ä", i(1)));
        c.put("err.prec.noverb", f("%.", i(1)));
        c.put("err.w.bad", f("%5t", i(3)));
    }

    private static void print(Map<String, GoString> c) {
        c.put("print.nums", sprint(i(1), i(2), i(3)));
        c.put("print.strs", sprint(s("a"), s("b"), i(1), i(2), s("c"), d(3.5), s("d")));
        c.put("print.mixed", sprint(i(1), s("a"), i(2)));
        c.put("print.nil", sprint(null, null, s("x"), null));
        c.put("print.named", sprint(of(MYSTR, GoString.of("a")), i(1), of(MYSTR, GoString.of("b"))));
        c.put("print.empty", sprint());
        c.put("println", sprintln(s("a"), i(1), s("b"), d(2.5), b(true), null));
        c.put("println.empty", sprintln());
        c.put("println.mixed", sprintln(of(sliceOf(INT), ints(1)), of(mapOf(STRING, INT), map(GoString.of("a"), 1L)),
                of(POINT, sv(POINT, 1L, 2L)), of(ptr(POINT), ref(sv(POINT, 3L, 4L)))));
        c.put("print.f32", sprint(f32(0.1f), d(0.1)));
        c.put("print.bytes", sprint(of(BYTES, bytes("ab")), s("c")));
        c.put("println.err", sprintln(errorsNew("e1"), myErr(3), null));
        c.put("print.dur", sprint(dur(1_000_000_000L), dur(120_000_000_000L)));
    }
}
