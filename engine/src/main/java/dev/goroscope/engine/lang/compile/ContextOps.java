package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Asm;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import java.util.List;

/**
 * Package context compiled onto {@link Contexts}: {@code Background}, {@code TODO},
 * {@code WithCancel}, {@code WithDeadline}, {@code WithTimeout}, {@code WithValue}, and the
 * {@code Context} methods called on the library's contexts. A cancel function is a function
 * value like any other (a 16-byte closure over the context), so it can be stored, passed,
 * deferred and called more than once; only the first call cancels.
 */
final class ContextOps {
    private ContextOps() {}

    static final Values.Iface CANCELED = LibraryVars.error("errors.errorString", "context canceled");
    static final Values.Iface DEADLINE_EXCEEDED = LibraryVars.error("context.deadlineExceededError",
            "context deadline exceeded");

    /** {@code func() { c.cancel(true, Canceled) }} of WithCancel. */
    private static final Code CANCEL = closure("context.WithCancel.func1", null, true, CANCELED);
    /** WithDeadline's cancel for a deadline already past: {@code c.cancel(false, Canceled)}. */
    private static final Code CANCEL_EXPIRED = closure("context.WithDeadline.func1", null, false, CANCELED);
    /** The timer's function, run in its own goroutine: {@code c.cancel(true, DeadlineExceeded)}. */
    private static final Code ON_DEADLINE = closure("context.WithDeadline.func2",
            FuncInfo.of("context.WithDeadline.func2", 24), true, DEADLINE_EXCEEDED);
    /** WithDeadline's cancel: {@code c.cancel(true, Canceled)}. */
    private static final Code CANCEL_DEADLINE = closure("context.WithDeadline.func3", null, true, CANCELED);

    private static Code closure(String name, FuncInfo frame, boolean remove, Values.Iface err) {
        Asm asm = new Asm(name);
        asm.newRef(); // the captured context
        Native n = (th, i, r, a, b, x, y, res) -> {
            Contexts.cancel(th, (Contexts.Ctx) r[0], remove, err);
            return Native.Result.DONE;
        };
        asm.emit(Op.NATIVE, asm.constant(n), 0, 0, 0, 0);
        asm.emit(Op.RET, 0, 0);
        return asm.build(frame, 0, 1, 0, 0);
    }

    static boolean isContext(Type t) {
        return t instanceof Named n && "context".equals(n.pkg()) && "Context".equals(n.name());
    }

    private static GoRuntime rt(Machine.Thread th) {
        return th.machine().runtime();
    }

    /** A closure object (function pointer and the context pointer) and its function value. */
    private static Values.FuncV funcValue(Machine.Thread th, Code code, Contexts.Ctx c) {
        long addr = rt(th).alloc(th.goroutine(), 16, 1, "func closure");
        rt(th).store(th.goroutine(), addr, 0, c.addr);
        return new Values.FuncV(code, new Object[] {c}, addr);
    }

    /** {@code WithCancel(parent)}: the context and its cancel function. */
    private static Object[] withCancel(Machine.Thread th, Values.Iface parent) {
        Contexts.Ctx c = Contexts.newCancelable(th, parent, false);
        return new Object[] {Contexts.iface(c), funcValue(th, CANCEL, c)};
    }

    /** {@code WithDeadline(parent, d)} with d in virtual nanoseconds. */
    private static Object[] withDeadline(Machine.Thread th, Values.Iface parent, long d) {
        if (parent != null) {
            Contexts.Ctx cur = Contexts.deadlineCtx(Contexts.of(parent));
            if (cur != null && cur.deadline < d) {
                return withCancel(th, parent); // the parent's deadline comes first
            }
        }
        Contexts.Ctx c = Contexts.newCancelable(th, parent, true);
        c.deadline = d;
        long dur = d - rt(th).nanotime();
        if (dur <= 0) {
            Contexts.cancel(th, c, true, DEADLINE_EXCEEDED);
            return new Object[] {Contexts.iface(c), funcValue(th, CANCEL_EXPIRED, c)};
        }
        if (c.err == null) {
            Values.FuncV f = funcValue(th, ON_DEADLINE, c);
            Machine m = th.machine();
            Contexts.armTimer(th, c, dur, f.addr(), () -> m.spawnFromTimer(ON_DEADLINE, new Object[] {c}));
        }
        return new Object[] {Contexts.iface(c), funcValue(th, CANCEL_DEADLINE, c)};
    }

    private static long nanos(Object time) {
        return time instanceof TimeOps.Instant in ? in.nanos() : Long.MIN_VALUE; // the zero Time: long past
    }

    /** A call of a package context function; false when {@code f} is not one. */
    static boolean emit(FuncCompiler fc, Func f, Expr.Call c, int resI, int resR) {
        if (!"context".equals(f.pkg())) {
            return false;
        }
        List<Expr> args = c.args();
        int[] a = new int[args.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = fc.exprs.value(args.get(k));
        }
        int[] res = new Calls(fc).results(f.type(), resI, resR);
        int rr = res[1];
        Native n = switch (f.name()) {
            case "Background", "TODO" -> {
                Values.Iface v = Contexts.iface(f.name().equals("TODO") ? Contexts.TODO : Contexts.BACKGROUND);
                yield (th, i, r, x, y, xi, yr, resumed) -> {
                    r[rr] = v;
                    return Native.Result.DONE;
                };
            }
            case "WithCancel" -> (th, i, r, x, y, xi, yr, resumed) -> results(r, rr,
                    withCancel(th, (Values.Iface) r[a[0]]));
            case "WithTimeout" -> (th, i, r, x, y, xi, yr, resumed) -> results(r, rr,
                    withDeadline(th, (Values.Iface) r[a[0]], rt(th).nanotime() + i[a[1]]));
            case "WithDeadline" -> (th, i, r, x, y, xi, yr, resumed) -> results(r, rr,
                    withDeadline(th, (Values.Iface) r[a[0]], nanos(r[a[1]])));
            case "WithValue" -> (th, i, r, x, y, xi, yr, resumed) -> {
                r[rr] = Contexts.iface(Contexts.withValue(th, (Values.Iface) r[a[0]], (Values.Iface) r[a[1]],
                        (Values.Iface) r[a[2]]));
                return Native.Result.DONE;
            };
            default -> throw new Unsupported(c.pos(), f.fullName());
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        for (int k = 0; k < f.type().results().size(); k++) {
            fc.heap.slotStore(fc.newSlot(), rr + k); // the new objects are rooted by this frame
        }
        return true;
    }

    private static Native.Result results(Object[] r, int rr, Object[] values) {
        r[rr] = values[0];
        r[rr + 1] = values[1];
        return Native.Result.DONE;
    }

    /** {@code ctx.Done()}, {@code ctx.Err()}, {@code ctx.Deadline()} or {@code ctx.Value(key)}. */
    static void call(FuncCompiler fc, Func m, Expr.Call c, Expr recv, int resI, int resR) {
        int rv = fc.exprs.value(recv);
        int key = c.args().isEmpty() ? -1 : fc.exprs.value(c.args().get(0));
        int[] res = new Calls(fc).results(m.type(), resI, resR);
        int ri = res[0];
        int rr = res[1];
        Object zeroTime = m.name().equals("Deadline") ? Layouts.zero(m.type().results().type(0)) : null;
        Native n = switch (m.name()) {
            case "Done" -> (th, i, r, x, y, xi, yr, resumed) -> {
                r[rr] = Contexts.done(th, Contexts.of(r[rv]));
                return Native.Result.DONE;
            };
            case "Err" -> (th, i, r, x, y, xi, yr, resumed) -> {
                r[rr] = Contexts.err(Contexts.of(r[rv]));
                return Native.Result.DONE;
            };
            case "Deadline" -> (th, i, r, x, y, xi, yr, resumed) -> {
                Contexts.Ctx d = Contexts.deadlineCtx(Contexts.of(r[rv]));
                r[rr] = d == null ? Layouts.copy(zeroTime) : new TimeOps.Instant(d.deadline);
                i[ri] = d == null ? 0 : 1;
                return Native.Result.DONE;
            };
            case "Value" -> (th, i, r, x, y, xi, yr, resumed) -> {
                r[rr] = Contexts.value(Contexts.of(r[rv]), (Values.Iface) r[key]);
                return Native.Result.DONE;
            };
            default -> throw new Unsupported(c.pos(), "context.Context." + m.name());
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }
}
