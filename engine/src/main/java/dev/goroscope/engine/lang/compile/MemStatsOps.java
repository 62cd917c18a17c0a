package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.MemStats;
import java.util.List;

/**
 * {@code runtime.MemStats}: a variable of this type holds the figures the last
 * {@code runtime.ReadMemStats(&m)} wrote into it, by field name. The fields the engine models
 * (heap, stacks, GC counts, the runtime's own memory) carry its real accounting; the others
 * (MSpanInuse, MCacheInuse, pause histories, BySize) read as 0, which the lesson notes say.
 */
final class MemStatsOps {
    private MemStatsOps() {}

    static final List<String> FIELDS = List.of("Alloc", "TotalAlloc", "Sys", "Mallocs", "Frees", "HeapAlloc",
            "HeapSys", "HeapIdle", "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "NextGC",
            "NumGC", "NumForcedGC", "MSpanSys", "MCacheSys", "BuckHashSys", "GCSys", "OtherSys");

    static boolean is(Type t) {
        return t instanceof Named n && "runtime".equals(n.pkg()) && "MemStats".equals(n.name());
    }

    /** A fresh, zeroed MemStats into r[reg]. */
    static void zero(FuncCompiler fc, int reg) {
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            r[y] = new long[FIELDS.size()];
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, reg);
    }

    /** {@code runtime.ReadMemStats(&m)}. */
    static void read(FuncCompiler fc, Expr.Call c) {
        Expr arg = c.args().get(0);
        if (!(arg instanceof Expr.Unary u && u.op() == dev.goroscope.engine.lang.ast.Op.AND)) {
            throw new Unsupported(arg.pos(), "ReadMemStats with anything but &variable");
        }
        int m = fc.exprs.value(u.x());
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            MemStats s = th.machine().runtime().programReadMemStats();
            long[] f = (long[]) r[b];
            long[] v = {s.alloc(), s.totalAlloc(), s.sys(), s.mallocs(), s.frees(), s.heapAlloc(), s.heapSys(),
                    s.heapIdle(), s.heapInuse(), s.heapReleased(), s.heapObjects(), s.stackInuse(), s.stackSys(),
                    s.nextGC(), s.numGC(), s.numForcedGC(), s.mspanSys(), s.mcacheSys(), s.buckHashSys(), s.gcSys(),
                    s.otherSys()};
            System.arraycopy(v, 0, f, 0, v.length);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, m, 0, 0);
    }

    /** {@code m.Field} into a fresh i register. */
    static int field(FuncCompiler fc, Expr.Selector s) {
        int m = fc.exprs.value(s.x());
        int k = FIELDS.indexOf(s.sel().name());
        int res = fc.asm.newInt();
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            i[x] = k < 0 ? 0 : ((long[]) r[b])[k];
            return Native.Result.DONE;
        };
        if (!dev.goroscope.engine.lang.compile.Kinds.scalar(fc.info.typeOf(s))) {
            throw new Unsupported(s.pos(), "the MemStats field " + s.sel().name());
        }
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, m, res, 0);
        return res;
    }
}
