package dev.goroscope.engine.lang.interp;

import static dev.goroscope.engine.lang.interp.FmtFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.runtime.TestChannels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the golden file cannot pin down: exact addresses, exact bytes, the public helpers. */
class GoFmtTest {
    private static Values.Ref at(long addr, Object v) {
        return new Values.Ref() {
            @Override
            public Object get() {
                return v;
            }

            @Override
            public void set(Object x) {}

            @Override
            public long addr() {
                return addr;
            }
        };
    }

    private static String fmt(String format, Values.Iface... args) {
        return f(format, args).toString();
    }

    @Test
    void pointersPrintTheirAddressInHex() {
        Values.Iface p = of(ptr(INT), at(0xc000012345L, 5L));
        assertThat(fmt("%p %v %#p %#v %d", p, p, p, p, p))
                .isEqualTo("0xc000012345 0xc000012345 c000012345 (*int)(0xc000012345) 824633795397");
        assertThat(fmt("%v", of(sliceOf(ptr(INT)), slice(at(0xc0000a0010L, 1L), null))))
                .isEqualTo("[0xc0000a0010 <nil>]");
        assertThat(fmt("%+v", of(ptr(NODE), at(0xc000010000L, sv(NODE, 1L, at(0xc000010020L, null))))))
                .isEqualTo("&{Val:1 Next:0xc000010020}");
    }

    @Test
    void channelsFuncsAndSlicesPrintAddresses() {
        RType.ChanT ch = new RType.ChanT(RType.Dir.BOTH, INT, null);
        assertThat(fmt("%v %p", of(ch, TestChannels.unbuffered(0xc00001e0c0L, "int")),
                of(ch, TestChannels.unbuffered(0xc00001e180L, "int"))))
                .isEqualTo("0xc00001e0c0 0xc00001e180");
        RType.FuncT fn = new RType.FuncT(List.of(), List.of(), false, null);
        assertThat(fmt("%v", of(fn, new Values.FuncV(null, null, 0x47e0a0)))).isEqualTo("0x47e0a0");
        Values.Backing arr = new Values.Backing(new Object[] {1L, 2L, 3L}, 0xc000100000L);
        assertThat(fmt("%p %p", of(sliceOf(INT), new Values.SliceV(arr, 0, 3, 3)),
                of(sliceOf(INT32), new Values.SliceV(arr, 2, 1, 1))))
                .isEqualTo("0xc000100000 0xc000100008");
    }

    @Test
    void resultsAreExactBytes() {
        GoString bad = raw("a\u00ffb");
        GoString out = GoFmt.sprintBytes(List.of(of(STRING, bad)), GoFmt.Methods.NONE);
        assertThat(out).isEqualTo(bad);
        assertThat(GoFmt.sprintfBytes(GoString.of("%c|%s"), List.of(i(0xff), of(STRING, raw("\u00c3"))),
                GoFmt.Methods.NONE).bytes()).containsExactly(0xc3, 0xbf, '|', 0xc3);
    }

    @Test
    void withoutMethodsNamedValuesPrintByStructure() {
        assertThat(GoFmt.sprint(List.of(of(DURATION, 1_500_000_000L)), GoFmt.Methods.NONE)).isEqualTo("1500000000");
        assertThat(GoFmt.sprint(List.of(of(DURATION, 1_500_000_000L)), METHODS)).isEqualTo("1.5s");
        assertThat(GoFmt.sprintln(List.of(s("a"), i(1)), GoFmt.Methods.NONE)).isEqualTo("a 1\n");
    }

    @Test
    void typeNamesSpellOutUnnamedTypes() {
        RType t = mapOf(STRING, sliceOf(new RType.FuncT(List.of(INT, sliceOf(ANY)), List.of(ERROR), true, null)));
        assertThat(TypeNames.of(t)).isEqualTo("map[string][]func(int, ...interface {}) error");
        assertThat(TypeNames.of(new RType.IfaceT(List.of("String() string"), null)))
                .isEqualTo("interface { String() string }");
    }
}
