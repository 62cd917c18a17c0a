package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoFmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import java.util.List;

/**
 * Package time on the simulation's virtual clock: a {@code time.Time} is an instant in virtual
 * nanoseconds since the program started; {@code time.Duration} methods and fmt's use of
 * {@code Duration.String} behave as in Go. Elapsed times are therefore those of the simulated
 * program (its operations and its GC work), not of the JVM.
 */
final class TimeOps {
    private TimeOps() {}

    /** A {@code time.Time} value. */
    record Instant(long nanos) {}

    static boolean isTime(Type t) {
        return t instanceof Named n && "time".equals(n.pkg()) && "Time".equals(n.name());
    }

    /** Methods of time.Duration and time.Time; false when {@code m} is not one. */
    static boolean method(FuncCompiler fc, Func m, Expr recv, List<Expr> args, int resI, int resR) {
        String name = m.fullName();
        int rv = fc.exprs.value(recv);
        int ri = resI >= 0 ? resI : fc.asm.newInt();
        int rr = resR >= 0 ? resR : fc.asm.newRef();
        Native n;
        switch (name) {
            case "time.Duration.Milliseconds" -> n = (t, i, r, a, b, x, y, res) -> {
                i[ri] = i[rv] / 1_000_000;
                return Native.Result.DONE;
            };
            case "time.Duration.Microseconds" -> n = (t, i, r, a, b, x, y, res) -> {
                i[ri] = i[rv] / 1_000;
                return Native.Result.DONE;
            };
            case "time.Duration.Seconds" -> n = (t, i, r, a, b, x, y, res) -> {
                i[ri] = Double.doubleToRawLongBits(i[rv] / 1e9);
                return Native.Result.DONE;
            };
            case "time.Duration.String" -> n = (t, i, r, a, b, x, y, res) -> {
                r[rr] = GoString.of(GoFmt.formatDuration(i[rv]));
                return Native.Result.DONE;
            };
            case "time.Time.Sub" -> {
                int other = fc.exprs.value(args.get(0));
                n = (t, i, r, a, b, x, y, res) -> {
                    i[ri] = ((Instant) r[rv]).nanos() - ((Instant) r[other]).nanos();
                    return Native.Result.DONE;
                };
            }
            default -> {
                return false;
            }
        }
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return true;
    }

    /** time.Now and time.Since. */
    static Native function(String name, Natives.Placed p) {
        switch (name) {
            case "time.Now":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = new Instant(t.machine().runtime().nanotime());
                    return Native.Result.DONE;
                };
            case "time.After":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = t.machine().runtime().newTimer(t.goroutine(), i[a], false).channel();
                    return Native.Result.DONE;
                };
            case "time.Since":
                return (t, i, r, a, b, x, y, res) -> {
                    i[x] = t.machine().runtime().nanotime() - ((Instant) r[b]).nanos();
                    return Native.Result.DONE;
                };
            default:
                return null;
        }
    }

}
