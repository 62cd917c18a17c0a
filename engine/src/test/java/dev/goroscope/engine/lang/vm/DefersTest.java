package dev.goroscope.engine.lang.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goroscope.engine.event.EventSink;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deferred calls and panics on hand-assembled code: where their frames go on the simulated
 * stack (the point of modelling them), and how a recovery unwinds it.
 */
class DefersTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Depths of the goroutine's simulated stack, as the deferred function saw them. */
    private final List<Integer> depths = new ArrayList<>();

    /** A function that records the depth of the simulated stack; it recovers when asked to. */
    private Code probe(boolean recovers) {
        Asm a = new Asm("main.probe");
        Native n = (t, i, r, ai, ar, ri, rr, resumed) -> {
            depths.add(t.goroutine().depth());
            if (recovers) {
                depths.add(Defers.recover(t) == null ? 0 : 1);
            }
            return Native.Result.DONE;
        };
        a.emit(Op.NATIVE, a.constant(n), 0, 0, 0, 0);
        a.emit(Op.RET, 0, 0);
        return a.build(FuncInfo.of("main.probe", 32), 0, 0, 0, 0);
    }

    /**
     * main.main: records its depth, defers {@code probe}, optionally divides by zero, then runs its
     * deferred calls and returns.
     */
    private Code mainDeferring(Code probe, Defers.Kind kind, boolean panics) {
        Asm a = new Asm("main.main");
        int x = a.newInt();
        int z = a.newInt();
        Defers.Exit exit = new Defers.Exit();
        Defers.Site site = new Defers.Site(probe, false, kind, exit);
        Native self = (t, i, r, ai, ar, ri, rr, resumed) -> {
            depths.add(t.goroutine().depth());
            return Native.Result.DONE;
        };
        Native defer = (t, i, r, ai, ar, ri, rr, resumed) -> {
            Defers.defer(t, site, new long[0], new Object[0], 0);
            return Native.Result.DONE;
        };
        a.emit(Op.NATIVE, a.constant(self), 0, 0, 0, 0);
        a.emit(Op.NATIVE, a.constant(defer), 0, 0, 0, 0);
        if (panics) {
            a.emit(Op.LDI, x, a.constant(1L));
            a.emit(Op.LDI, z, a.constant(0L));
            a.emit(Op.DIV, x, x, z);
        }
        exit.pc = a.pc();
        a.emit(Op.DEFERRETURN, 0);
        a.emit(Op.RET, 0, 0);
        return a.build(FuncInfo.of("main.main", 48), 0, 0, 0, 0);
    }

    private int run(Code main) {
        GoRuntime rt = new GoRuntime(Settings.defaults(), EventSink.NONE);
        return new Machine(rt, new PrintStream(out, true), new PrintStream(err, true), "prog.go", Long.MAX_VALUE)
                .run(main);
    }

    @Test
    void anOpenCodedDeferredCallRunsDirectlyAboveItsFunction() {
        assertThat(run(mainDeferring(probe(false), Defers.Kind.OPEN_CODED, false))).isZero();
        assertThat(depths).hasSize(2);
        assertThat(depths.get(1)).isEqualTo(depths.get(0) + 1);
    }

    @Test
    void aRecordedDeferredCallRunsAboveRuntimeDeferreturn() {
        assertThat(run(mainDeferring(probe(false), Defers.Kind.STACK, false))).isZero();
        assertThat(depths.get(1)).isEqualTo(depths.get(0) + 2);
    }

    @Test
    void whilePanickingTheDeferredCallRunsAboveGopanicAndARecoveryUnwindsToItsFunction() {
        assertThat(run(mainDeferring(probe(true), Defers.Kind.OPEN_CODED, true))).isZero();
        assertThat(err.toString()).isEmpty();
        // main, then probe above main's frame and gopanic's; probe recovered.
        assertThat(depths).containsExactly(depths.get(0), depths.get(0) + 2, 1);
    }

    @Test
    void anUnrecoveredPanicRunsTheDeferredCallThenDiesWithGosLines() {
        assertThat(run(mainDeferring(probe(false), Defers.Kind.STACK, true))).isEqualTo(2);
        assertThat(depths).containsExactly(depths.get(0), depths.get(0) + 2);
        assertThat(err.toString()).startsWith("panic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
                + "main.main(...)\n");
    }

    @Test
    void recoverOutsideADeferredCallReturnsNil() {
        Asm a = new Asm("main.main");
        Native n = (t, i, r, ai, ar, ri, rr, resumed) -> {
            depths.add(Defers.recover(t) == null ? 0 : 1);
            return Native.Result.DONE;
        };
        a.emit(Op.NATIVE, a.constant(n), 0, 0, 0, 0);
        a.emit(Op.RET, 0, 0);
        assertThat(run(a.build(FuncInfo.of("main.main", 16), 0, 0, 0, 0))).isZero();
        assertThat(depths).containsExactly(0);
    }
}
