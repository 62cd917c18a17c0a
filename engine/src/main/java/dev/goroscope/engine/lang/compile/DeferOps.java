package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.check.Info;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.Defers;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.FuncInfo;
import dev.goroscope.engine.runtime.GoRuntime;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code defer} statement, compiled as gc 1.19 compiles it.
 *
 * <p>Since Go 1.17 a deferred call always has the form {@code fn()}: escape analysis
 * ({@code goDeferStmt}) rewrites {@code defer f(x, y)} into {@code x1, y1 := x, y;
 * defer func() { f(x1, y1) }()}. The operands (function value, receiver, arguments) are
 * evaluated at the defer statement; the wrapper, a closure named like the function's literals
 * and numbered after them ({@code main.f.func3}), makes the call when the deferred calls run.
 * A call of a {@code func()} (a literal, a value, a named function) needs no wrapper. The
 * wrapper here is a function whose parameters are those operands: its body is the original call
 * expression, compiled with each operand read from its parameter.
 *
 * <p>Where the state lives follows gc ({@code walk/stmt.go}, {@code ssagen/ssa.go}): with at most
 * 8 defers, none in a loop, and at most 15 return-times-defer exits, the defers are open-coded
 * (the frame holds them; gc's frame size already counts it); otherwise a defer outside a loop has
 * a {@code _defer} record in the frame, and one in a loop a heap record ({@code newdefer}) plus
 * its wrapper closure on the heap. Operands that point into the heap are kept in frame slots, or
 * in the heap closure, so the collector sees them until the call runs.
 */
final class DeferOps {
    /** gc's limit on open-coded defers: one byte of deferBits. */
    private static final int MAX_OPEN_DEFERS = 8;
    /** gc gives up open coding when returns times defers exceed this. */
    private static final int MAX_OPEN_EXITS = 15;

    /** What gc decides about a function's defers before compiling its body. */
    static final class Plan {
        final int defers;
        final boolean openCoded;
        /** Defer statements inside a loop. */
        final Set<Stmt> inLoop;
        /** Function literals of the function itself (not nested ones): wrappers are numbered after them. */
        final int literals;
        /** The wrapper number of each go or defer statement that gets a wrapper. */
        final Map<Stmt, Integer> wrappers;
        final Defers.Exit exit = new Defers.Exit();

        Plan(int defers, boolean openCoded, Set<Stmt> inLoop, int literals, Map<Stmt, Integer> wrappers) {
            this.defers = defers;
            this.openCoded = openCoded;
            this.inLoop = inLoop;
            this.literals = literals;
            this.wrappers = wrappers;
        }

        boolean any() {
            return defers > 0;
        }
    }

    static final Plan NONE = new Plan(0, false, Set.of(), 0, Map.of());

    /** Scans a body (not its function literals' bodies) for defers, loops, returns and literals. */
    static Plan plan(Stmt.Block body, Info info) {
        if (body == null) {
            return NONE;
        }
        Scan s = new Scan(info);
        s.node(body, 0);
        if (s.defers == 0) {
            return new Plan(0, false, Set.of(), s.literals, s.wrappers);
        }
        boolean open = s.defers <= MAX_OPEN_DEFERS && s.inLoop.isEmpty() && s.returns * s.defers <= MAX_OPEN_EXITS;
        return new Plan(s.defers, open, s.inLoop, s.literals, s.wrappers);
    }

    private static final class Scan {
        final Info info;
        int defers;
        int returns;
        int literals;
        int wrapperCount;
        final Set<Stmt> inLoop = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<Stmt, Integer> wrappers = new IdentityHashMap<>();

        Scan(Info info) {
            this.info = info;
        }

        void node(Object n, int loops) {
            if (n instanceof Expr.FuncLit) {
                literals++;
                return;
            }
            if (n instanceof Stmt.Return) {
                returns++;
            }
            if (n instanceof Stmt.Defer d) {
                defers++;
                if (loops > 0) {
                    inLoop.add(d);
                }
            }
            Expr.Call call = n instanceof Stmt.Defer d ? d.call() : n instanceof Stmt.Go g ? g.call() : null;
            if (call != null && needsWrapper(call, info)) {
                wrappers.put((Stmt) n, ++wrapperCount);
            }
            int inner = n instanceof Stmt.For || n instanceof Stmt.Range ? loops + 1 : loops;
            for (Object c : children(n)) {
                node(c, inner);
            }
        }
    }

    /** The syntax nodes directly inside {@code n}, in source order (its record components). */
    private static List<Object> children(Object n) {
        RecordComponent[] rc = n.getClass().getRecordComponents();
        if (rc == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (RecordComponent c : rc) {
            Object v;
            try {
                v = c.getAccessor().invoke(n);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof Node) {
                out.add(v);
            } else if (v instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof Node) {
                        out.add(o);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether gc wraps the call of a go or defer statement: anything but a call of a function
     * with no parameters and no results (methods count their receiver as a parameter).
     */
    static boolean needsWrapper(Expr.Call c, Info info) {
        if (info.builtinOf(c) != null || info.isType(c.fun())) {
            return true;
        }
        Expr fun = unparen(c.fun());
        if (fun instanceof Expr.Selector sel) {
            Selection s = info.selectionOf(sel);
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL) {
                return true;
            }
        }
        return !(info.typeOf(c.fun()).underlying() instanceof Signature sig)
                || sig.params().size() + sig.results().size() > 0;
    }

    private static Expr unparen(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.x();
        }
        return e;
    }

    private final FuncCompiler fc;

    DeferOps(FuncCompiler fc) {
        this.fc = fc;
    }

    /** An operand of the deferred call, evaluated at the defer statement into {@code reg}. */
    private record Operand(Expr key, Type type, int reg, boolean shared) {}

    void defer(Stmt.Defer d) {
        Plan plan = fc.deferPlan;
        Expr.Call c = d.call();
        Defers.Kind kind = plan.openCoded ? Defers.Kind.OPEN_CODED
                : plan.inLoop.contains(d) ? Defers.Kind.HEAP : Defers.Kind.STACK;
        Integer number = plan.wrappers.get(d);
        Func callee = fc.info.builtinOf(c) == null ? new Calls(fc).callee(c.fun()) : null;
        if (number == null && (callee == null || !callee.isStd())) {
            // defer f() / defer fv(): the func() value itself is deferred.
            int fv = callee != null ? new Closures(fc).named(callee) : fc.exprs.value(c.fun());
            push(new Defers.Site(null, false, kind, plan.exit),
                    List.of(new Operand(c.fun(), fc.info.typeOf(c.fun()), fv, false)));
            return;
        }
        List<Operand> ops = operands(c, callee);
        // A library function without parameters has no gc wrapper: it is deferred directly (and,
        // being a native here, pushes no frame of its own).
        String name = number != null ? wrapperName(plan.literals + number) : callee.fullName();
        Code wrapper = wrapper(c, ops, name, number != null);
        push(new Defers.Site(wrapper, number != null, kind, plan.exit), ops);
    }

    /** gc's name for the n-th closure of this function: {@code main.f.func3}, {@code main.f.func1.2}. */
    private String wrapperName(int n) {
        return fc.name.matches(".*\\.func\\d+(\\.\\d+)*") ? fc.name + "." + n : fc.name + ".func" + n;
    }

    /** Evaluates the call's operands in order: function value or receiver, then the arguments. */
    private List<Operand> operands(Expr.Call c, Func callee) {
        List<Operand> out = new ArrayList<>();
        if (fc.info.builtinOf(c) == null) {
            Expr fun = unparen(c.fun());
            Selection s = fun instanceof Expr.Selector sel ? fc.info.selectionOf(sel) : null;
            if (s != null && s.kind() == Selection.Kind.METHOD_VAL) {
                out.add(receiver((Expr.Selector) fun, s));
            } else if (callee == null) {
                out.add(new Operand(c.fun(), fc.info.typeOf(c.fun()), fc.exprs.value(c.fun()), false));
            }
        }
        for (Expr a : c.args()) {
            if (fc.info.valueOf(a) != null || unparen(a) instanceof Expr.Ident id
                    && fc.info.objectOf(id) instanceof dev.goroscope.engine.lang.types.Nil) {
                continue; // constants stay in the wrapper, as gc leaves literals there
            }
            Type target = fc.info.implicitTarget(a);
            Type t = target != null && Kinds.isIface(target) && !Kinds.isIface(fc.info.typeOf(a))
                    ? target : fc.info.typeOf(a);
            out.add(new Operand(a, t, fc.exprs.value(a), false));
        }
        return out;
    }

    /**
     * The receiver of a deferred method call, as the call would compute it: the variable's address
     * for a pointer method on an addressable value, a copy for a value method.
     */
    private Operand receiver(Expr.Selector sel, Selection s) {
        Func m = (Func) s.obj();
        Expr x = sel.x();
        Type xt = fc.info.typeOf(x);
        if (!m.isStd() && !Kinds.isIface(xt)) {
            Type rt = m.type().recv().type();
            int v = s.addrRecv() ? new Places(fc).addressOfVar(x)
                    : s.derefRecv() ? fc.heap.read(fc.exprs.value(x), rt) : fc.exprs.value(x);
            return new Operand(sel, rt, v, false);
        }
        Type named = xt.underlying() instanceof dev.goroscope.engine.lang.types.Pointer p ? p.elem() : xt;
        Expr key = PoolOps.is(named) && x instanceof Expr.Unary u ? u.x() : x; // as PoolOps reads it
        if (SyncOps.is(named) && unparen(key) instanceof Expr.Ident id && fc.info.objectOf(id) instanceof Var v
                && fc.regs.get(v) != null) {
            // sync values are shared by reference: the variable's own state (or heap box).
            return new Operand(key, fc.info.typeOf(key), fc.regs.get(v), true);
        }
        return new Operand(key, fc.info.typeOf(key), fc.exprs.value(key), SyncOps.is(named) || PoolOps.is(named));
    }

    /** Compiles the wrapper: the call, with each operand read from the wrapper's parameters. */
    private Code wrapper(Expr.Call c, List<Operand> ops, String name, boolean gcWrapper) {
        List<Var> params = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            params.add(new Var("~p" + k, ops.get(k).type(), ops.get(k).key().pos(), null, Var.Kind.PARAM, false, null));
        }
        Stmt.Block body = new Stmt.Block(c.pos(), List.of(new Stmt.ExprStmt(c.pos(), c)), c.pos());
        FuncCompiler w = new FuncCompiler(fc.program, name, params, List.of(), body);
        Map<Expr, Integer> preset = new IdentityHashMap<>();
        for (int k = 0; k < ops.size(); k++) {
            preset.put(ops.get(k).key(), w.regs.get(params.get(k)));
        }
        w.preset = preset;
        FuncInfo frame = gcWrapper ? Frames.of(name, Signature.EMPTY, body, fc.info, fc.program.facts()) : null;
        return fc.program.finish(w, body, frame, params, new ArrayList<>(), 0);
    }

    /**
     * Moves the operands into consecutive registers of each file and emits the native that hangs
     * the deferred call on the running frame.
     */
    private void push(Defers.Site site, List<Operand> ops) {
        var asm = fc.asm;
        int baseI = asm.ints();
        int baseR = asm.refs();
        int nI = 0;
        int nR = 0;
        long closureSize = 8; // the wrapper closure: its code pointer, then the captured operands
        int nptrs = 0;
        List<Integer> refRegs = new ArrayList<>();
        for (Operand o : ops) {
            if (Kinds.scalar(o.type())) {
                fc.exprs.vm(Op.MOVI, asm.newInt(), o.reg());
                nI++;
            } else {
                int reg = asm.newRef();
                fc.exprs.vm(o.shared() ? Op.MOVR : Kinds.move(o.type()), reg, o.reg());
                refRegs.add(reg);
                nR++;
                nptrs++;
            }
            closureSize += Math.max(dev.goroscope.engine.lang.types.Sizes.sizeof(o.type()), 8);
        }
        boolean heap = site.kind() == Defers.Kind.HEAP;
        if (!heap) {
            for (int reg : refRegs) {
                fc.heap.slotStore(fc.newSlot(), reg); // the frame keeps the operands alive
            }
        }
        int ni = nI;
        int nr = nR;
        long size = closureSize;
        int ptrs = nptrs;
        boolean captures = !ops.isEmpty();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            long[] ints = Arrays.copyOfRange(i, baseI, baseI + ni);
            Object[] refs = Arrays.copyOfRange(r, baseR, baseR + nr);
            long record = 0;
            if (heap) {
                GoRuntime rt = th.machine().runtime();
                record = Defers.newdefer(th);
                long fn = 0;
                if (site.wrapper() == null) {
                    fn = HeapOps.addrOfAny(refs[0]); // the func literal's closure
                } else if (captures) {
                    fn = rt.alloc(th.goroutine(), size, ptrs, "func closure"); // the wrapper escapes
                    int p = 0;
                    for (Object o : refs) {
                        long addr = HeapOps.addrOfAny(o);
                        if (addr != 0) {
                            rt.store(th.goroutine(), fn, p, addr);
                        }
                        p++;
                    }
                }
                if (fn != 0) {
                    rt.store(th.goroutine(), record, 0, fn);
                }
            }
            Defers.defer(th, site, ints, refs, record);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, asm.constant(n), 0, 0, 0, 0);
    }

    /**
     * The start of a function's exit sequence: its deferred calls run here. The first one is
     * also where the function resumes when one of its deferred calls recovers a panic.
     */
    static void exit(FuncCompiler fc) {
        if (fc.deferPlan.exit.pc < 0) {
            fc.deferPlan.exit.pc = fc.asm.pc();
        }
        fc.exprs.vm(Op.DEFERRETURN, 0);
    }
}
