package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.HeapBox;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.SyncState;
import java.util.List;

/**
 * {@code sync.WaitGroup}, {@code sync.Mutex} and {@code sync.RWMutex}: a variable of one of these
 * types holds the runtime's {@link SyncState} (in a heap box when its address is taken, as with
 * {@code wg *sync.WaitGroup} parameters), and its methods are natives over the runtime's
 * semaphores, parking and resuming the goroutine as the real ones do.
 */
final class SyncOps {
    private SyncOps() {}

    static SyncState.Kind kind(Type t) {
        if (t instanceof Named n && "sync".equals(n.pkg())) {
            switch (n.name()) {
                case "WaitGroup":
                    return SyncState.Kind.WAITGROUP;
                case "Mutex":
                    return SyncState.Kind.MUTEX;
                case "RWMutex":
                    return SyncState.Kind.RWMUTEX;
                case "Once":
                    return SyncState.Kind.ONCE;
                default:
                    return null;
            }
        }
        return null;
    }

    static boolean is(Type t) {
        return kind(t) != null;
    }

    private static SyncState state(Object v) {
        if (v == null) {
            throw GoPanic.runtimeError("invalid memory address or nil pointer dereference");
        }
        return (SyncState) (v instanceof HeapBox b ? b.get() : v);
    }

    /** A method call on a sync value or pointer. */
    static void call(FuncCompiler fc, Func m, Expr recv, List<Expr> args) {
        int rreg = recvRegister(fc, recv);
        if (m.name().equals("Do")) {
            once(fc, rreg, fc.exprs.value(args.get(0)));
            return;
        }
        int arg = args.isEmpty() ? -1 : fc.exprs.value(args.get(0));
        String name = m.name();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            GoRuntime rt = th.machine().runtime();
            SyncState s = state(r[rreg]);
            switch (name) {
                case "Add", "Done" -> {
                    String p = rt.wgAdd(th.goroutine(), s, name.equals("Done") ? -1 : i[arg]);
                    if (p != null) {
                        throw new GoPanic(p, GoString.of(p), false);
                    }
                    return Native.Result.DONE;
                }
                case "Wait" -> {
                    return resumed || rt.wgWait(th.goroutine(), s) ? Native.Result.DONE : Native.Result.BLOCKED;
                }
                case "Lock" -> {
                    return resumed || rt.lock(th.goroutine(), s) ? Native.Result.DONE : Native.Result.BLOCKED;
                }
                case "RLock" -> {
                    return resumed || rt.rlock(th.goroutine(), s) ? Native.Result.DONE : Native.Result.BLOCKED;
                }
                case "Unlock" -> {
                    rt.unlock(th.goroutine(), s);
                    return Native.Result.DONE;
                }
                case "RUnlock" -> {
                    rt.runlock(th.goroutine(), s);
                    return Native.Result.DONE;
                }
                default -> throw new IllegalStateException("sync method " + name);
            }
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /**
     * {@code once.Do(f)}: the fast path returns when done; otherwise the Once's mutex is taken
     * (a second caller parks on it until the first one's f has returned), done is checked again,
     * f runs, done is set and the mutex released, as in {@code Once.doSlow}.
     */
    private static void once(FuncCompiler fc, int rreg, int fn) {
        int run = fc.asm.newInt();
        Native begin = (th, i, r, a, b, x, y, resumed) -> {
            GoRuntime rt = th.machine().runtime();
            SyncState s = state(r[rreg]);
            if (!resumed) {
                if (s.done()) {
                    i[run] = 0;
                    return Native.Result.DONE;
                }
                if (!rt.lock(th.goroutine(), s)) {
                    return Native.Result.BLOCKED;
                }
            }
            if (s.done()) {
                rt.unlock(th.goroutine(), s);
                i[run] = 0;
            } else {
                i[run] = 1;
            }
            return Native.Result.DONE;
        };
        Native end = (th, i, r, a, b, x, y, resumed) -> {
            SyncState s = state(r[rreg]);
            s.markDone();
            th.machine().runtime().unlock(th.goroutine(), s);
            return Native.Result.DONE;
        };
        int skip = fc.asm.label();
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(begin), 0, 0, 0, 0);
        fc.asm.jump(Op.JF, run, skip);
        fc.exprs.vm(Op.CALLV, fn, 0, 0, 0, 0);
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(end), 0, 0, 0, 0);
        fc.asm.place(skip);
    }

    /** The register holding the receiver: the variable's own (its box, if moved), or a pointer's value. */
    private static int recvRegister(FuncCompiler fc, Expr recv) {
        Expr x = recv instanceof Expr.Paren p ? p.x() : recv;
        if (x instanceof Expr.Ident id && fc.info.objectOf(id) instanceof dev.goroscope.engine.lang.types.Var v) {
            Integer reg = fc.regs.get(v);
            if (reg != null) {
                return reg; // the SyncState itself, or its heap box
            }
        }
        return fc.exprs.value(recv);
    }
}
