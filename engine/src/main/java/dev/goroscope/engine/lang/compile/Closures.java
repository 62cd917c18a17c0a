package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.Values;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Var;
import dev.goroscope.engine.lang.vm.Code;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Function values. A function literal compiles to its own code (named as gc names it,
 * {@code main.main.func1}); its value is a {@link Values.FuncV} holding the heap boxes of the
 * variables it captures, and, when it captures any, an engine closure object whose pointer
 * fields point at those boxes, so the collector keeps them alive as long as the closure.
 */
final class Closures {
    private final FuncCompiler fc;

    Closures(FuncCompiler fc) {
        this.fc = fc;
    }

    int literal(Expr.FuncLit fl) {
        Signature sig = (Signature) fc.info.typeOf(fl).underlying();
        List<Var> caps = new ArrayList<>();
        for (Var v : fc.info.captures(fl)) {
            if (fc.program.globalSlot(v) == null) {
                caps.add(v);
            }
        }
        String name = fc.closureName();
        java.util.Set<Var> byRef = new java.util.HashSet<>();
        for (Var v : caps) {
            if (fc.boxed.contains(v)) {
                byRef.add(v);
            }
        }
        FuncCompiler inner = new FuncCompiler(fc.program, name, sig.params().vars(), sig.results().vars(), fl.body(),
                caps, byRef);
        Code code = fc.program.finish(inner, fl.body(), Frames.of(name, sig, fl.body(), fc.info,
                fc.program.facts()), sig.params().vars(), new ArrayList<>(sig.results().vars()), caps.size());
        // The closure object: the function pointer, then each capture (a box pointer when
        // captured by reference, else the value itself), as gc lays it out.
        int n0 = caps.size();
        int[] capRegs = new int[n0];
        boolean[] scalar = new boolean[n0];
        boolean[] pointer = new boolean[n0];
        dev.goroscope.engine.lang.types.Type[] types = new dev.goroscope.engine.lang.types.Type[n0];
        long size = 8;
        int nptrs = 0;
        for (int k = 0; k < n0; k++) {
            Var v = caps.get(k);
            capRegs[k] = fc.regs.get(v);
            types[k] = v.type();
            boolean ref = byRef.contains(v);
            scalar[k] = !ref && Kinds.scalar(v.type());
            pointer[k] = ref || Kinds.refersToHeap(v.type());
            size += ref ? 8 : Math.max(dev.goroscope.engine.lang.types.Sizes.sizeof(v.type()), 0);
            nptrs += pointer[k] ? 1 : 0;
        }
        long objSize = size;
        int ptrWords = nptrs;
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Object[] captured = new Object[n0];
            long addr = 0;
            if (n0 > 0) {
                addr = th.machine().runtime().alloc(th.goroutine(), objSize, ptrWords, "func closure");
            }
            int p = 0;
            for (int k = 0; k < n0; k++) {
                captured[k] = scalar[k] ? Layouts.box(i[capRegs[k]], types[k]) : r[capRegs[k]];
                if (pointer[k]) {
                    th.machine().runtime().store(th.goroutine(), addr, p++, HeapOps.addrOfAny(captured[k]));
                }
            }
            r[dst] = new Values.FuncV(code, captured, addr);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        fc.heap.slotStore(fc.newSlot(), dst);
        return dst;
    }

    /** A named function used as a value ({@code f := fib}): no captures, no allocation. */
    int named(Func f) {
        int ref = fc.asm.newRef();
        fc.exprs.vm(Op.LDR, ref, fc.asm.constant(fc.program.codeRef(f)));
        int dst = fc.asm.newRef();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            r[dst] = new Values.FuncV(r[ref], new Object[0], 0);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }
}
