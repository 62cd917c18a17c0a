package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.Sizes;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.GoPanic;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;
import dev.goroscope.engine.runtime.ChanResult;
import dev.goroscope.engine.runtime.Channel;
import dev.goroscope.engine.runtime.GoRuntime;
import dev.goroscope.engine.runtime.Goroutine;

/**
 * Channel operations compiled to natives over the runtime's channels: {@code make}, send,
 * receive (with {@code ok}), {@code close}, {@code len}/{@code cap}. A send or receive that
 * blocks parks the goroutine; the native runs again when the goroutine is resumed and takes
 * the result the runtime left in {@link Goroutine#wake()}.
 */
final class ChanOps {
    private ChanOps() {}

    static Chan chanType(Type t) {
        return (Chan) t.underlying();
    }

    /** {@code make(chan T[, n])} into r[res]. */
    static void make(FuncCompiler fc, Expr.Call c, Type t, int res) {
        Chan ch = chanType(t);
        long elemSize = Sizes.sizeof(ch.elem());
        int ptrWords = Sizes.pointerOffsets(ch.elem()).size();
        String elemName = ch.elem().toString();
        int size = c.args().size() > 1 ? fc.exprs.value(c.args().get(1)) : -1;
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            long cap = size < 0 ? 0 : i[a];
            if (cap < 0) {
                throw GoPanic.runtimeError("makechan: size out of range");
            }
            r[y] = rt(th).makechan(th.goroutine(), elemSize, ptrWords, elemName, (int) cap);
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), Math.max(size, 0), 0, 0, res);
    }

    /** {@code ch <- v}; scalar elements travel as their raw bits. */
    static void send(FuncCompiler fc, Expr ch, Expr value) {
        int c = fc.exprs.value(ch);
        Type et = chanType(fc.info.typeOf(ch)).elem();
        boolean scalar = Kinds.scalar(et);
        int v = fc.exprs.value(value);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Goroutine g = th.goroutine();
            ChanResult res;
            if (resumed) {
                res = g.wake();
                g.clearWake();
            } else {
                Object val = scalar ? (Object) i[a] : r[a];
                res = rt(th).chansend(g, (Channel) r[b], new Channel.Elem(val, HeapOps.pointerWords(val, et)));
                if (res.blocked()) {
                    return Native.Result.BLOCKED;
                }
            }
            if (res.panicked()) {
                throw new GoPanic(res.panic(), GoString.of(res.panic()), false);
            }
            return Native.Result.DONE;
        };
        // a: the value (in i or r, by its type), b: the channel.
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), v, c, 0, 0);
    }

    /** {@code <-ch}: the value into a fresh register (and ok, when asked, into i[okReg]). */
    static int recv(FuncCompiler fc, Expr ch, Type elem, int okReg) {
        int c = fc.exprs.value(ch);
        boolean scalar = Kinds.scalar(elem);
        int res = scalar ? fc.asm.newInt() : fc.asm.newRef();
        Object zero = scalar ? null : (Kinds.isString(elem) ? GoString.EMPTY : null);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Goroutine g = th.goroutine();
            ChanResult cr;
            if (resumed) {
                cr = g.wake();
                g.clearWake();
            } else {
                cr = rt(th).chanrecv(g, (Channel) r[b]);
                if (cr.blocked()) {
                    return Native.Result.BLOCKED;
                }
            }
            Object v = cr.received() == null ? null : cr.received().value();
            if (scalar) {
                i[x] = v == null ? 0 : (Long) v;
            } else {
                r[y] = v == null ? zero : v;
            }
            if (okReg >= 0) {
                i[okReg] = cr.ok() ? 1 : 0;
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, c, scalar ? res : 0, scalar ? 0 : res);
        return res;
    }

    /** {@code close(ch)}. */
    static void close(FuncCompiler fc, Expr ch) {
        int c = fc.exprs.value(ch);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            String p = rt(th).closechan(th.goroutine(), (Channel) r[b]);
            if (p != null) {
                throw new GoPanic(p, GoString.of(p), false);
            }
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, c, 0, 0);
    }

    /** {@code len(ch)} or {@code cap(ch)} into i[res]. */
    static void lenCap(FuncCompiler fc, Expr ch, boolean cap, int res) {
        int c = fc.exprs.value(ch);
        Native n = (th, i, r, a, b, x, y, resumed) -> {
            Channel k = (Channel) r[b];
            i[x] = k == null ? 0 : cap ? k.cap() : k.len();
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, c, res, 0);
    }

    private static GoRuntime rt(dev.goroscope.engine.lang.vm.Machine.Thread t) {
        return t.machine().runtime();
    }

}
