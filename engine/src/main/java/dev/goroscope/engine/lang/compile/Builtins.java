package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Builtin functions: {@code len}, {@code cap}, {@code make}, {@code new}, {@code append}, {@code copy},
 * {@code close}, {@code delete}, and {@code print}/{@code println} (to stderr, Go's format).
 */
final class Builtins {
    private Builtins() {}

    static void emit(FuncCompiler fc, Builtin b, Expr.Call c, int resI, int resR) {
        ExprCompiler ec = fc.exprs;
        switch (b.kind()) {
            case LEN -> {
                Expr x = c.args().get(0);
                Type t = fc.info.typeOf(x);
                int v = ec.value(x);
                int r = resI >= 0 ? resI : fc.asm.newInt();
                if (Kinds.isMap(t)) {
                    new MapOps(fc).len(v, r);
                } else if (Kinds.isSlice(t)) {
                    new SliceOps(fc).lenCap(v, false, r);
                } else if (Kinds.isChan(t)) {
                    ChanOps.lenCap(fc, x, false, r);
                } else if (Kinds.isString(t)) {
                    ec.vm(Op.SLEN, r, v);
                } else if (Kinds.scalarArray(t)) {
                    ec.vm(Op.ALEN, r, v);
                } else {
                    throw new Unsupported(c.pos(), "len of " + t);
                }
            }
            case PRINT, PRINTLN -> {
                Natives.Placed p = Natives.evalArgs(fc, c.args());
                ec.vm(Op.NATIVE, fc.asm.constant(new PrintBuiltin(p.args(), b.kind() == Builtin.Kind.PRINTLN)),
                        p.baseI(), p.baseR(), 0, 0);
            }
            case CAP -> {
                Expr x = c.args().get(0);
                int r = resI >= 0 ? resI : fc.asm.newInt();
                if (Kinds.isSlice(fc.info.typeOf(x))) {
                    new SliceOps(fc).lenCap(ec.value(x), true, r);
                } else if (Kinds.isChan(fc.info.typeOf(x))) {
                    ChanOps.lenCap(fc, x, true, r);
                } else if (Kinds.scalarArray(fc.info.typeOf(x))) {
                    ec.vm(Op.ALEN, r, ec.value(x));
                } else {
                    throw new Unsupported(c.pos(), "cap of " + fc.info.typeOf(x));
                }
            }
            case MAKE -> {
                Type t = fc.info.typeOf(c);
                int dst = resR >= 0 ? resR : fc.asm.newRef();
                if (Kinds.isSlice(t)) {
                    int len = ec.value(c.args().get(1));
                    int cap = c.args().size() > 2 ? ec.value(c.args().get(2)) : -1;
                    new SliceOps(fc).make(t, len, cap, dst);
                } else if (Kinds.isChan(t)) {
                    ChanOps.make(fc, c, t, dst);
                } else {
                    new MapOps(fc).make(t, c.args().size() > 1 ? ec.value(c.args().get(1)) : -1, dst);
                }
            }
            case NEW -> {
                Type t = ((dev.goroscope.engine.lang.types.Pointer) fc.info.typeOf(c).underlying()).elem();
                int dst = resR >= 0 ? resR : fc.asm.newRef();
                if (BufferOps.is(t)) {
                    BufferOps.allocate(fc, t, c.lparen(), "new(", dst,
                            fc.program.facts() == null && Escapes.onlyReceiver(fc.body, fc.info, c));
                } else {
                    fc.heap.newBox(t, -1, false, dst);
                }
            }
            case CLOSE -> ChanOps.close(fc, c.args().get(0));
            case DELETE -> {
                Expr m = c.args().get(0);
                new MapOps(fc).delete(ec.value(m), ec.value(c.args().get(1)), fc.info.typeOf(m));
            }
            case APPEND -> {
                Type st = fc.info.typeOf(c);
                Type et = SliceOps.elem(st);
                if (c.hasEllipsis()) {
                    throw new Unsupported(c.pos(), "append(s, t...)");
                }
                int s0 = ec.value(c.args().get(0));
                int[] regs = new int[c.args().size() - 1];
                boolean[] scalar = new boolean[regs.length];
                for (int k = 0; k < regs.length; k++) {
                    regs[k] = ec.value(c.args().get(k + 1));
                    scalar[k] = Kinds.scalar(et);
                }
                new SliceOps(fc).append(s0, et, regs, scalar, resR >= 0 ? resR : fc.asm.newRef());
            }
            case COPY -> {
                Type st = fc.info.typeOf(c.args().get(0));
                if (!Kinds.isSlice(fc.info.typeOf(c.args().get(1)))) {
                    throw new Unsupported(c.pos(), "copy from a string");
                }
                new SliceOps(fc).copy(ec.value(c.args().get(0)), ec.value(c.args().get(1)), SliceOps.elem(st),
                        resI >= 0 ? resI : fc.asm.newInt());
            }
            case PANIC -> PanicOps.panic(fc, c);
            case RECOVER -> PanicOps.recover(fc, resR >= 0 ? resR : fc.asm.newRef());
            default -> throw new Unsupported(c.pos(), "the builtin " + b.kind().goName() + " (not yet)");
        }
    }

    /** The runtime's {@code print}: no spaces for print, spaces and a newline for println. */
    record PrintBuiltin(List<Natives.Arg> args, boolean ln) implements dev.goroscope.engine.lang.vm.Native {
        @Override
        public Result call(dev.goroscope.engine.lang.vm.Machine.Thread t, long[] i, Object[] r, int argI, int argR,
                           int resI, int resR, boolean resumed) {
            StringBuilder sb = new StringBuilder();
            List<String> parts = new ArrayList<>();
            for (Natives.Arg a : args) {
                parts.add(a.printForm(i, r, argI, argR));
            }
            sb.append(String.join(ln ? " " : "", parts));
            if (ln) {
                sb.append('\n');
            }
            t.machine().print(t, sb.toString(), true);
            return Result.DONE;
        }
    }
}
