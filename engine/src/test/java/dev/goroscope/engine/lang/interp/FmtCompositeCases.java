package dev.goroscope.engine.lang.interp;

import static dev.goroscope.engine.lang.interp.FmtFixtures.*;

import dev.goroscope.engine.lang.interp.RType.ArrayT;
import dev.goroscope.engine.lang.interp.RType.StructT;
import dev.goroscope.engine.lang.interp.Values.Iface;
import java.util.Map;

/** The slice, array, struct, pointer and map cases of golden.go, in Java. */
final class FmtCompositeCases {
    private FmtCompositeCases() {}

    static Iface sl(RType elem, Object... es) {
        return of(sliceOf(elem), slice(es));
    }

    static GoString gs(String s) {
        return GoString.of(s);
    }

    static Iface pt(long x, long y) {
        return of(POINT, sv(POINT, x, y));
    }

    static void add(Map<String, GoString> c) {
        RType ints = sliceOf(INT);
        RType strs = sliceOf(STRING);
        c.put("sl.int", f("%v", of(ints, ints(1, 2, 3))));
        c.put("sl.empty", f("%v %d", of(ints, ints()), of(ints, null)));
        c.put("sl.str", f("%v %q %s", sl(STRING, gs("a"), gs("b c")), sl(STRING, gs("a"), gs("b")), sl(STRING, gs("x"))));
        c.put("sl.f", f("%v %.1f", sl(F64, 1.5, 2.0, 1e6), sl(F64, 1.25, 2.0)));
        c.put("sl.x", f("%x %02d", of(ints, ints(10, 255)), of(ints, ints(1, 2))));
        c.put("sl.nested", f("%v", sl(ints, ints(1, 2), ints(3), null)));
        c.put("arr", f("%v %v", of(new ArrayT(3, INT, null), arr(1L, 2L, 3L)), of(new ArrayT(0, INT, null), arr())));
        c.put("arr.str", f("%v", of(new ArrayT(2, STRING, null), arr(gs("a"), gs("")))));
        c.put("sl.w", f("[%3v]", of(ints, ints(1, 22))));
        c.put("sl.any", f("%v", sl(ANY, i(1), s("a"), null, d(2.5), b(true))));
        c.put("sl.bool", f("%t", sl(BOOL, true, false)));
        c.put("sl.bad", f("%t", of(ints, ints(1))));
        c.put("sl.sharpv", f("%#v %#v %#v", of(ints, ints(1, 2)), sl(STRING, gs("a")), of(ints, null)));
        structs(c, strs);
        pointers(c);
        maps(c, ints);
    }

    private static void structs(Map<String, GoString> c, RType strs) {
        c.put("st.v", f("%v", pt(1, 2)));
        c.put("st.plusv", f("%+v", pt(1, 2)));
        c.put("st.sharpv", f("%#v", pt(1, 2)));
        Iface outer = of(OUTER, sv(OUTER, sv(INNER, 1L, gs("b")), sv(POINT, 3L, 4L), 1_500_000_000L, 2_000_000_000L));
        Iface zero = of(OUTER, sv(OUTER, sv(INNER, 0L, gs("")), sv(POINT, 0L, 0L), 0L, 0L));
        c.put("st.nested", f("%v %+v", outer, zero));
        Iface e = of(EMBED, sv(EMBED, sv(POINT, 1L, 2L), gs("e")));
        c.put("st.embed", f("%v %+v", e, e));
        StructT ab = struct(null, field("A", INT), field("B", STRING));
        StructT empty = struct(null);
        c.put("st.anon", f("%v %+v", of(ab, sv(ab, 1L, gs("x"))), of(empty, sv(empty))));
        c.put("st.iface", f("%v %+v", of(HOLDER, sv(HOLDER, i(1), null)),
                of(HOLDER, sv(HOLDER, null, errorsNew("boom")))));
        c.put("st.d", f("%d", pt(1, 2)));
        StructT pp = struct(null, field("P", ptr(POINT)));
        c.put("st.ptrfield", f("%v %+v", of(NODE, sv(NODE, 1L, null)), of(pp, sv(pp, (Object) null))));
        StructT big = struct(null, field("A", sliceOf(POINT)), field("I", ANY), field("S", STRING),
                field("M", mapOf(STRING, BOOL)));
        c.put("st.sharpv.nested", f("%#v", of(big, sv(big, slice(sv(POINT, 1L, 2L)), null, gs("q"), map(gs("t"), true)))));
        StructT l = struct(null, field("L", strs));
        c.put("st.slices", f("%v %q", of(l, sv(l, slice(gs("a"), gs("b")))), of(l, sv(l, slice(gs("a"))))));
        c.put("st.x", f("%x", pt(10, 11)));
        c.put("st.s", f("%s", pt(1, 2)));
        c.put("st.w", f("[%4v]", pt(1, 2)));
        StructT fl = struct(null, field("A", F64), field("B", F64));
        c.put("st.f", f("%.1f", of(fl, sv(fl, 1.0, 2.25))));
        StructT cel = struct(null, field("T", CELSIUS), field("t", CELSIUS));
        c.put("st.celsius", f("%v", of(cel, sv(cel, 20.0, 30.0))));
    }

    private static void pointers(Map<String, GoString> c) {
        Iface pp = of(ptr(POINT), ref(sv(POINT, 1L, 2L)));
        c.put("p.struct", f("%v %+v", pp, pp));
        c.put("p.slice", f("%v", of(ptr(sliceOf(INT)), ref(ints(1, 2)))));
        c.put("p.arr", f("%v", of(ptr(new ArrayT(2, INT, null)), ref(arr(1L, 2L)))));
        c.put("p.map", f("%v", of(ptr(mapOf(STRING, INT)), ref(map(gs("a"), 1L)))));
        Values.Ref x = ref(5L);
        Iface px = of(ptr(INT), x);
        c.put("p.int@", f("%v", px));
        Iface n2 = of(ptr(NODE), ref(sv(NODE, 1L, ref(sv(NODE, 2L, null)))));
        c.put("p.nested@", f("%v", n2));
        c.put("p.inslice@", f("%v", sl(ptr(INT), x, null)));
        c.put("p.p@", f("%p", px));
        c.put("p.nil", f("%v %p %+v %d", of(ptr(INT), null), of(ptr(INT), null), of(ptr(POINT), null), of(ptr(INT), null)));
        c.put("p.nilnode", f("%v", of(ptr(NODE), ref(sv(NODE, 1L, null)))));
        c.put("p.pp@", f("%v", of(ptr(ptr(INT)), ref(x))));
        c.put("p.sharpv@", f("%#v", px));
        c.put("p.s@", f("%s", px));
        c.put("p.sl.p@", f("%p", of(sliceOf(INT), ints(1))));
        c.put("p.map.p@", f("%p", of(mapOf(INT, INT), map())));
        c.put("p.nilmap.p", f("%p", of(mapOf(INT, INT), null)));
        c.put("p.notptr", f("%p", i(5)));
    }

    private static void maps(Map<String, GoString> c, RType ints) {
        c.put("m.str", f("%v", of(mapOf(STRING, INT), map(gs("b"), 2L, gs("a"), 1L, gs("c"), 3L, gs("B"), 0L))));
        c.put("m.int", f("%v", of(mapOf(INT, STRING), map(10L, gs("x"), -5L, gs("y"), 3L, gs("z")))));
        c.put("m.uint", f("%v", of(mapOf(UINT64, BOOL), map(-1L, true, 1L, false))));
        c.put("m.bool", f("%v", of(mapOf(BOOL, INT), map(true, 1L, false, 0L))));
        c.put("m.float", f("%v", of(mapOf(F64, STRING),
                map(2.5, gs("a"), Double.NaN, gs("n"), Double.NEGATIVE_INFINITY, gs("i"), -1.0, gs("m")))));
        c.put("m.struct", f("%v", of(mapOf(POINT, INT),
                map(sv(POINT, 2L, 1L), 1L, sv(POINT, 1L, 9L), 2L, sv(POINT, 1L, 3L), 3L))));
        ArrayT a2 = new ArrayT(2, INT, null);
        c.put("m.arr", f("%v", of(mapOf(a2, INT), map(arr(2L, 1L), 1L, arr(1L, 9L), 2L))));
        c.put("m.iface", f("%v", of(mapOf(ANY, INT), map(s("b"), 1L, s("a"), 2L))));
        c.put("m.ifaceint", f("%v", of(mapOf(ANY, INT), map(i(3), 1L, i(1), 2L))));
        c.put("m.nil", f("%v %d", of(mapOf(STRING, INT), null), of(mapOf(STRING, INT), map())));
        c.put("m.plusv", f("%+v", of(mapOf(STRING, POINT), map(gs("p"), sv(POINT, 1L, 2L)))));
        c.put("m.nested", f("%v", of(mapOf(STRING, ints), map(gs("z"), ints(1), gs("a"), null))));
        c.put("m.x", f("%x", of(mapOf(STRING, INT), map(gs("a"), 255L))));
        c.put("m.sharpv", f("%#v %#v", of(mapOf(STRING, INT), map(gs("a"), 1L, gs("b"), 2L)),
                of(mapOf(STRING, INT), null)));
        c.put("m.stringer", f("%v", of(mapOf(CELSIUS, WEEKDAY), map(3.0, 1L, 1.0, 2L))));
        c.put("m.str.unicode", f("%v", of(mapOf(STRING, INT), map(gs("é"), 1L, gs("z"), 2L, gs(""), 3L))));
    }
}
