package dev.goroscope.engine.lang.interp;

import static dev.goroscope.engine.lang.interp.FmtFixtures.*;

import java.util.Map;

/** The integer, float, bool, string and byte-slice cases of golden.go, in Java. */
final class FmtScalarCases {
    private FmtScalarCases() {}

    static Values.Iface r(int c) {
        return of(INT32, (long) c);
    }

    static void add(Map<String, GoString> c) {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        c.put("int.v", f("%v", i(42)));
        c.put("int.d.neg", f("%d", i(-42)));
        c.put("int.d.w", f("[%5d]", i(42)));
        c.put("int.d.wl", f("[%-5d]", i(42)));
        c.put("int.d.z", f("[%05d]", i(-42)));
        c.put("int.d.plus", f("%+d %+d", i(5), i(-5)));
        c.put("int.d.space", f("[% d] [% d]", i(5), i(-5)));
        c.put("int.d.prec", f("[%.3d] [%6.3d] [%06.3d]", i(7), i(7), i(-7)));
        c.put("int.d.prec0", f("[%.0d] [%3.0d]", i(0), i(0)));
        c.put("int.d.zminus", f("[%-05d]", i(3)));
        c.put("int8.min", f("%d %v", of(INT8, -128L), of(INT8, 127L)));
        c.put("int16", f("%d", of(INT16, -32768L)));
        c.put("int32", f("%v", of(INT32, -2147483648L)));
        c.put("int64.min", f("%d", of(INT64, Long.MIN_VALUE)));
        c.put("int64.max", f("%v", of(INT64, Long.MAX_VALUE)));
        c.put("uint8", f("%v %d", of(UINT8, 255L), of(UINT8, 7L)));
        c.put("uint16", f("%v", of(UINT16, 65535L)));
        c.put("uint32", f("%v", of(UINT32, 4294967295L)));
        c.put("uint64.max", f("%v", of(UINT64, -1L)));
        c.put("uint64.maxd", f("%d", of(UINT64, -1L)));
        c.put("uint.max", f("%v", of(UINT, -1L)));
        c.put("uintptr", f("%v", of(UINTPTR, 4096L)));
        c.put("int.x", f("%x %X %#x %#X", i(255), i(255), i(255), i(255)));
        c.put("int.x.neg", f("%x %#x", i(-255), i(-255)));
        c.put("uint64.x", f("%x", of(UINT64, -1L)));
        c.put("int.o", f("%o %#o %O", i(8), i(8), i(8)));
        c.put("int.b", f("%b %#b %b", i(5), i(5), i(-5)));
        c.put("int.c", f("%c%c%c", r('G'), r('ö'), i(0x1F600)));
        c.put("int.c.bad", f("%c", i(0x110000)));
        c.put("int.q", f("%q %q %q %+q", r('x'), r('\n'), r('\''), r('é')));
        c.put("int.U", f("%U %#U %U", r('A'), r('é'), i(0x1F600)));
        c.put("int.x.w", f("[%08x] [%-8x] [%8X]", i(0xbeef), i(0xbeef), i(0xbeef)));
        c.put("int.star", f("[%*d] [%-*d] [%.*d]", i(5), i(1), i(5), i(2), i(3), i(4)));
        c.put("int.star.neg", f("[%*d]", i(-4), i(9)));
        c.put("rune.v", f("%v", r('A')));
        c.put("int.t", f("%t", i(1)));
        c.put("int.s", f("%s", i(5)));
        c.put("int.f", f("%f", i(3)));
        c.put("uint8.bad", f("%s", of(UINT8, 200L)));
        double[] vs = {3.14, 1e6, 1e-7, 100000.0, 0.1, 1.0, 123456789.0, 0.000123, 0.0000123, 1e21, 1e20,
            2.5e-300, Double.MAX_VALUE, Double.MIN_VALUE, 1.0 / 3, 2.0 / 3, 0.3 /* Go folds 0.1+0.2 exactly */, 5e-324 * 3,
            1.7976931348623157e308 / 3, 9007199254740993.0, 123456.789, -2.5, 1e23, 5e-5};
        for (int k = 0; k < vs.length; k++) {
            c.put("f.v" + (k + 1), f("%v", d(vs[k])));
        }
        c.put("f.negzero", f("%v %f %e", d(-0.0), d(-0.0), d(-0.0)));
        c.put("f.zero", f("%v %f %e %g", d(0), d(0), d(0), d(0)));
        c.put("f.inf", f("%v %v %f %+v", d(inf), d(-inf), d(inf), d(inf)));
        c.put("f.nan", f("%v %f %+v % v", d(nan), d(nan), d(nan), d(nan)));
        c.put("f.inf.pad", f("[%08v] [%-8v] [%08.2f]", d(-inf), d(nan), d(inf)));
        c.put("f.2f", f("%.2f %.2f %.2f", d(3.14159), d(2.675), d(-1.005)));
        c.put("f.f", f("%f %f %f", d(1.0), d(1e10), d(1e-10)));
        c.put("f.0f", f("%.0f %.0f %.0f %.0f", d(0.5), d(1.5), d(2.5), d(3.5)));
        c.put("f.halfeven", f("%.2f %.1f %.3f", d(0.125), d(0.25), d(1.0005)));
        c.put("f.f.w", f("[%8.3f] [%-8.3f] [%08.3f] [%+08.3f] [% .2f]",
                d(3.14159), d(3.14159), d(-3.14159), d(3.14159), d(2.0)));
        c.put("f.F", f("%F %.1F", d(2.5), d(2.25)));
        c.put("f.e", f("%e %E %.2e %.0e", d(123456.789), d(0.000123), d(1e100), d(5e5)));
        c.put("f.e.big", f("%e %e", d(1e-300), d(Double.MAX_VALUE)));
        c.put("f.g", f("%g %g %g %G", d(1e6), d(1e-5), d(123.456), d(1e-10)));
        c.put("f.g.prec", f("%.3g %.3g %.3g %.3g %.10g", d(3.14159), d(1234.5), d(0.00012345), d(100.0), d(1.0 / 3)));
        c.put("f.g.prec2", f("%.2g %.1g %.0g %.5g", d(100.0), d(0.15), d(2.5), d(1e5)));
        c.put("f.big.f", f("%.20f", d(0.1)));
        c.put("f.huge.f", f("%f", d(1e22)));
        c.put("f.sharp", f("%#g %#.3g %#f %#.0f %#e %#.0e %#v", d(1), d(2), d(3), d(4), d(5), d(6), d(7)));
        c.put("f.plus", f("%+.2f %+e %+g % g", d(1), d(2), d(3), d(4)));
        c.put("f.sharpv", f("%#v %#v %#v %#v", d(1.0), d(2.5), d(1e6), d(1e21)));
        c.put("f32.v", f("%v %v %v", f32(0.1f), f32(3.14f), f32(1f / 3)));
        c.put("f32.v2", f("%v %v", f32(16777217f), f32(1e-45f)));
        c.put("f32.v3", f("%v %v", f32(Float.MAX_VALUE), f32(1e10f)));
        c.put("f32.f", f("%f %.10f %e", f32(0.1f), f32(0.1f), f32(2.5f)));
        c.put("f32.g", f("%g %.3g", f32(1e-7f), f32(123.456f)));
        c.put("f.vprec", f("%.2v|%6.3v|%.1v", d(3.14159), d(2.0 / 3), d(1e6)));
        c.put("f.w.v", f("[%8v] [%-8v] [%08v] [%+v]", d(1.5), d(1e-9), d(-2.5), d(0.0)));
        c.put("f.d", f("%d", d(3.5)));
        c.put("f.s", f("%s", d(2.5)));
        c.put("f.q", f("%q", d(2.5)));
        c.put("f.x", f("%x %X %x %x %x", d(1.0), d(3.0), d(-0.1), d(0.0), d(1e-310)));
        c.put("f.x.prec", f("%.2x %.0x %.0x %#x %#.3X %10.1x %#X", d(3.14159), d(1.5), d(1.9375), d(1.0), d(2.5),
                d(255.0), d(1.0)));
        c.put("f.x.big", f("%x %X", d(Double.MAX_VALUE), d(Double.MIN_VALUE)));
        c.put("f.b", f("%b %b %b %b", d(1.0), d(0.0), d(5e-324), d(-8.5)));
        c.put("f32.x", f("%x %b %.1x", f32(0.1f), f32(1f), f32(1.75f)));
        c.put("int.misc", f("%+d|% x|%x|%5c|%-4c|", of(UINT, 7L), i(255), of(INT8, -1L), r('a'), r('b')));
        RType runes = sliceOf(INT32);
        c.put("int.runes", f("%c %q %v", of(runes, slice((long) 'a', (long) 'b')), of(runes, slice((long) 'c')),
                of(runes, slice((long) 'h', (long) 'é'))));
        c.put("int.sharpv", f("%#v %#v %#v %#v", i(5), of(UINT, 5L), of(INT8, -3L), of(UINTPTR, 10L)));
        c.put("bool", f("%v %t %v", b(true), b(false), b(false)));
        c.put("bool.w", f("[%6t] [%-6v]", b(true), b(false)));
        c.put("bool.d", f("%d", b(true)));
        strings(c);
    }

    private static void strings(Map<String, GoString> c) {
        c.put("s.v", f("%v|%s", s("hello"), s("wörld")));
        c.put("s.w", f("[%8s] [%-8s] [%.2s] [%5.1s]", s("abc"), s("abc"), s("abcdef"), s("xyz")));
        c.put("s.w.uni", f("[%6s] [%.3s]", s("héllo"), s("日本語です")));
        c.put("s.z", f("[%05s]", s("ab")));
        c.put("s.q", f("%q", s("hi \"there\"\n\t\\")));
        c.put("s.q.ctl", f("%q", s("a\u0000b\u0007c\u001bd\u007f")));
        c.put("s.q.uni", f("%q", s("héllo 日本 😀")));
        c.put("s.q.bad", f("%q", of(STRING, raw("bad\u00ffbyte\u00c3"))));
        c.put("s.q.nonprint", f("%q", s("a\u00adb\u200bc\u2028\ufeff")));
        c.put("s.q.plus", f("%+q", s("héllo 😀\u0001")));
        c.put("s.q.sharp", f("%#q %#q %#q", s("abc"), s("a`b"), s("x\ny")));
        c.put("s.q.w", f("[%10q]", s("ab")));
        c.put("s.x", f("%x %X % x %#x %# X", s("hi!"), s("hi!"), s("hi!"), s("hi!"), s("hi!")));
        c.put("s.x.uni", f("%x", s("é😀")));
        c.put("s.x.prec", f("[%.2x] [%8x] [%-8x] [%x]", s("abcd"), s("ab"), s("ab"), s("")));
        c.put("s.d", f("%d", s("hi")));
        c.put("s.t", f("%t", s("x")));
        c.put("s.bad.raw", f("%s|%v", of(STRING, raw("a\u00ffb")), of(STRING, raw("\u00c3"))));
        c.put("s.empty", f("[%s] [%q] [%5s]", s(""), s(""), s("")));
        Values.Iface ms = of(MYSTR, GoString.of("ms"));
        c.put("s.named", f("%v %q %T", ms, ms, ms));
        c.put("bs.v", f("%v", of(BYTES, bytes("hi"))));
        c.put("bs.s", f("%s", of(BYTES, bytes("hello"))));
        c.put("bs.x", f("%x % X", of(BYTES, ints(1, 0xab, 0xff)), of(BYTES, ints(1, 0xab, 0xff))));
        c.put("bs.q", f("%q", of(BYTES, bytes("a\nb"))));
        c.put("bs.d", f("%d", of(BYTES, ints(1, 2))));
        c.put("bs.nil", f("%v %s|", of(BYTES, null), of(BYTES, null)));
        Values.Iface nb = of(MYBYTES, bytes("ab"));
        c.put("bs.named", f("%v %s %x", nb, nb, nb));
        c.put("bs.arr", f("%s %x %v", of(new RType.ArrayT(3, UINT8, null), arr(97L, 98L, 99L)),
                of(new RType.ArrayT(2, UINT8, null), arr(1L, 2L)), of(new RType.ArrayT(2, UINT8, null), arr(1L, 2L))));
        c.put("bs.w", f("[%5v]", of(BYTES, ints(1, 2))));
        c.put("bs.sharpv", f("%#v", of(BYTES, ints(1, 2))));
    }
}
