package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.TypeExpr;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.MapType;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Index and slice expressions, and composite literals (spec, "Index expressions", "Composite literals"). */
abstract class LiteralChecker extends CallChecker {

    LiteralChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    // ---- indexing ----------------------------------------------------------------------

    @Override
    final Operand index(Expr.Index e) {
        Operand x = exprOrType(e.x(), null);
        if (x.invalid()) {
            exprOrType(e.index(), null);
            return Operand.invalid(e);
        }
        if (x.mode == Operand.Mode.TYPEXPR) {
            error(e, "unsupported: generics (" + x.type + " is not a generic type)");
            return Operand.invalid(e);
        }
        x = singleValue(x);
        if (x.invalid()) {
            return x;
        }
        Type u = x.type.underlying();
        if (Types.isString(u)) {
            long len = x.isConst() ? byteLen(x.val.stringValue()) : -1;
            if (x.isUntyped()) {
                updateExprType(x.expr, Basic.STRING);
            }
            indexValue(e.index(), len);
            return new Operand(Operand.Mode.VALUE, Basic.BYTE, null, e);
        }
        if (u instanceof Array) {
            indexValue(e.index(), ((Array) u).len());
            Operand.Mode m = x.mode == Operand.Mode.VARIABLE ? Operand.Mode.VARIABLE : Operand.Mode.VALUE;
            return new Operand(m, ((Array) u).elem(), null, e);
        }
        Array pa = Types.arrayBehindPointer(x.type);
        if (pa != null) {
            indexValue(e.index(), pa.len());
            return new Operand(Operand.Mode.VARIABLE, pa.elem(), null, e);
        }
        if (u instanceof Slice) {
            indexValue(e.index(), -1);
            return new Operand(Operand.Mode.VARIABLE, ((Slice) u).elem(), null, e);
        }
        if (u instanceof MapType) {
            MapType m = (MapType) u;
            Operand k = expr(e.index(), m.key());
            assignment(k, m.key(), "map index");
            return new Operand(Operand.Mode.MAPINDEX, m.elem(), null, e);
        }
        error(x.expr, "invalid operation: cannot index " + x.describe());
        exprOrType(e.index(), null);
        return Operand.invalid(e);
    }

    static long byteLen(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Checks an index (or slice bound): an integer, non-negative if constant, and below
     * {@code max} when that is known (>= 0). Returns the constant value or -1.
     */
    final long indexValue(Expr idx, long max) {
        Operand x = expr(idx, null);
        if (x.invalid()) {
            return -1;
        }
        if (x.isConst() && x.isUntyped()) {
            if (!x.val.isNumeric() || !x.val.isIntegral()) {
                if (x.val.isNumeric()) {
                    error(idx, "invalid argument: index " + x.describe() + " truncated to int");
                } else {
                    error(idx, "invalid argument: index " + x.describe() + " must be integer");
                }
                return -1;
            }
            if (!convertUntyped(x, Basic.INT)) {
                return -1;
            }
        }
        if (!Types.isInteger(x.type)) {
            error(idx, "invalid argument: index " + x.describe() + " must be integer");
            return -1;
        }
        if (!x.isConst()) {
            return -1;
        }
        BigInteger v = x.val.toBigInteger();
        if (v.signum() < 0) {
            error(idx, "invalid argument: index " + x.describe() + " must not be negative");
            return -1;
        }
        if (max >= 0 && v.compareTo(BigInteger.valueOf(max)) >= 0) {
            error(idx, "invalid argument: index " + ExprStrings.of(idx) + " out of bounds [0:" + max + "]");
            return -1;
        }
        return v.bitLength() > 62 ? Long.MAX_VALUE : v.longValue();
    }

    @Override
    final Operand sliceExpr(Expr.SliceExpr e) {
        Operand x = expr(e.x(), null);
        if (x.invalid()) {
            for (Expr b : new Expr[] {e.lo(), e.hi(), e.max()}) {
                if (b != null) {
                    exprOrType(b, null);
                }
            }
            return Operand.invalid(e);
        }
        Type u = x.type.underlying();
        long len = -1;
        Type result;
        if (Types.isString(u)) {
            if (e.full()) {
                error(e, "invalid operation: 3-index slice of string");
                return Operand.invalid(e);
            }
            if (x.isConst()) {
                len = byteLen(x.val.stringValue());
            }
            if (x.isUntyped()) {
                updateExprType(x.expr, Basic.STRING);
                result = Basic.STRING;
            } else {
                result = x.type;
            }
        } else if (u instanceof Array) {
            if (x.mode != Operand.Mode.VARIABLE) {
                error(e, "invalid operation: " + ExprStrings.of(e) + " (slice of unaddressable value)");
                return Operand.invalid(e);
            }
            len = ((Array) u).len();
            result = new Slice(((Array) u).elem());
        } else if (Types.arrayBehindPointer(x.type) != null) {
            Array a = Types.arrayBehindPointer(x.type);
            len = a.len();
            result = new Slice(a.elem());
        } else if (u instanceof Slice) {
            result = x.type;
        } else {
            error(x.expr, "cannot slice " + x.describe());
            return Operand.invalid(e);
        }
        long prev = -1;
        for (Expr b : new Expr[] {e.lo(), e.hi(), e.max()}) {
            if (b == null) {
                continue;
            }
            long v = indexValue(b, len < 0 ? -1 : len + 1);
            if (v >= 0 && prev >= 0 && v < prev) {
                error(b, "invalid slice indices: " + v + " < " + prev);
            }
            if (v >= 0) {
                prev = v;
            }
        }
        return new Operand(Operand.Mode.VALUE, result, null, e);
    }

    // ---- composite literals ------------------------------------------------------------

    @Override
    final Operand compositeLit(Expr.CompositeLit e, Type hint) {
        Type typ;
        Type base;
        if (e.type() != null) {
            if (e.type() instanceof TypeExpr.ArrayType && ((TypeExpr.ArrayType) e.type()).len() == null) {
                TypeExpr.ArrayType at = (TypeExpr.ArrayType) e.type();
                Type elem = typ(at.elem());
                long n = arrayElements(e.elts(), elem, -1);
                typ = new Array(Math.max(n, 0), elem);
                info.types.put(e.type(), typ);
                info.typeExprs.put(e.type(), Boolean.TRUE);
                return new Operand(Operand.Mode.VALUE, typ, null, e);
            }
            typ = typ(e.type());
            base = typ;
        } else if (hint != null) {
            typ = hint;
            base = hint.underlying() instanceof Pointer ? ((Pointer) hint.underlying()).elem() : hint;
        } else {
            error(e, "invalid composite literal type: missing type");
            useElements(e.elts());
            return Operand.invalid(e);
        }
        if (Types.isInvalid(base)) {
            useElements(e.elts());
            return Operand.invalid(e);
        }
        Type u = base.underlying();
        if (u instanceof Struct) {
            structLit(e, base, (Struct) u);
        } else if (u instanceof Array) {
            arrayElements(e.elts(), ((Array) u).elem(), ((Array) u).len());
        } else if (u instanceof Slice) {
            arrayElements(e.elts(), ((Slice) u).elem(), -1);
        } else if (u instanceof MapType) {
            mapLit(e, (MapType) u);
        } else {
            error(e, "invalid composite literal type " + typ);
            useElements(e.elts());
            return Operand.invalid(e);
        }
        return new Operand(Operand.Mode.VALUE, typ, null, e);
    }

    private void useElements(List<Expr> elts) {
        for (Expr x : elts) {
            if (x instanceof Expr.KeyValue) {
                x = ((Expr.KeyValue) x).value();
            }
            if (!(x instanceof Expr.CompositeLit) || ((Expr.CompositeLit) x).type() != null) {
                exprOrType(x, null);
            }
        }
    }

    private void structLit(Expr.CompositeLit e, Type t, Struct s) {
        List<Var> fs = s.fields();
        if (e.elts().isEmpty()) {
            return;
        }
        boolean keyed = e.elts().get(0) instanceof Expr.KeyValue;
        if (keyed) {
            Set<String> seen = new HashSet<>();
            for (Expr el : e.elts()) {
                if (!(el instanceof Expr.KeyValue)) {
                    error(el, "mixture of field:value and value elements in struct literal");
                    continue;
                }
                Expr.KeyValue kv = (Expr.KeyValue) el;
                if (!(kv.key() instanceof Expr.Ident)) {
                    error(kv.key(), "invalid field name " + ExprStrings.of(kv.key()) + " in struct literal");
                    continue;
                }
                Expr.Ident key = (Expr.Ident) kv.key();
                int i = s.indexOf(key.name());
                if (i < 0 || !accessible(fs.get(i))) {
                    error(key, "unknown field " + key.name() + " in struct literal of type " + t);
                    expr(kv.value(), null);
                    continue;
                }
                Var f = fs.get(i);
                info.uses.put(key, f);
                if (!seen.add(key.name())) {
                    error(key, "duplicate field name " + key.name() + " in struct literal");
                }
                Operand x = expr(kv.value(), f.type());
                assignment(x, f.type(), "struct literal");
            }
            return;
        }
        int i = 0;
        for (Expr el : e.elts()) {
            if (el instanceof Expr.KeyValue) {
                error(el, "mixture of field:value and value elements in struct literal");
                continue;
            }
            if (i >= fs.size()) {
                Operand x = expr(el, null);
                if (!x.invalid()) {
                    error(el, "too many values in struct literal of type " + t);
                }
                return;
            }
            Var f = fs.get(i++);
            Operand x = expr(el, f.type());
            if (!accessible(f)) {
                error(el, "implicit assignment to unexported field " + f.name() + " in struct literal of type " + t);
                continue;
            }
            assignment(x, f.type(), "struct literal");
        }
        if (i < fs.size()) {
            error(e.rbrace(), "too few values in struct literal of type " + t);
        }
    }

    private static boolean accessible(Var f) {
        return f.exported() || f.pkg() == null || f.pkg().equals("main");
    }

    /** Checks array/slice elements; returns the literal's length (max index + 1). */
    private long arrayElements(List<Expr> elts, Type elem, long len) {
        long idx = 0;
        long max = 0;
        Set<Long> seen = new HashSet<>();
        for (Expr el : elts) {
            Expr val = el;
            if (el instanceof Expr.KeyValue) {
                Expr.KeyValue kv = (Expr.KeyValue) el;
                Operand k = expr(kv.key(), null);
                val = kv.value();
                if (!k.invalid()) {
                    if (k.isConst() && k.val.isNumeric() && k.val.isIntegral()
                            && (k.isUntyped() || Types.isInteger(k.type))) {
                        BigInteger v = k.val.toBigInteger();
                        if (v.signum() < 0 || v.bitLength() > 62) {
                            error(kv.key(), "index " + ExprStrings.of(kv.key()) + " must be non-negative integer constant");
                        } else {
                            if (k.isUntyped()) {
                                convertUntyped(k, Basic.INT);
                            }
                            idx = v.longValue();
                        }
                    } else {
                        error(kv.key(), "index " + ExprStrings.of(kv.key()) + " must be integer constant");
                    }
                }
            }
            if (len >= 0 && idx >= len) {
                error(val, "index " + idx + " out of bounds [0:" + len + "]");
            } else if (!seen.add(idx)) {
                error(el, "duplicate index " + idx + " in array or slice literal");
            }
            Operand x = expr(val, elem);
            assignment(x, elem, "array or slice literal");
            idx++;
            max = Math.max(max, idx);
        }
        return max;
    }

    private void mapLit(Expr.CompositeLit e, MapType m) {
        Set<Constant> seen = new HashSet<>();
        for (Expr el : e.elts()) {
            if (!(el instanceof Expr.KeyValue)) {
                error(el, "missing key in map literal");
                expr(el, m.elem());
                continue;
            }
            Expr.KeyValue kv = (Expr.KeyValue) el;
            Operand k = expr(kv.key(), m.key());
            if (assignment(k, m.key(), "map literal") && k.isConst() && !Types.isInterface(m.key())) {
                if (!seen.add(k.val)) {
                    error(kv.key(), "duplicate key " + ExprStrings.of(kv.key()) + " in map literal");
                }
            }
            Operand v = expr(kv.value(), m.elem());
            assignment(v, m.elem(), "map literal");
        }
    }
}
