package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.interp.GoString;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.vm.Native;
import dev.goroscope.engine.lang.vm.Op;

/**
 * {@code for k, v := range x} over slices, arrays, strings (runes, decoded from UTF-8), maps,
 * channels (until closed) and, from Go 1.22, integers. The range expression is evaluated once,
 * and its length taken once, as the spec says.
 */
final class Ranges {
    private final FuncCompiler fc;

    Ranges(FuncCompiler fc) {
        this.fc = fc;
    }

    void range(Stmt.Range s) {
        Type xt = fc.info.typeOf(s.x());
        if (Kinds.isChan(xt)) {
            channel(s, xt);
        } else if (Kinds.isMap(xt)) {
            map(s, xt);
        } else if (Kinds.isSlice(xt) || Kinds.scalarArray(xt) || Kinds.isString(xt)) {
            indexed(s, xt);
        } else if (Kinds.scalar(xt) && !Kinds.isFloat(xt) && !Kinds.isBool(xt)) {
            integer(s, xt);
        } else {
            throw new Unsupported(s.pos(), "range over " + xt);
        }
    }

    /**
     * {@code for i := range n} (Go 1.22+; the checker rejects it for older versions with gc's
     * error): n is evaluated once and i counts from 0 while it is below n, compared unsigned
     * when n's type is.
     */
    private void integer(Stmt.Range s, Type xt) {
        ExprCompiler ec = fc.exprs;
        int n = fc.asm.newInt();
        ec.vm(Op.MOVI, n, ec.value(s.x()));
        Counter l = head(n, Kinds.isUnsigned(xt) ? Op.LTU : Op.LT);
        if (wanted(s.key())) {
            new Assigns(fc).store(s.key(), l.i(), s.define());
        }
        fc.loopBody(s.body(), l.end(), l.cont());
        tail(l, -1);
    }

    /**
     * A loop counting {@code i} up from 0 while {@code i cmp bound}: {@code i}, the label at the
     * top, where {@code continue} goes, and the exit.
     */
    private record Counter(int i, int top, int cont, int end) {}

    /** Emits {@code i = 0; top: if !(i cmp bound) goto end}. */
    private Counter head(int bound, int cmp) {
        int i = fc.asm.newInt();
        fc.exprs.vm(Op.LDI, i, fc.asm.constant(0L));
        Counter l = new Counter(i, fc.asm.label(), fc.asm.label(), fc.asm.label());
        fc.asm.place(l.top());
        int c = fc.asm.newInt();
        fc.exprs.vm(cmp, c, i, bound);
        fc.asm.jump(Op.JF, c, l.end());
        return l;
    }

    /** Emits {@code cont: i += step (1 when step < 0); goto top; end:}. */
    private void tail(Counter l, int step) {
        fc.asm.place(l.cont());
        if (step < 0) {
            fc.exprs.vm(Op.ADDK, l.i(), l.i(), 1);
        } else {
            fc.exprs.vm(Op.ADD, l.i(), l.i(), step);
        }
        fc.asm.jump(Op.JMP, 0, l.top());
        fc.asm.place(l.end());
    }

    private boolean wanted(Expr e) {
        return e != null && !(e instanceof Expr.Ident id && id.isBlank());
    }

    private void indexed(Stmt.Range s, Type xt) {
        ExprCompiler ec = fc.exprs;
        int x = fc.asm.newRef();
        ec.vm(Op.MOVR, x, ec.value(s.x()));
        int len = fc.asm.newInt();
        boolean str = Kinds.isString(xt);
        if (Kinds.isSlice(xt)) {
            new SliceOps(fc).lenCap(x, false, len);
        } else if (str) {
            ec.vm(Op.SLEN, len, x);
        } else {
            ec.vm(Op.ALEN, len, x);
        }
        int width = fc.asm.newInt();
        Counter l = head(len, Op.LT);
        int i = l.i();
        int val = -1;
        if (str) {
            val = fc.asm.newInt();
            decodeRune(x, i, val, width);
        }
        if (wanted(s.key())) {
            new Assigns(fc).store(s.key(), i, s.define());
        }
        if (wanted(s.value())) {
            if (!str) {
                val = Kinds.isSlice(xt) ? new SliceOps(fc).index(x, i, SliceOps.elem(xt)) : alload(x, i);
            }
            new Assigns(fc).store(s.value(), val, s.define());
        }
        fc.loopBody(s.body(), l.end(), l.cont());
        tail(l, str ? width : -1);
    }

    private int alload(int arr, int i) {
        int r = fc.asm.newInt();
        fc.exprs.vm(Op.ALOAD, r, arr, i);
        return r;
    }

    /** The rune at byte {@code i} of r[str] into i[rune], its byte count into i[width]. */
    private void decodeRune(int str, int i, int rune, int width) {
        Native n = (th, ii, r, a, b, x, y, resumed) -> {
            GoString s = (GoString) r[str];
            int p = (int) ii[i];
            int b0 = s.byteAt(p);
            int need = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
            int cp = need == 1 ? b0 : need == 2 ? b0 & 0x1F : need == 3 ? b0 & 0x0F : b0 & 0x07;
            boolean ok = need > 0 && p + need <= s.len();
            for (int k = 1; ok && k < need; k++) {
                int bk = s.byteAt(p + k);
                ok = (bk & 0xC0) == 0x80;
                cp = (cp << 6) | (bk & 0x3F);
            }
            ii[rune] = ok ? cp : 0xFFFD;
            ii[width] = ok ? need : 1;
            return Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
    }

    /** Over a map: a snapshot of its keys in a seeded order; each value looked up as it comes. */
    private void map(Stmt.Range s, Type xt) {
        ExprCompiler ec = fc.exprs;
        int m = fc.asm.newRef();
        ec.vm(Op.MOVR, m, ec.value(s.x()));
        MapOps ops = new MapOps(fc);
        int keys = ops.keys(m);
        int len = fc.asm.newInt();
        new SliceOps(fc).lenCap(keys, false, len);
        Counter l = head(len, Op.LT);
        Type kt = MapOps.type(xt).key();
        int k = rawIndex(keys, l.i(), kt);
        if (wanted(s.key())) {
            new Assigns(fc).store(s.key(), k, s.define());
        }
        if (wanted(s.value())) {
            new Assigns(fc).store(s.value(), ops.get(m, k, xt, -1), s.define());
        }
        fc.loopBody(s.body(), l.end(), l.cont());
        tail(l, -1);
    }

    /** Element {@code i} of a key snapshot (keys are the map's own boxed values). */
    private int rawIndex(int keys, int i, Type kt) {
        boolean scalar = Kinds.scalar(kt);
        int dst = scalar ? fc.asm.newInt() : fc.asm.newRef();
        dev.goroscope.engine.lang.vm.Native n = (th, ii, r, a, b, x, y, resumed) -> {
            Object v = ((dev.goroscope.engine.lang.interp.Values.SliceV) r[keys]).get((int) ii[i]);
            if (scalar) {
                ii[dst] = Layouts.unbox(v, kt);
            } else {
                r[dst] = v;
            }
            return dev.goroscope.engine.lang.vm.Native.Result.DONE;
        };
        fc.exprs.vm(Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return dst;
    }

    private void channel(Stmt.Range s, Type xt) {
        Type elem = ChanOps.chanType(xt).elem();
        int top = fc.asm.label();
        int end = fc.asm.label();
        fc.asm.place(top);
        int ok = fc.asm.newInt();
        int v = ChanOps.recv(fc, s.x(), elem, ok);
        fc.asm.jump(Op.JF, ok, end);
        if (wanted(s.key())) {
            new Assigns(fc).store(s.key(), v, s.define());
        }
        fc.loopBody(s.body(), end, top);
        fc.asm.jump(Op.JMP, 0, top);
        fc.asm.place(end);
    }

}
