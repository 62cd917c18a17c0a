package dev.goroscope.engine.lang.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.lang.Parser;
import dev.goroscope.engine.lang.check.Checker;
import dev.goroscope.engine.lang.check.GoVersion;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.check.Stdlib;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Layout, identity, spelling and method sets of types, on types declared by real programs. */
class TypesTest {

    private static Map<String, Type> types(String decls) {
        Info info = Checker.check(Parser.parse("prog.go", "package main\n" + decls + "\nfunc main() {}\n"),
                GoVersion.V1_23);
        return info.packageScope().names().values().stream().filter(o -> o instanceof TypeName)
                .collect(Collectors.toMap(Obj::name, Obj::type));
    }

    @Test
    void sizesFollowAmd64Layout() {
        Map<String, Type> t = types("type A struct { a bool; b int64; c bool }\n"
                + "type B struct { a, c bool; b int64 }\ntype S string\ntype L []int\ntype I interface{ M() }\n"
                + "type E struct { x int32; z struct{} }\ntype F [3]struct{ a int16; b byte }\n"
                + "type M map[string]int\ntype Buf [1 << 20]byte\n");
        assertThat(Sizes.sizeof(t.get("A"))).isEqualTo(24);
        assertThat(Sizes.sizeof(t.get("B"))).isEqualTo(16);
        assertThat(Sizes.offsetsof((Struct) t.get("A").underlying())).containsExactly(0, 8, 16);
        assertThat(Sizes.sizeof(t.get("S"))).isEqualTo(16);
        assertThat(Sizes.sizeof(t.get("L"))).isEqualTo(24);
        assertThat(Sizes.sizeof(t.get("I"))).isEqualTo(16);
        assertThat(Sizes.sizeof(t.get("E"))).isEqualTo(8); // trailing zero-size field padded
        assertThat(Sizes.sizeof(t.get("F"))).isEqualTo(12);
        assertThat(Sizes.alignof(t.get("F"))).isEqualTo(2);
        assertThat(Sizes.sizeof(t.get("M"))).isEqualTo(8);
        assertThat(Sizes.sizeof(t.get("Buf"))).isEqualTo(1 << 20);
        assertThat(Sizes.hasPointers(t.get("Buf"))).isFalse();
        Named memStats = (Named) Stdlib.byPath("runtime").members().get("MemStats").type();
        assertThat(Sizes.sizeof(memStats)).isEqualTo(5776);
        Named mutex = (Named) Stdlib.byPath("sync").members().get("Mutex").type();
        assertThat(Sizes.sizeof(mutex)).isEqualTo(8);
    }

    @Test
    void pointerMapsForTheCollector() {
        Map<String, Type> t = types("type T struct { n int; s string; p *T; xs []int; i any; a [2]*int; m map[int]int }");
        Type tt = t.get("T");
        assertThat(Sizes.pointerOffsets(tt)).containsExactly(8L, 24L, 32L, 56L, 64L, 72L, 80L, 88L);
        assertThat(Sizes.ptrdata(tt)).isEqualTo(96);
        assertThat(Sizes.hasPointers(tt)).isTrue();
    }

    @Test
    void spellingsForMessagesAndForTheRuntime() {
        Map<String, Type> t = types("type Node struct{ next *Node; vals map[string]*Node }\n"
                + "type F func(int, ...string) (bool, error)\ntype C chan (<-chan int)\n"
                + "type E struct{}\ntype Any interface{}\n");
        Type node = t.get("Node");
        assertThat(node.toString()).isEqualTo("Node");
        assertThat(TypeStrings.runtime(new Pointer(node))).isEqualTo("*main.Node");
        assertThat(node.underlying().toString()).isEqualTo("struct{next *Node; vals map[string]*Node}");
        assertThat(TypeStrings.runtime(node.underlying()))
                .isEqualTo("struct { next *main.Node; vals map[string]*main.Node }");
        assertThat(t.get("F").underlying().toString()).isEqualTo("func(int, ...string) (bool, error)");
        assertThat(t.get("C").underlying().toString()).isEqualTo("chan (<-chan int)");
        assertThat(TypeStrings.runtime(t.get("E").underlying())).isEqualTo("struct {}");
        assertThat(TypeStrings.runtime(t.get("Any").underlying())).isEqualTo("interface {}");
        assertThat(TypeStrings.runtime(new Slice(Interface.ANY))).isEqualTo("[]interface {}");
    }

    @Test
    void identityIsStructuralExceptForNamedTypes() {
        Map<String, Type> t = types("type A struct{ x int }\ntype B struct{ x int }\n"
                + "type P = struct{ x int }\n");
        assertThat(Types.identical(t.get("A"), t.get("B"))).isFalse();
        assertThat(Types.identical(t.get("A").underlying(), t.get("B").underlying())).isTrue();
        assertThat(Types.identical(t.get("P"), t.get("A").underlying())).isTrue();
        assertThat(Types.identical(Basic.BYTE, Basic.UINT8)).isTrue();
        assertThat(new Slice(Basic.BYTE).hashCode()).isEqualTo(new Slice(Basic.UINT8).hashCode());
        assertThat(Types.assignable(t.get("P"), t.get("A"))).isTrue();
        assertThat(Types.assignable(t.get("B"), t.get("A"))).isFalse();
        assertThat(Types.convertible(t.get("B"), t.get("A"))).isTrue();
        assertThat(Types.comparable(new Slice(Basic.INT))).isFalse();
    }

    @Test
    void methodSetsOfValuesAndPointers() {
        Map<String, Type> t = types("type T struct{ Inner }\ntype Inner struct{}\nfunc (Inner) V() {}\n"
                + "func (*Inner) P() {}\nfunc (T) W() {}\ntype I interface{ V(); P() }\n");
        Type tt = t.get("T");
        assertThat(names(Lookup.methodSet(tt))).containsExactly("V", "W");
        assertThat(names(Lookup.methodSet(new Pointer(tt)))).containsExactly("P", "V", "W");
        Interface i = (Interface) t.get("I").underlying();
        assertThat(Lookup.missingMethod(tt, i).reason()).isEqualTo(Lookup.Missing.Reason.POINTER_RECEIVER);
        assertThat(Lookup.missingMethod(new Pointer(tt), i)).isNull();
        Lookup.Result p = Lookup.find(new Pointer(tt), "P");
        assertThat(p.path()).containsExactly(0, 1);
        assertThat(p.indirect()).isTrue();
    }

    private static List<String> names(List<Lookup.Result> rs) {
        return rs.stream().map(r -> r.obj().name()).collect(Collectors.toList());
    }

    @Test
    void constantsPrintLikeGo() {
        assertThat(Constant.of(new java.math.BigDecimal("1e400")).toString()).isEqualTo("1e+400");
        assertThat(Constant.of(new java.math.BigDecimal("3.14159265")).toString()).isEqualTo("3.14159");
        assertThat(Constant.of(new java.math.BigDecimal("0.00001")).toString()).isEqualTo("1e-05");
        assertThat(Constant.of("a\"b\n").toString()).isEqualTo("\"a\\\"b\\n\"");
        assertThat(Representable.check(Constant.of(300), Basic.BYTE).failure())
                .isEqualTo(Representable.Failure.OVERFLOW);
        assertThat(Representable.check(Constant.of(new java.math.BigDecimal("2.0")), Basic.INT).ok()).isTrue();
    }
}
