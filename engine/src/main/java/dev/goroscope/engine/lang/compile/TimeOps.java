package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoFmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.Ticker;
import java.util.List;

/**
 * Package time on the simulation's virtual clock: a {@code time.Time} is an instant in virtual
 * nanoseconds since the program started; {@code time.Duration} methods and fmt's use of
 * {@code Duration.String} behave as in Go. Elapsed times are therefore those of the simulated
 * program (its operations and its GC work), not of the JVM. Timers and tickers are the
 * runtime's ({@link Ticker}): their ticks arrive as {@code time.Time} values on a one-element
 * channel, and a tick that finds it full is dropped.
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
            case "time.(*Ticker).Stop", "time.(*Timer).Stop" -> n = (t, i, r, a, b, x, y, res) -> {
                boolean was = t.machine().runtime().stopTimer(t.goroutine(), timer(r[rv]));
                i[ri] = was ? 1 : 0;
                return Native.Result.DONE;
            };
            case "time.(*Ticker).Reset", "time.(*Timer).Reset" -> {
                int d = fc.exprs.value(args.get(0));
                boolean ticker = name.contains("Ticker");
                n = (t, i, r, a, b, x, y, res) -> {
                    long dur = i[d];
                    if (ticker && dur <= 0) {
                        throw panicError("non-positive interval for Ticker.Reset");
                    }
                    boolean was = t.machine().runtime().resetTimer(t.goroutine(), timer(r[rv]), dur,
                            ticker ? dur : 0);
                    i[ri] = was ? 1 : 0;
                    return Native.Result.DONE;
                };
            }
            case "time.Time.Add" -> {
                int dur = fc.exprs.value(args.get(0));
                n = (t, i, r, a, b, x, y, res) -> {
                    r[rr] = new Instant(((Instant) r[rv]).nanos() + i[dur]);
                    return Native.Result.DONE;
                };
            }
            case "time.Time.Before", "time.Time.After" -> {
                int other = fc.exprs.value(args.get(0));
                boolean before = name.endsWith("Before");
                n = (t, i, r, a, b, x, y, res) -> {
                    long u = ((Instant) r[rv]).nanos();
                    long v = ((Instant) r[other]).nanos();
                    i[ri] = (before ? u < v : u > v) ? 1 : 0;
                    return Native.Result.DONE;
                };
            }
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

    /** The runtime timer behind a {@code *time.Timer} or {@code *time.Ticker}. */
    private static Ticker timer(Object v) {
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        return (Ticker) ((Values.StructV) ((HeapBox) v).get()).fields()[1];
    }

    /** A panic with an error value made by errors.New, as package time raises them. */
    private static GoPanic panicError(String msg) {
        return new GoPanic(msg, GoString.of(msg), false);
    }

    /**
     * A new {@code *time.Timer} ({@code period} 0) or {@code *time.Ticker}: the runtime's timer
     * object, seen by the program as a struct whose {@code C} is the channel (its unexported
     * {@code r} holds the runtime timer).
     */
    static HeapBox newTimer(Machine.Thread t, long d, long period, Type type) {
        Ticker tk = t.machine().runtime().channelTimer(t.goroutine(), d, period, Instant::new);
        Values.StructV s = (Values.StructV) Layouts.zero(type);
        s.fields()[0] = tk.channel();
        s.fields()[1] = tk;
        return new HeapBox(s, tk.addr(), Layouts.of(type));
    }

    /** time.Now, time.Since, time.After, time.Tick, time.NewTimer and time.NewTicker. */
    static Native function(String name, Natives.Placed p, Type result) {
        switch (name) {
            case "time.NewTicker":
                return (t, i, r, a, b, x, y, res) -> {
                    if (i[a] <= 0) {
                        throw panicError("non-positive interval for NewTicker");
                    }
                    r[y] = newTimer(t, i[a], i[a], ((dev.goroscope.engine.lang.types.Pointer) result).elem());
                    return Native.Result.DONE;
                };
            case "time.NewTimer":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = newTimer(t, i[a], 0, ((dev.goroscope.engine.lang.types.Pointer) result).elem());
                    return Native.Result.DONE;
                };
            case "time.Tick":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = i[a] <= 0 ? null
                            : t.machine().runtime().channelTimer(t.goroutine(), i[a], i[a], Instant::new).channel();
                    return Native.Result.DONE;
                };
            case "time.Now":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = new Instant(t.machine().runtime().nanotime());
                    return Native.Result.DONE;
                };
            case "time.After":
                return (t, i, r, a, b, x, y, res) -> {
                    r[y] = t.machine().runtime().channelTimer(t.goroutine(), i[a], 0, Instant::new).channel();
                    return Native.Result.DONE;
                };
            case "time.Until":
                return (t, i, r, a, b, x, y, res) -> {
                    i[x] = ((Instant) r[b]).nanos() - t.machine().runtime().nanotime();
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
