package dev.goroscope.engine.lang.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interface calls ({@link Op#CALLI} through a {@link MethodTable}) and natives that run Go code
 * ({@link Machine.Thread#invoke}), on hand-assembled code.
 */
class MethodDispatchTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream print = new PrintStream(out, true);
    private final List<Integer> depths = new ArrayList<>();

    private static final RType SQUARE = new RType.Basic(RType.Kind.INT, "main.Square");
    private static final RType BOX = new RType.Ptr(new RType.StructT(List.of(), "main.Box"), null);

    /** A method whose receiver is its first scalar register: returns recv * k. */
    private static Code scale(String name, long k) {
        Asm a = new Asm(name);
        int recv = a.newInt();
        int kk = a.newInt();
        int res = a.newInt();
        a.emit(Op.LDI, kk, a.constant(k));
        a.emit(Op.MUL, res, recv, kk);
        a.emit(Op.RET, res, 0);
        return a.build(FuncInfo.of(name, 16), 1, 0, 1, 0);
    }

    /** A method with a pointer receiver (first reference register) that returns its scalar argument + 100. */
    private static Code boxMethod() {
        Asm a = new Asm("main.(*Box).Area");
        int arg = a.newInt();
        a.newRef();
        int res = a.newInt();
        a.emit(Op.ADDK, res, arg, 100);
        a.emit(Op.RET, res, 0);
        return a.build(FuncInfo.of("main.(*Box).Area", 16), 1, 1, 1, 0);
    }

    private static MethodTable.Method method(Code code, boolean scalar) {
        return new MethodTable.Method() {
            @Override
            public Code code() {
                return code;
            }

            @Override
            public boolean scalarReceiver() {
                return scalar;
            }

            @Override
            public Object receiver(Machine.Thread t, Object data) {
                return data;
            }

            @Override
            public String signature() {
                return "func(int) int";
            }
        };
    }

    private Native printInt() {
        return (t, i, r, argI, argR, resI, resR, resumed) -> {
            print.println(i[argI]);
            return Native.Result.DONE;
        };
    }

    /** main: for each interface value in consts, x.Area(5) and print the result. */
    private Code mainCalling(MethodTable table, List<Values.Iface> values) {
        Asm a = new Asm("main.main");
        int v = a.newRef();
        int arg = a.newInt();
        int res = a.newInt();
        a.line(7);
        for (Values.Iface x : values) {
            a.emit(Op.LDR, v, a.constant(x));
            a.emit(Op.LDI, arg, a.constant(5L));
            a.emit(Op.CALLI, a.constant(new MethodTable.Site(table, "Area", v)), arg, 0, res, 0);
            a.emit(Op.NATIVE, a.constant(printInt()), res, 0, 0, 0);
        }
        a.emit(Op.RET, 0, 0);
        return a.build(FuncInfo.of("main.main", 32), 0, 0, 0, 0);
    }

    private int run(Code main) {
        GoRuntime rt = new GoRuntime(Settings.defaults(), EventSink.NONE);
        return new Machine(rt, print, new PrintStream(err, true), "prog.go", Long.MAX_VALUE).run(main);
    }

    private static MethodTable table() {
        MethodTable table = new MethodTable();
        Asm a = new Asm("main.Square.Area");
        int recv = a.newInt();
        a.newInt();
        int res = a.newInt();
        a.emit(Op.MUL, res, recv, recv);
        a.emit(Op.RET, res, 0);
        table.add(SQUARE, "Area", method(a.build(FuncInfo.of("main.Square.Area", 16), 2, 0, 1, 0), true));
        table.add(BOX, "Area", method(boxMethod(), false));
        return table;
    }

    @Test
    void anInterfaceCallRunsTheDynamicTypesMethodWithTheReceiverFirst() {
        MethodTable table = table();
        int status = run(mainCalling(table, List.of(new Values.Iface(SQUARE, 7L),
                new Values.Iface(BOX, new Object()), new Values.Iface(SQUARE, 3L))));
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("49\n105\n9\n");
    }

    @Test
    void aNilInterfaceValuePanicsWithANilDereference() {
        List<Values.Iface> values = new ArrayList<>();
        values.add(null);
        int status = run(mainCalling(table(), values));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith(
                "panic: runtime error: invalid memory address or nil pointer dereference\n");
    }

    @Test
    void methodsAreFoundByTheDynamicTypesName() {
        MethodTable table = new MethodTable();
        table.add(SQUARE, "Area", method(scale("main.Square.Area", 2), true));
        assertThat(table.find(BOX, "Area")).isNull();
        assertThat(table.find(new RType.Basic(RType.Kind.INT, "main.Square"), "Area")).isNotNull();
        assertThat(table.has(SQUARE)).isTrue();
    }

    /**
     * A native that invokes {@code fn(arg)} as Go code and prints the result when it resumes;
     * it records the goroutine's depth while the invoked frame runs (through fn's own native).
     */
    private Native invoking(Code fn, long arg, boolean catches) {
        return (t, i, r, argI, argR, resI, resR, resumed) -> {
            if (t.nativeState() == null) {
                assertThat(resumed).isFalse();
                t.setNativeState("waiting");
                t.invoke(fn, new long[] {arg}, new Object[0], catches);
                return Native.Result.CALL;
            }
            assertThat(resumed).isTrue();
            t.setNativeState(null);
            if (t.returnedPanic() != null) {
                print.println("recovered: " + t.returnedPanic().getMessage());
            } else {
                print.println("got " + t.returnedInts()[0]);
            }
            return Native.Result.DONE;
        };
    }

    /** fn(n): records the stack depth, then returns n*n, or divides by zero when n is 0. */
    private Code squareOrFail() {
        Asm a = new Asm("main.square");
        int n = a.newInt();
        int res = a.newInt();
        Native depth = (t, i, r, argI, argR, resI, resR, resumed) -> {
            depths.add(t.goroutine().depth());
            return Native.Result.DONE;
        };
        a.emit(Op.NATIVE, a.constant(depth), 0, 0, 0, 0);
        a.emit(Op.DIV, res, n, n);
        a.emit(Op.MUL, res, n, n);
        a.emit(Op.RET, res, 0);
        return a.build(FuncInfo.of("main.square", 24), 1, 0, 1, 0);
    }

    private Code mainInvoking(Native n) {
        Asm a = new Asm("main.main");
        a.line(4);
        Native depth = (t, i, r, argI, argR, resI, resR, resumed) -> {
            depths.add(t.goroutine().depth());
            return Native.Result.DONE;
        };
        a.emit(Op.NATIVE, a.constant(depth), 0, 0, 0, 0);
        a.emit(Op.NATIVE, a.constant(n), 0, 0, 0, 0);
        a.emit(Op.NATIVE, a.constant(n), 0, 0, 0, 0);
        a.emit(Op.RET, 0, 0);
        return a.build(FuncInfo.of("main.main", 16), 0, 0, 0, 0);
    }

    @Test
    void aNativeRunsGoCodeOnTheGoroutinesStackAndResumesWithItsResults() {
        int status = run(mainInvoking(invoking(squareOrFail(), 9, false)));
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("got 81\ngot 81\n");
        int main = depths.get(0);
        assertThat(depths).containsExactly(main, main + 1, main + 1); // main.square's frame sits above main.main's
    }

    @Test
    void aPanicInInvokedCodeReachesANativeThatRecoversIt() {
        int status = run(mainInvoking(invoking(squareOrFail(), 0, true)));
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo(
                "recovered: runtime error: integer divide by zero\nrecovered: runtime error: integer divide by zero\n");
    }

    @Test
    void aPanicInInvokedCodeUnwindsPastANativeThatDoesNotRecover() {
        int status = run(mainInvoking(invoking(squareOrFail(), 0, false)));
        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("panic: runtime error: integer divide by zero\n")
                .contains("main.square(...)").contains("main.main(...)");
    }

    @Test
    void aLibraryMethodRunsInJava() {
        MethodTable table = new MethodTable();
        RType err = new RType.Ptr(new RType.StructT(List.of(), "errors.errorString"), null);
        table.add(err, "Area", new MethodTable.Method() {
            @Override
            public Code code() {
                return null;
            }

            @Override
            public boolean scalarReceiver() {
                return false;
            }

            @Override
            public Object receiver(Machine.Thread t, Object data) {
                return data;
            }

            @Override
            public String signature() {
                return "func(int) int";
            }

            @Override
            public void callJava(Machine.Thread t, Object recv, long[] i, Object[] r, int argI, int argR, int resI,
                                 int resR) {
                i[resI] = i[argI] + ((GoString) recv).len();
            }
        });
        assertThat(run(mainCalling(table, List.of(new Values.Iface(err, GoString.of("abc")))))).isZero();
        assertThat(out.toString()).isEqualTo("8\n");
    }
}
