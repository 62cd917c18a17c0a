package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;

/** Fields, struct literals and addresses: the places a program reads and writes through. */
final class Places {
    private final FuncCompiler fc;

    Places(FuncCompiler fc) {
        this.fc = fc;
    }

    private static Expr strip(Expr e) {
        return e instanceof Expr.Paren p ? strip(p.x()) : e;
    }

    /** The moved-to-heap variable an expression names, or null. */
    private Var boxedVar(Expr e) {
        if (strip(e) instanceof Expr.Ident id && fc.info.objectOf(id) instanceof Var v && fc.boxed.contains(v)) {
            return v;
        }
        return null;
    }

    /** Field index of a selector (in the struct that declares the field). */
    private int fieldIndex(Expr.Selector sel) {
        Selection s = fc.info.selectionOf(sel);
        if (s == null || s.kind() != Selection.Kind.FIELD_VAL) {
            throw new Unsupported(sel.pos(), "methods");
        }
        return s.path().get(s.path().size() - 1);
    }

    /**
     * {src register, 1 if reached through a pointer}: the struct holding the field, reached from
     * the selector's root through the embedded fields of a promoted field and through the struct
     * fields of a chain like {@code a.b.c}, without copying: a write lands in the variable or heap
     * object itself ({@link Embedded}).
     */
    private int[] base(Expr.Selector sel) {
        java.util.List<Integer> hops = new java.util.ArrayList<>(pathOf(sel).subList(0, pathOf(sel).size() - 1));
        Expr root = strip(sel.x());
        while (root instanceof Expr.Selector inner && fc.info.selectionOf(inner) != null
                && fc.info.selectionOf(inner).kind() == Selection.Kind.FIELD_VAL
                && Kinds.isStruct(fc.info.typeOf(inner))) {
            hops.addAll(0, pathOf(inner));
            root = strip(inner.x());
        }
        if (hops.isEmpty()) {
            return base(root);
        }
        Var bv = boxedVar(root);
        Type rt = fc.info.typeOf(root);
        int start;
        Type startType;
        if (bv != null && Kinds.isStruct(bv.type())) {
            start = fc.regs.get(bv); // walk from the moved variable's box: the fields are its own
            startType = new dev.goroscope.engine.lang.types.Pointer(rt);
        } else {
            start = fc.exprs.value(root);
            startType = rt;
        }
        Embedded walk = new Embedded(startType, hops);
        int dst = fc.asm.newRef();
        dev.goroscope.engine.lang.vm.Native n = (th, i, r, a, b, xx, y, resumed) -> {
            r[dst] = walk.walk(th, r[start]);
            return dev.goroscope.engine.lang.vm.Native.Result.DONE;
        };
        fc.exprs.vm(dev.goroscope.engine.lang.vm.Op.NATIVE, fc.asm.constant(n), 0, 0, 0, 0);
        return new int[] {dst, walk.yieldsBox() ? 1 : 0};
    }

    private java.util.List<Integer> pathOf(Expr.Selector sel) {
        return fc.info.selectionOf(sel).path();
    }

    /** {src register, 1 if reached through a pointer}. */
    private int[] base(Expr x) {
        Var bv = boxedVar(x);
        if (bv != null && Kinds.isStruct(bv.type())) {
            return new int[] {fc.regs.get(bv), 1}; // the moved struct variable's own box
        }
        boolean viaPtr = Kinds.isPointer(fc.info.typeOf(x));
        return new int[] {fc.exprs.value(x), viaPtr ? 1 : 0};
    }

    int fieldRead(Expr.Selector sel) {
        int k = fieldIndex(sel);
        int[] b = base(sel);
        return fc.heap.field(b[0], b[1] == 1, k, fc.info.typeOf(sel));
    }

    void fieldWrite(Expr.Selector sel, int val) {
        int k = fieldIndex(sel);
        int[] b = base(sel);
        fc.heap.setField(b[0], b[1] == 1, k, fc.info.typeOf(sel), val);
    }

    int structLit(Expr.CompositeLit cl) {
        Type t = fc.info.typeOf(cl);
        if (!(t.underlying() instanceof Struct st)) {
            throw new Unsupported(cl.pos(), "composite literals of type " + t + " (slices and maps come later)");
        }
        int n = st.fields().size();
        int[] regs = new int[n];
        boolean[] scalar = new boolean[n];
        java.util.Arrays.fill(regs, -1);
        for (int k = 0; k < cl.elts().size(); k++) {
            Expr e = cl.elts().get(k);
            int idx = k;
            if (e instanceof Expr.KeyValue kv) {
                idx = st.indexOf(((Expr.Ident) kv.key()).name());
                e = kv.value();
            }
            Type ft = st.fields().get(idx).type();
            scalar[idx] = Kinds.scalar(ft);
            regs[idx] = fc.exprs.value(e);
        }
        return fc.heap.struct(t, regs, scalar);
    }

    int addressOf(Expr.Unary u) {
        Expr x = strip(u.x());
        if (x instanceof Expr.CompositeLit cl && BufferOps.is(fc.info.typeOf(cl))) {
            if (!cl.elts().isEmpty()) {
                throw new Unsupported(cl.pos(), "fields in a " + fc.info.typeOf(cl) + " literal");
            }
            int dst = fc.asm.newRef();
            BufferOps.allocate(fc, fc.info.typeOf(cl), u.pos(), "&", dst);
            return dst;
        }
        if (x instanceof Expr.CompositeLit cl) {
            int v = structLit(cl);
            int dst = fc.asm.newRef();
            fc.heap.newBox(fc.info.typeOf(cl), v, false, dst);
            return dst;
        }
        Var bv = boxedVar(x);
        if (bv != null) {
            return fc.regs.get(bv);
        }
        if (x instanceof Expr.Ident id && fc.info.objectOf(id) instanceof Var gv && fc.program.globalSlot(gv) != null
                && SyncOps.is(gv.type())) {
            return fc.exprs.value(x); // &wg of a package-level WaitGroup: its state is shared, not copied
        }
        throw new Unsupported(u.pos(), "taking the address of this kind of expression");
    }

    /** {@code &x} for a method with a pointer receiver called on an addressable variable. */
    int addressOfVar(Expr x) {
        Var bv = boxedVar(x);
        if (bv != null) {
            return fc.regs.get(bv);
        }
        throw new Unsupported(x.pos(), "calling a pointer method on a variable that is not a pointer"
                + " (declare it with new or &T{})");
    }

    /** Stores into a moved-to-heap variable; true if {@code id} names one. */
    boolean storeBoxed(Expr.Ident id, int val) {
        Obj o = fc.info.objectOf(id);
        if (o instanceof Var v && fc.boxed.contains(v)) {
            fc.heap.write(fc.regs.get(v), v.type(), val);
            return true;
        }
        return false;
    }
}
