package dev.goroscope.engine.lang.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The VM on hand-assembled code (the compiler is tested on Go source elsewhere). */
class MachineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();


    /** fib(n) = n < 2 ? n : fib(n-1) + fib(n-2), frame 24 bytes. */
    static Code fib() {
        Asm a = new Asm("main.fib");
        int n = a.newInt();
        int two = a.newInt();
        int c = a.newInt();
        int n1 = a.newInt();
        int f1 = a.newInt();
        int n2 = a.newInt();
        int f2 = a.newInt();
        int sum = a.newInt();
        int self = a.constant(null);
        int rec = a.label();
        a.emit(Op.LDI, two, a.constant(2L));
        a.emit(Op.LT, c, n, two);
        a.jump(Op.JF, c, rec);
        a.emit(Op.RET, n, 0);
        a.place(rec);
        a.emit(Op.ADDK, n1, n, -1);
        a.emit(Op.CALL, self, n1, 0, f1, 0);
        a.emit(Op.ADDK, n2, n, -2);
        a.emit(Op.CALL, self, n2, 0, f2, 0);
        a.emit(Op.ADD, sum, f1, f2);
        a.emit(Op.RET, sum, 0);
        Code code = a.build(FuncInfo.of("main.fib", 24), 1, 0, 1, 0);
        code.consts()[self] = code;
        return code;
    }

    /** main.main: x = callee(arg); print x. */
    private Code mainCalling(Code callee, long arg) {
        Asm a = new Asm("main.main");
        int x = a.newInt();
        int y = a.newInt();
        a.line(3);
        a.emit(Op.LDI, x, a.constant(arg));
        a.emit(Op.CALL, a.constant(callee), x, 0, y, 0);
        Native print = (t, i, r, argI, argR, resI, resR, resumed) -> {
            new PrintStream(out, true).println(i[argI]);
            return Native.Result.DONE;
        };
        a.emit(Op.NATIVE, a.constant(print), y, 0, 0, 0);
        a.emit(Op.RET, 0, 0);
        return a.build(FuncInfo.of("main.main", 16), 0, 0, 0, 0);
    }

    private int run(Settings s, Code main) {
        GoRuntime rt = new GoRuntime(s, EventSink.NONE);
        return new Machine(rt, new PrintStream(out, true), new PrintStream(err, true), "prog.go", Long.MAX_VALUE)
                .run(main);
    }

    @Test
    void fibComputesAndExitsZero() {
        assertThat(run(Settings.defaults(), mainCalling(fib(), 25))).isZero();
        assertThat(out.toString()).isEqualTo("75025\n");
    }

    /** sum(n) = n == 0 ? 0 : n + sum(n-1), with a given frame size. */
    static Code sum(long frame) {
        Asm a = new Asm("main.sum");
        int n = a.newInt();
        int zero = a.newInt();
        int c = a.newInt();
        int m = a.newInt();
        int s = a.newInt();
        int self = a.constant(null);
        int rec = a.label();
        a.line(7);
        a.emit(Op.LDI, zero, a.constant(0L));
        a.emit(Op.EQ, c, n, zero);
        a.jump(Op.JF, c, rec);
        a.emit(Op.RET, zero, 0);
        a.place(rec);
        a.emit(Op.ADDK, m, n, -1);
        a.emit(Op.CALL, self, m, 0, s, 0);
        a.emit(Op.ADD, s, s, n);
        a.emit(Op.RET, s, 0);
        Code code = a.build(FuncInfo.of("main.sum", frame), 1, 0, 1, 0);
        code.consts()[self] = code;
        return code;
    }

    @Test
    void halfAMillionDeepGoRecursionNeedsNoJvmStack() throws Exception {
        // Run on a thread with a small JVM stack: Go frames must not be JVM frames.
        int[] status = new int[1];
        java.lang.Thread th = new java.lang.Thread(null, () -> status[0] = run(Settings.defaults(),
                mainCalling(sum(64), 500_000)), "small-stack", 256 * 1024);
        th.start();
        th.join();
        assertThat(status[0]).isZero();
        assertThat(out.toString()).isEqualTo("125000250000\n");
    }

    @Test
    void overflowPrintsTheRuntimesLinesAndExitsTwo() {
        int status = run(Settings.defaults().withMaxStack(1 << 20), mainCalling(sum(1024), 10_000_000));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("runtime: goroutine stack exceeds 1048576-byte limit\n")
                .contains("fatal error: stack overflow");
    }

    @Test
    void divisionByZeroPanicsInGosWords() {
        Asm a = new Asm("main.main");
        int x = a.newInt();
        int z = a.newInt();
        a.line(5);
        a.emit(Op.LDI, x, a.constant(1L));
        a.emit(Op.LDI, z, a.constant(0L));
        a.emit(Op.DIV, x, x, z);
        a.emit(Op.RET, 0, 0);
        int status = run(Settings.defaults(), a.build(FuncInfo.of("main.main", 16), 0, 0, 0, 0));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
                + "main.main(...)\n\tprog.go:5\n");
    }
}
