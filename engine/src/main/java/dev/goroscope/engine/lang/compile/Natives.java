package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoFmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import java.util.ArrayList;
import java.util.List;

/** Library functions implemented in Java: fmt, runtime, runtime/debug, time. */
final class Natives {
    private Natives() {}

    /** An argument placed in a register for a native: which file, where, and its type. */
    record Arg(boolean scalar, int offset, Type type, RType rtype) {
        Object value(long[] i, Object[] r, int argI, int argR) {
            if (!scalar) {
                return Layouts.forFmt(r[argR + offset], type);
            }
            return box(i[argI + offset], rtype);
        }

        static Object box(long bits, RType t) {
            RType.Kind k = ((RType.Basic) t).kind();
            if (k == RType.Kind.BOOL) {
                return bits != 0;
            }
            if (k.isFloat()) {
                return Double.longBitsToDouble(bits);
            }
            return bits;
        }

        /** The runtime's print format: floats as +1.500000e+000. */
        String printForm(long[] i, Object[] r, int argI, int argR) {
            Object v = value(i, r, argI, argR);
            if (v instanceof Double d) {
                return dev.goroscope.engine.runtime.PrintFloat.format(d);
            }
            if (v instanceof Long l && ((RType.Basic) rtype).kind().isUnsigned()) {
                return Long.toUnsignedString(l);
            }
            return String.valueOf(v);
        }

        Values.Iface iface(long[] i, Object[] r, int argI, int argR) {
            if (Kinds.isIface(type)) {
                return (Values.Iface) r[argR + offset]; // already an interface value (nil: null)
            }
            return new Values.Iface(rtype, value(i, r, argI, argR));
        }
    }

    /** Arguments placed for a native call, with the first register of each file. */
    record Placed(List<Arg> args, int baseI, int baseR) {}

    /** Evaluates arguments into consecutive registers of their own files. */
    static Placed evalArgs(FuncCompiler fc, List<Expr> exprs) {
        List<int[]> vals = new ArrayList<>();
        for (Expr e : exprs) {
            vals.add(new int[] {fc.exprs.value(e)});
        }
        int baseI = fc.asm.ints();
        int baseR = fc.asm.refs();
        List<Arg> args = new ArrayList<>();
        for (int k = 0; k < exprs.size(); k++) {
            Type t = fc.info.typeOf(exprs.get(k));
            Type target = fc.info.implicitTarget(exprs.get(k));
            if (target != null && Kinds.isIface(target)) {
                t = target; // value() already made it an interface value
            }
            boolean scalar = Kinds.scalar(t);
            int reg = scalar ? fc.asm.newInt() : fc.asm.newRef();
            fc.exprs.vm(scalar ? Op.MOVI : Op.MOVR, reg, vals.get(k)[0]);
            dev.goroscope.engine.lang.interp.RType rt;
            try {
                rt = Kinds.isIface(t) ? null : RTypes.of(t);
            } catch (IllegalArgumentException e) {
                throw new Unsupported(exprs.get(k).pos(), "printing values of type " + t);
            }
            args.add(new Arg(scalar, scalar ? reg - baseI : reg - baseR, t, rt));
        }
        return new Placed(args, baseI, baseR);
    }

    static void emit(FuncCompiler fc, Func f, Expr.Call c, int resI, int resR) {
        String name = f.fullName();
        if (name.equals("runtime.ReadMemStats")) {
            MemStatsOps.read(fc, c);
            return;
        }
        if (ContextOps.emit(fc, f, c, resI, resR)) {
            return;
        }
        Placed placed = evalArgs(fc, c.args());
        List<Arg> args = placed.args();
        int ai = placed.baseI();
        int ar = placed.baseR();
        Native timeFn = TimeOps.function(name, placed, f.type().results().size() == 1
                ? f.type().results().type(0).underlying() : null);
        if (timeFn == null) {
            timeFn = StrconvOps.function(name);
        }
        if (timeFn != null) {
            int ri = resI >= 0 ? resI : fc.asm.newInt();
            int rr = resR >= 0 ? resR : fc.asm.newRef();
            fc.exprs.vm(Op.NATIVE, fc.asm.constant(timeFn), ai, ar, ri, rr);
            return;
        }
        Native fmtFn = FmtNatives.of(fc, name, args);
        if (fmtFn == null) {
            fmtFn = ErrorChains.of(fc, name, args);
        }
        if (fmtFn != null) {
            int ri = resI >= 0 ? resI : fc.asm.newInt();
            int rr = resR >= 0 ? resR : fc.asm.newRef();
            fc.exprs.vm(Op.NATIVE, fc.asm.constant(fmtFn), ai, ar, ri, rr);
            return;
        }
        Native n = switch (name) {
            case "runtime.GC" -> (t, i, r, a, b, x, y, res) ->
                    res || rt(t).programGC(t.goroutine()) ? Native.Result.DONE : Native.Result.BLOCKED;
            case "runtime.NumGoroutine" -> (t, i, r, a, b, x, y, res) -> {
                i[x] = rt(t).numGoroutine();
                return Native.Result.DONE;
            };
            case "runtime.Goexit" -> (t, i, r, a, b, x, y, res) -> {
                throw dev.goroscope.engine.lang.vm.Defers.goexitSignal();
            };
            case "runtime.Stack" -> (t, i, r, a, b, x, y, res) -> {
                i[x] = writeBytes((Values.SliceV) r[b], dev.goroscope.engine.lang.vm.Traceback.stack(t, i[a] != 0));
                return Native.Result.DONE;
            };
            case "runtime.NumCPU" -> (t, i, r, a, b, x, y, res) -> {
                i[x] = rt(t).settings().ncpu();
                return Native.Result.DONE;
            };
            case "runtime.Gosched" -> (t, i, r, a, b, x, y, res) ->
                    !res && rt(t).gosched(t.goroutine()) ? Native.Result.BLOCKED : Native.Result.DONE;
            case "runtime.GOMAXPROCS" -> (t, i, r, a, b, x, y, res) -> {
                // More than 256 Ps is not simulated (Go itself accepts any number): 256 are used.
                i[x] = rt(t).gomaxprocs(t.goroutine(), (int) Math.max(Math.min(i[a], 256), -1));
                return Native.Result.DONE;
            };
            case "runtime/debug.SetMaxStack", "debug.SetMaxStack" -> (t, i, r, a, b, x, y, res) -> {
                i[x] = rt(t).setMaxStack(i[a]);
                return Native.Result.DONE;
            };
            case "runtime/debug.SetGCPercent", "debug.SetGCPercent" -> (t, i, r, a, b, x, y, res) -> {
                i[x] = rt(t).setGCPercent((int) i[a]);
                return Native.Result.DONE;
            };
            case "runtime/debug.SetMemoryLimit", "debug.SetMemoryLimit" -> (t, i, r, a, b, x, y, res) -> {
                i[x] = rt(t).setMemoryLimit(i[a]);
                return Native.Result.DONE;
            };
            case "runtime/debug.FreeOSMemory", "debug.FreeOSMemory" -> (t, i, r, a, b, x, y, res) -> {
                rt(t).freeOSMemory();
                return Native.Result.DONE;
            };
            case "errors.New" -> (t, i, r, a, b, x, y, res) -> {
                r[y] = ErrorOps.newError(t, ((GoString) args.get(0).value(i, r, a, b)).toString());
                return Native.Result.DONE;
            };
            case "strings.Repeat", "strings.Contains", "strings.HasPrefix", "strings.ToUpper" ->
                    (t, i, r, a, b, x, y, res) -> {
                        Object[] vals = new Object[args.size()];
                        for (int k = 0; k < vals.length; k++) {
                            vals[k] = args.get(k).value(i, r, a, b);
                        }
                        Object out = ErrorOps.strings(name, vals);
                        if (out instanceof Boolean bo) {
                            i[x] = bo ? 1 : 0;
                        } else {
                            r[y] = out;
                        }
                        return Native.Result.DONE;
                    };
            case "viz.Say" -> (t, i, r, a, b, x, y, res) -> {
                rt(t).say(((GoString) args.get(0).value(i, r, a, b)).toString());
                return Native.Result.DONE;
            };
            case "viz.Pause" -> (t, i, r, a, b, x, y, res) -> {
                rt(t).pause("");
                return Native.Result.DONE;
            };
            case "viz.GCStart" -> (t, i, r, a, b, x, y, res) -> {
                rt(t).gcStart();
                return Native.Result.DONE;
            };
            case "viz.GCStep" -> (t, i, r, a, b, x, y, res) -> {
                rt(t).gcStep((int) i[a]);
                return Native.Result.DONE;
            };
            case "viz.GCFinish" -> (t, i, r, a, b, x, y, res) -> {
                rt(t).gcFinish();
                return Native.Result.DONE;
            };
            case "viz.Barrier" -> (t, i, r, a, b, x, y, res) -> {
                String mode = ((GoString) args.get(0).value(i, r, a, b)).toString();
                try {
                    rt(t).setBarrier(dev.goroscope.engine.runtime.BarrierMode.parse(mode));
                } catch (IllegalArgumentException e) {
                    throw new dev.goroscope.engine.lang.vm.GoPanic("viz.Barrier: " + e.getMessage(),
                            GoString.of(e.getMessage()), false);
                }
                return Native.Result.DONE;
            };
            case "time.Sleep" -> (t, i, r, a, b, x, y, res) -> {
                if (res) {
                    return Native.Result.DONE;
                }
                rt(t).sleep(t.goroutine(), i[a]);
                return Native.Result.BLOCKED;
            };
            default -> throw new Unsupported(c.pos(), name + " (not yet)");
        };
        int ri = resI >= 0 ? resI : fc.asm.newInt();
        int rr = resR >= 0 ? resR : fc.asm.newRef();
        fc.asm.emitAt(c.lparen().line(), Op.NATIVE, fc.asm.constant(n), ai, ar, ri, rr);
    }

    /** Copies as much of {@code text} as fits into the slice; returns the bytes written. */
    private static int writeBytes(Values.SliceV buf, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = buf == null ? 0 : Math.min(buf.len(), bytes.length);
        for (int k = 0; k < n; k++) {
            buf.array().elems[buf.off() + k] = (long) (bytes[k] & 0xFF);
        }
        return n;
    }

    private static GoRuntime rt(Machine.Thread t) {
        return t.machine().runtime();
    }

    private static Native.Result out(Machine.Thread t, String s) {
        t.machine().print(t, s, false);
        return Native.Result.DONE;
    }
}
