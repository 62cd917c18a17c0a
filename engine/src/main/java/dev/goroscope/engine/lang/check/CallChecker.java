package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Lookup;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.PkgName;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.List;

/** Calls and conversions, selectors (fields, methods, package members) and type assertions. */
abstract class CallChecker extends AssignChecker {

    CallChecker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    abstract Operand builtin(Expr.Call e, Builtin b);

    // ---- calls -------------------------------------------------------------------------

    @Override
    final Operand call(Expr.Call e) {
        Operand f = exprOrType(e.fun(), null);
        if (f.invalid()) {
            useArgs(e.args());
            return Operand.invalid(e);
        }
        if (f.mode == Operand.Mode.TYPEXPR) {
            return conversionCall(e, f.type);
        }
        if (f.mode == Operand.Mode.BUILTIN) {
            return builtin(e, (Builtin) f.obj);
        }
        f = singleValue(f);
        if (f.invalid()) {
            useArgs(e.args());
            return Operand.invalid(e);
        }
        if (!(f.type.underlying() instanceof Signature)) {
            error(e, "invalid operation: cannot call non-function " + f.describe());
            useArgs(e.args());
            return Operand.invalid(e);
        }
        Signature sig = (Signature) f.type.underlying();
        arguments(e, sig, ExprStrings.of(e.fun()));
        Tuple rs = sig.results();
        if (rs.size() == 0) {
            return new Operand(Operand.Mode.NOVALUE, Tuple.EMPTY, null, e);
        }
        return new Operand(Operand.Mode.VALUE, rs.size() == 1 ? rs.type(0) : rs, null, e);
    }

    private Operand conversionCall(Expr.Call e, Type t) {
        if (e.args().size() != 1) {
            if (e.args().isEmpty()) {
                error(e.rparen(), "missing argument in conversion to " + t);
            } else {
                error(e.args().get(1), "too many arguments in conversion to " + t);
                useArgs(e.args());
            }
            return Operand.invalid(e);
        }
        if (e.hasEllipsis()) {
            error(e.args().get(0), "invalid use of ... in conversion to " + t);
            useArgs(e.args());
            return Operand.invalid(e);
        }
        Operand x = expr(e.args().get(0), null);
        return conversion(x, t, e);
    }

    /** Evaluates arguments only for their side effects on "used" and error reporting. */
    final void useArgs(List<Expr> args) {
        for (Expr a : args) {
            exprOrType(a, null);
        }
    }

    /** The operands of an argument list, a single multi-value call spread out. */
    final List<Operand> argOperands(List<Expr> args, boolean allowSpread) {
        List<Operand> out = new ArrayList<>();
        if (args.size() == 1 && allowSpread) {
            Operand x = multiExpr(args.get(0));
            if (x.type instanceof Tuple && !x.invalid()) {
                Tuple t = (Tuple) x.type;
                for (int i = 0; i < t.size(); i++) {
                    out.add(new Operand(Operand.Mode.VALUE, t.type(i), null, args.get(0)));
                }
                return out;
            }
            out.add(x);
            return out;
        }
        for (Expr a : args) {
            out.add(expr(a, null));
        }
        return out;
    }

    private void arguments(Expr.Call e, Signature sig, String name) {
        List<Operand> args = argOperands(e.args(), true);
        boolean spread = e.args().size() == 1 && args.size() > 1;
        for (Operand a : args) {
            if (a.invalid()) {
                return;
            }
        }
        Tuple ps = sig.params();
        int npars = ps.size();
        int nargs = args.size();
        if (e.hasEllipsis()) {
            if (!sig.variadic()) {
                error(e.args().get(e.args().size() - 1), "cannot use ... in call to non-variadic " + name);
                return;
            }
            if (spread) {
                error(e.rparen(), "cannot use ... with " + nargs + "-valued " + ExprStrings.of(e.args().get(0)));
                return;
            }
        }
        boolean countOk = sig.variadic() && !e.hasEllipsis() ? nargs >= npars - 1 : nargs == npars;
        if (!countOk) {
            boolean tooMany = nargs > npars;
            String msg = (tooMany ? "too many arguments in call to " : "not enough arguments in call to ") + name
                    + "\n\thave " + summary(args) + "\n\twant " + paramTypes(ps, sig.variadic());
            if (tooMany) {
                Expr at = spread ? e.args().get(0) : e.args().get(npars);
                error(at, msg);
            } else {
                error(e.rparen(), msg);
            }
            return;
        }
        String ctx = "argument to " + name;
        for (int i = 0; i < nargs; i++) {
            Type pt;
            if (sig.variadic() && i >= npars - 1) {
                Type last = ps.type(npars - 1);
                pt = e.hasEllipsis() ? last : ((Slice) last).elem();
            } else {
                pt = ps.type(i);
            }
            Operand a = args.get(i);
            if (spread) {
                if (!Types.assignable(a.type, pt)) {
                    error(e.args().get(0), "cannot use " + ExprStrings.of(a.expr) + " (value of type " + a.type
                            + ") as " + pt + " value in " + ctx);
                    return;
                }
                continue;
            }
            assignment(a, pt, ctx);
        }
    }

    /** A parameter list's types, as gc prints "want (...)": {@code (int, ...string)}. */
    static String paramTypes(Tuple ps, boolean variadic) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ps.size(); i++) {
            sb.append(i > 0 ? ", " : "");
            Type t = ps.type(i);
            if (variadic && i == ps.size() - 1 && t instanceof Slice) {
                sb.append("...").append(((Slice) t).elem());
            } else {
                sb.append(t);
            }
        }
        return sb.append(')').toString();
    }

    /** go/types' typesSummary: untyped numeric constants are "number". */
    static String summary(List<Operand> args) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Type t = args.get(i).type;
            if (Types.isUntyped(t)) {
                Basic b = (Basic) t;
                sb.append(b.isNumeric() ? "number" : b.name().replace("untyped ", ""));
            } else {
                sb.append(t);
            }
        }
        return sb.append(')').toString();
    }

    // ---- selectors ---------------------------------------------------------------------

    @Override
    final Operand selector(Expr.Selector e) {
        String sel = e.sel().name();
        if (e.x() instanceof Expr.Ident) {
            Obj o = scope.lookup(((Expr.Ident) e.x()).name());
            if (o instanceof PkgName) {
                return packageMember(e, (PkgName) o);
            }
        }
        Operand x = exprOrType(e.x(), null);
        if (x.invalid()) {
            return Operand.invalid(e);
        }
        if (x.mode == Operand.Mode.TYPEXPR) {
            return methodExpr(e, x.type);
        }
        x = singleValue(x);
        if (x.invalid()) {
            return x;
        }
        if (x.isNil()) {
            error(e, "use of untyped nil");
            return Operand.invalid(e);
        }
        Lookup.Result r = Lookup.find(x.type, sel);
        if (!r.found() || (!r.obj().exported() && r.obj().pkg() != null && !r.obj().pkg().equals("main"))) {
            missingSelector(e, x, r);
            return Operand.invalid(e);
        }
        info.uses.put(e.sel(), r.obj());
        if (r.obj() instanceof Var) {
            Var f = (Var) r.obj();
            info.selections.put(e, new Selection(Selection.Kind.FIELD_VAL, x.type, f, r.path(), r.indirect(), false,
                    false, f.type()));
            Operand.Mode m = x.mode == Operand.Mode.VARIABLE || r.indirect() ? Operand.Mode.VARIABLE
                    : Operand.Mode.VALUE;
            return new Operand(m, f.type(), null, e);
        }
        Func f = (Func) r.obj();
        Type recvAt = receiverAt(x.type, r.path());
        boolean recvIsPtr = recvAt.underlying() instanceof Pointer;
        boolean addr = !f.isInterfaceMethod() && f.hasPointerReceiver() && !recvIsPtr;
        boolean deref = !f.isInterfaceMethod() && !f.hasPointerReceiver() && recvIsPtr;
        if (addr && !r.indirect() && x.mode != Operand.Mode.VARIABLE) {
            error(e.sel(), "cannot call pointer method " + sel + " on " + x.type);
            return Operand.invalid(e);
        }
        Signature ms = f.type();
        Signature t = new Signature(null, ms.params(), ms.results(), ms.variadic());
        info.selections.put(e, new Selection(Selection.Kind.METHOD_VAL, x.type, f, r.path(), r.indirect(), addr,
                deref, t));
        return new Operand(Operand.Mode.VALUE, t, null, e);
    }

    /** The type of the value the method is found in, after walking the embedded fields. */
    private static Type receiverAt(Type t, List<Integer> path) {
        Type cur = t;
        for (int i = 0; i < path.size() - 1; i++) {
            Type u = cur.underlying();
            if (u instanceof Pointer) {
                u = ((Pointer) u).elem().underlying();
            }
            if (!(u instanceof Struct)) {
                return cur;
            }
            cur = ((Struct) u).fields().get(path.get(i)).type();
        }
        return cur;
    }

    private void missingSelector(Expr.Selector e, Operand x, Lookup.Result r) {
        String sel = e.sel().name();
        String what = ExprStrings.of(e);
        if (r.ambiguous()) {
            error(e.sel(), "ambiguous selector " + what);
            return;
        }
        if (r.found()) {
            String kind = r.obj() instanceof Var ? "field" : "method";
            error(e.sel(), what + " undefined (cannot refer to unexported " + kind + " " + sel + ")");
            return;
        }
        Type u = x.type.underlying();
        if (u instanceof Pointer) {
            Type pu = ((Pointer) u).elem().underlying();
            if (pu instanceof Interface) {
                error(e.sel(), what + " undefined (type " + x.type + " is pointer to interface, not interface)");
                return;
            }
        }
        error(e.sel(), what + " undefined (type " + x.type + " has no field or method " + sel + ")");
    }

    private Operand methodExpr(Expr.Selector e, Type t) {
        String sel = e.sel().name();
        Lookup.Result r = Lookup.find(t, sel);
        if (!r.found() || !(r.obj() instanceof Func)) {
            error(e.sel(), ExprStrings.of(e) + " undefined (type " + t + " has no method " + sel + ")");
            return Operand.invalid(e);
        }
        Func f = (Func) r.obj();
        if (!f.isInterfaceMethod() && f.hasPointerReceiver() && !r.indirect() && !(t instanceof Pointer)) {
            error(e.sel(), "invalid method expression " + ExprStrings.of(e) + " (needs pointer receiver (*" + t + ")."
                    + sel + ")");
            return Operand.invalid(e);
        }
        info.uses.put(e.sel(), f);
        Signature ms = f.type();
        List<Var> ps = new ArrayList<>();
        ps.add(Var.param("", t));
        ps.addAll(ms.params().vars());
        Signature sig = new Signature(null, new Tuple(ps), ms.results(), ms.variadic());
        Type recvAt = receiverAt(t, r.path());
        boolean recvIsPtr = recvAt.underlying() instanceof Pointer;
        info.selections.put(e, new Selection(Selection.Kind.METHOD_EXPR, t, f, r.path(), r.indirect(),
                !f.isInterfaceMethod() && f.hasPointerReceiver() && !recvIsPtr,
                !f.isInterfaceMethod() && !f.hasPointerReceiver() && recvIsPtr, sig));
        return new Operand(Operand.Mode.VALUE, sig, null, e);
    }

    private Operand packageMember(Expr.Selector e, PkgName p) {
        Expr.Ident pid = (Expr.Ident) e.x();
        info.uses.put(pid, p);
        p.markUsed();
        StdPackage sp = Stdlib.byPath(p.path());
        String n = e.sel().name();
        if (sp == null) {
            return Operand.invalid(e);
        }
        if (n.isEmpty() || !Character.isUpperCase(n.codePointAt(0))) {
            error(e.sel(), "name " + n + " not exported by package " + sp.name());
            return Operand.invalid(e);
        }
        Obj m = sp.members().get(n);
        if (m == null) {
            error(e, "unsupported: " + sp.name() + "." + n);
            return Operand.invalid(e);
        }
        info.uses.put(e.sel(), m);
        info.selections.put(e, new Selection(Selection.Kind.PACKAGE_MEMBER, null, m, List.of(), false, false, false,
                m.type()));
        if (m instanceof Func) {
            return new Operand(Operand.Mode.VALUE, m.type(), null, e);
        }
        if (m instanceof TypeName) {
            return new Operand(Operand.Mode.TYPEXPR, m.type(), null, e);
        }
        if (m instanceof Const) {
            return new Operand(Operand.Mode.CONSTANT, m.type(), ((Const) m).value(), e);
        }
        return new Operand(Operand.Mode.VARIABLE, m.type(), null, e);
    }

    // ---- type assertions ---------------------------------------------------------------

    @Override
    final Operand typeAssert(Expr.TypeAssert e) {
        Operand x = expr(e.x(), null);
        if (e.type() == null) {
            error(e, "invalid syntax tree: use of .(type) outside type switch");
            return Operand.invalid(e);
        }
        Type t = typ(e.type());
        if (x.invalid() || Types.isInvalid(t)) {
            return Operand.invalid(e);
        }
        if (!Types.isInterface(x.type)) {
            error(e.x(), "invalid operation: " + x.describe() + " is not an interface");
            return Operand.invalid(e);
        }
        if (!Types.isInterface(t)) {
            Lookup.Missing m = Lookup.missingMethod(t, (Interface) x.type.underlying());
            if (m != null) {
                error(e, "impossible type assertion: " + ExprStrings.of(e) + "\n\t"
                        + missingReason(t, x.type, m));
                return Operand.invalid(e);
            }
        }
        return new Operand(Operand.Mode.COMMAOK, t, null, e);
    }

    /** Where gc reports "not enough arguments": the closing parenthesis. */
    static Pos rparen(Expr.Call e) {
        return e.rparen();
    }
}
