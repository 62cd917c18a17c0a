package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Machine;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.GoRuntime;
import java.util.ArrayDeque;
import java.util.List;

/**
 * {@code sync.Pool} as Go 1.13+ has it: a primary and a victim list. What a pool holds is
 * reachable (through the runtime's {@code allPools}), so it is a root. At every cycle's sweep
 * termination {@code clearpools} drops the victims, makes the primary list the victims and
 * empties the primary list: a pooled object survives one GC and is collected in the second.
 * What the pool allocates for itself (its per-P array, its place in {@code allPools}) the
 * runtime's {@code poolPin} does. Per-P private slots and shared chains are not modelled
 * separately.
 */
final class PoolOps {
    private PoolOps() {}

    /** The run-time state of one pool. */
    static final class Pool {
        Values.FuncV newFn;
        final ArrayDeque<Object> primary = new ArrayDeque<>();
        final ArrayDeque<Object> victim = new ArrayDeque<>();
        boolean hooked;

        void hook(GoRuntime rt) {
            if (hooked) {
                return;
            }
            hooked = true;
            rt.onSweepTermination(() -> {
                for (Object v : victim) {
                    rt.removeRoot(HeapOps.addrOfAny(v));
                }
                victim.clear();
                victim.addAll(primary);
                primary.clear();
            });
        }
    }

    static boolean is(Type t) {
        return t instanceof Named n && "sync".equals(n.pkg()) && "Pool".equals(n.name());
    }

    /** {@code sync.Pool{New: f}} (or the zero Pool) into r[dst]. */
    static int literal(FuncCompiler fc, Expr.CompositeLit cl) {
        int fn = -1;
        for (Expr e : cl.elts()) {
            if (e instanceof Expr.KeyValue kv && kv.key() instanceof Expr.Ident id && id.name().equals("New")) {
                fn = fc.exprs.value(kv.value());
            } else {
                throw new Unsupported(e.pos(), "sync.Pool fields other than New");
            }
        }
        int f = fn;
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Pool p = new Pool();
            p.newFn = f < 0 ? null : (Values.FuncV) r[f];
            r[dst] = p;
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    private static GoRuntime rt(Machine.Thread t) {
        return t.machine().runtime();
    }

    /** {@code p.Get()} and {@code p.Put(x)}; false for other methods. */
    static boolean call(FuncCompiler fc, Func m, Expr recv, List<Expr> args, int resR) {
        int p = fc.exprs.value(recv instanceof Expr.Unary u ? u.x() : recv);
        switch (m.name()) {
            case "Get" -> {
                int dst = resR >= 0 ? resR : fc.asm.newRef();
                int fn = fc.asm.newRef();
                int needNew = fc.asm.newInt();
                Native get = (th, i, r, a, b, x, y, resumed) -> {
                    Pool pool = pool(r[p]);
                    pool.hook(rt(th));
                    rt(th).poolPin(th.goroutine(), pool);
                    Object v = pool.primary.pollLast();
                    if (v == null) {
                        v = pool.victim.pollLast();
                    }
                    if (v != null) {
                        rt(th).removeRoot(HeapOps.addrOfAny(v));
                    }
                    r[dst] = v;
                    r[fn] = pool.newFn;
                    i[needNew] = v == null && pool.newFn != null ? 1 : 0;
                    return Native.Result.DONE;
                };
                fc.exprs.vm(Op.NATIVE, fc.asm.constant(get), 0, 0, 0, 0);
                int done = fc.asm.label();
                fc.asm.jump(Op.JF, needNew, done);
                fc.exprs.vm(Op.CALLV, fn, 0, 0, 0, dst); // New() returns any: one result register
                fc.asm.place(done);
                return true;
            }
            case "Put" -> {
                int v = fc.exprs.value(args.get(0));
                Native put = (th, i, r, a, b, x, y, resumed) -> {
                    Pool pool = pool(r[p]);
                    pool.hook(rt(th));
                    rt(th).poolPin(th.goroutine(), pool);
                    Object o = r[v];
                    if (o != null) {
                        pool.primary.addLast(o);
                        rt(th).addRoot(HeapOps.addrOfAny(o));
                    }
                    return Native.Result.DONE;
                };
                fc.exprs.vm(Op.NATIVE, fc.asm.constant(put), 0, 0, 0, 0);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static Pool pool(Object v) {
        return (Pool) (v instanceof dev.goroscope.engine.lang.vm.HeapBox b ? b.get() : v);
    }
}
