package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Field;
import dev.goroscope.engine.lang.ast.TypeExpr;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.MapType;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Representable;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Type expressions to {@link Type}s (spec, "Types"). */
abstract class TypeResolver extends CheckerBase {

    /** Checks deferred until every declared type is complete (map keys, recursion). */
    final List<Runnable> later = new ArrayList<>();

    TypeResolver(dev.goroscope.engine.lang.ast.SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** Evaluates an expression that may denote a value or a type (identifiers, selectors). */
    abstract Operand exprOrType(Expr e, Type hint);

    /** Evaluates a value expression. */
    abstract Operand expr(Expr e, Type hint);

    /** The type an expression denotes, or {@link Basic#INVALID} after reporting why not. */
    final Type typ(Expr e) {
        enter(e);
        try {
            Type t = typInternal(e);
            info.types.put(e, t);
            info.typeExprs.put(e, Boolean.TRUE);
            return t;
        } finally {
            leave();
        }
    }

    private Type typInternal(Expr e) {
        if (e instanceof Expr.Paren) {
            return typ(((Expr.Paren) e).x());
        }
        if (e instanceof Expr.Star) {
            return new Pointer(typ(((Expr.Star) e).x()));
        }
        if (e instanceof TypeExpr.ArrayType) {
            TypeExpr.ArrayType a = (TypeExpr.ArrayType) e;
            if (a.len() == null) {
                error(a, "invalid use of [...] array (outside a composite literal)");
                typ(a.elem());
                return Basic.INVALID;
            }
            long n = arrayLength(a.len());
            Type elem = typ(a.elem());
            return n < 0 ? Basic.INVALID : new Array(n, elem);
        }
        if (e instanceof TypeExpr.SliceType) {
            return new Slice(typ(((TypeExpr.SliceType) e).elem()));
        }
        if (e instanceof TypeExpr.MapType) {
            TypeExpr.MapType m = (TypeExpr.MapType) e;
            Type k = typ(m.key());
            Type v = typ(m.value());
            later.add(() -> {
                if (!Types.isInvalid(k) && !Types.comparable(k)) {
                    error(m.key(), "invalid map key type " + k);
                }
            });
            return new MapType(k, v);
        }
        if (e instanceof TypeExpr.ChanType) {
            TypeExpr.ChanType c = (TypeExpr.ChanType) e;
            Chan.Dir d = c.dir() == TypeExpr.ChanDir.SEND ? Chan.Dir.SEND
                    : c.dir() == TypeExpr.ChanDir.RECV ? Chan.Dir.RECV : Chan.Dir.BOTH;
            return new Chan(d, typ(c.value()));
        }
        if (e instanceof TypeExpr.FuncType) {
            return signature((TypeExpr.FuncType) e, null);
        }
        if (e instanceof TypeExpr.StructType) {
            return struct((TypeExpr.StructType) e);
        }
        if (e instanceof TypeExpr.InterfaceType) {
            return iface((TypeExpr.InterfaceType) e);
        }
        Operand x = exprOrType(e, null);
        if (x.mode == Operand.Mode.TYPEXPR) {
            return x.type;
        }
        if (!x.invalid()) {
            if (x.mode == Operand.Mode.NOVALUE) {
                error(e, x.describe() + " used as type");
            } else {
                error(e, ExprStrings.of(e) + " is not a type");
            }
        }
        return Basic.INVALID;
    }

    /** A constant, non-negative array length, or -1 after reporting an error. */
    final long arrayLength(Expr e) {
        Operand x = expr(e, null);
        if (x.invalid()) {
            return -1;
        }
        if (!x.isConst()) {
            error(e, "array length " + x.describe() + " must be constant");
            return -1;
        }
        if (x.isUntyped() || Types.isInteger(x.type)) {
            Representable.Result r = Representable.check(x.val, Basic.INT);
            if (r.ok()) {
                if (x.isUntyped()) {
                    updateExprType(e, Basic.INT);
                }
                BigInteger n = r.value().toBigInteger();
                if (n.signum() >= 0) {
                    return n.longValueExact();
                }
            }
        }
        if (Types.isInteger(x.type) || (x.isUntyped() && x.val.isNumeric())) {
            error(e, "invalid array length " + ExprStrings.of(e));
        } else {
            error(e, "array length " + x.describe() + " must be integer");
        }
        return -1;
    }

    /** A function type; {@code recv} (for methods) is resolved by the caller. */
    final Signature signature(TypeExpr.FuncType ft, Var recv) {
        List<Var> params = new ArrayList<>();
        boolean variadic = false;
        List<Field> ps = ft.params();
        for (int i = 0; i < ps.size(); i++) {
            Field f = ps.get(i);
            Type t = typ(f.type());
            if (f.variadic()) {
                if (i != ps.size() - 1 || f.names().size() > 1) {
                    error(f.type(), "can only use ... with final parameter in list");
                } else {
                    variadic = true;
                }
                t = new Slice(t);
            }
            addVars(params, f, t, Var.Kind.PARAM);
        }
        List<Var> results = new ArrayList<>();
        for (Field f : ft.results()) {
            if (f.variadic()) {
                error(f.type(), "can only use ... with final parameter in list");
            }
            addVars(results, f, typ(f.type()), Var.Kind.RESULT);
        }
        return new Signature(recv, new Tuple(params), new Tuple(results), variadic);
    }

    private void addVars(List<Var> out, Field f, Type t, Var.Kind kind) {
        if (f.names().isEmpty()) {
            out.add(new Var("", t, f.pos(), "main", kind, false, null));
            return;
        }
        for (Expr.Ident id : f.names()) {
            Var v = new Var(id.name(), t, id.pos(), "main", kind, false, null);
            info.defs.put(id, v);
            out.add(v);
        }
    }

    private Type struct(TypeExpr.StructType st) {
        List<Var> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Field f : st.fields()) {
            Type t = typ(f.type());
            String tag = f.tag() == null ? null : f.tag().value();
            if (f.isEmbedded()) {
                Expr.Ident id = embeddedName(f.type());
                String name = id == null ? "_" : id.name();
                Type u = t instanceof Pointer ? ((Pointer) t).elem() : t;
                if (!Types.isInvalid(t) && t instanceof Pointer && (u.underlying() instanceof Pointer
                        || u.underlying() instanceof Interface)) {
                    error(f.type(), "embedded field type cannot be a pointer to an interface");
                }
                Var v = Var.field(name, t, true, tag, f.pos(), "main");
                if (!names.add(name)) {
                    error(f.type(), name + " redeclared");
                }
                fields.add(v);
            } else {
                for (Expr.Ident id : f.names()) {
                    Var v = Var.field(id.name(), t, false, tag, id.pos(), "main");
                    info.defs.put(id, v);
                    if (!id.isBlank() && !names.add(id.name())) {
                        error(id, id.name() + " redeclared");
                    }
                    fields.add(v);
                }
            }
        }
        return new Struct(fields);
    }

    /** T, *T, p.T, *p.T: the identifier naming an embedded field. */
    static Expr.Ident embeddedName(Expr e) {
        if (e instanceof Expr.Star) {
            return embeddedName(((Expr.Star) e).x());
        }
        if (e instanceof Expr.Paren) {
            return embeddedName(((Expr.Paren) e).x());
        }
        if (e instanceof Expr.Ident) {
            return (Expr.Ident) e;
        }
        if (e instanceof Expr.Selector) {
            return ((Expr.Selector) e).sel();
        }
        return null;
    }

    private Type iface(TypeExpr.InterfaceType it) {
        List<Func> methods = new ArrayList<>();
        List<Type> embeddeds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Field f : it.methods()) {
            if (f.isEmbedded()) {
                Type t = typ(f.type());
                if (!Types.isInvalid(t)) {
                    later.add(() -> {
                        if (!Types.isInvalid(t) && !(t.underlying() instanceof Interface)) {
                            error(f.type(), "unsupported: type constraint " + t + " in interface");
                        }
                    });
                }
                embeddeds.add(t);
                continue;
            }
            Expr.Ident id = f.names().get(0);
            Signature sig = f.type() instanceof TypeExpr.FuncType
                    ? signature((TypeExpr.FuncType) f.type(), null) : Signature.EMPTY;
            Func m = new Func(id.name(), sig, id.pos(), "main", null, true);
            info.defs.put(id, m);
            if (!names.add(id.name())) {
                error(id, "duplicate method " + id.name());
            }
            methods.add(m);
        }
        if (methods.isEmpty() && embeddeds.isEmpty()) {
            return new Interface(List.of(), List.of());
        }
        return new Interface(methods, embeddeds);
    }

    /** A value of {@code long} length as an exact constant (helper for subclasses). */
    static Constant intConst(long v) {
        return Constant.of(v);
    }
}
