package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.Diagnostic;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Field;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Lookup;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.PkgName;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Types;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Go type checker: {@link #check(SourceFile, GoVersion)} returns the {@link Info} a compiler
 * needs, or throws {@link GoCompileError} with gc-worded diagnostics. It never throws anything
 * else on a tree the parser produced.
 *
 * <p>Order of work, as in go/types: collect the package's objects (imports, constants,
 * variables, types, functions), resolve every declaration (lazily, so order does not matter),
 * attach methods to their receiver types, check function bodies in source order, then report
 * unused variables and imports.
 */
public final class Checker extends DeclChecker {

    private final List<Decl.FuncDecl> bodies = new ArrayList<>();
    private final Map<Decl.FuncDecl, Func> funcs = new IdentityHashMap<>();
    private final List<Obj> order = new ArrayList<>();

    private Checker(SourceFile file, GoVersion version, boolean allowGoto) {
        super(file, version, allowGoto);
    }

    /** Checks a file; {@code goto} is refused ({@code unsupported: goto}). */
    public static Info check(SourceFile f, GoVersion v) {
        return check(f, v, false);
    }

    /**
     * Checks a file. With {@code allowGoto}, {@code goto} statements are type-checked (their
     * labels resolved) instead of refused, for tools that only need types.
     */
    public static Info check(SourceFile f, GoVersion v, boolean allowGoto) {
        Checker c = new Checker(f, v, allowGoto);
        try {
            c.run();
        } catch (TooDeep e) {
            c.error(e.pos, "unsupported: nesting deeper than " + MAX_DEPTH + " levels");
        } catch (StackOverflowError e) {
            c.error(c.lastPos, "unsupported: program too deeply nested");
        } catch (RuntimeException e) {
            c.error(c.lastPos, "internal compiler error: " + e);
        }
        if (!c.errors.isEmpty()) {
            throw new GoCompileError(c.sorted());
        }
        return c.info;
    }

    private List<Diagnostic> sorted() {
        Set<Diagnostic> unique = new LinkedHashSet<>(errors);
        List<Diagnostic> ds = new ArrayList<>(unique);
        ds.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::col));
        return ds.size() > GoCompileError.MAX ? ds.subList(0, GoCompileError.MAX) : ds;
    }

    private void run() {
        pkgScope = new Scope(universe, null);
        fileScope = new Scope(pkgScope, null);
        info.packageScope = pkgScope;
        scope = fileScope;
        if (!file.packageName().name().equals("main")) {
            error(file.packageName(), "unsupported: package " + file.packageName().name()
                    + " (Goroscope runs package main)");
        }
        imports();
        collect();
        for (Obj o : order) {
            resolve(o);
        }
        methods();
        recursiveTypes();
        for (Decl.FuncDecl d : bodies) {
            body(d);
        }
        for (Runnable r : later) {
            r.run();
        }
        finishUntyped();
        for (Var v : locals) {
            if (!v.used()) {
                error(v.pos(), unusedMessage(v.name()));
            }
        }
        for (PkgName p : info.imports) {
            if (!p.used()) {
                String last = p.path().substring(p.path().lastIndexOf('/') + 1);
                error(p.pos(), "\"" + p.path() + "\" imported " + (p.name().equals(last) ? "" : "as " + p.name() + " ")
                        + "and not used");
            }
        }
    }

    private void imports() {
        for (Spec.ImportSpec s : file.imports()) {
            String path = s.path().value();
            StdPackage sp = Stdlib.byPath(path);
            String name = s.name() != null ? s.name().name()
                    : sp != null ? sp.name() : path.substring(path.lastIndexOf('/') + 1);
            if (sp == null) {
                error(s.path(), "unsupported: import \"" + path + "\"");
                PkgName bad = new PkgName(name, path, s.pos());
                bad.markUsed(); // its uses stay silent: the import was already refused
                fileScope.insert(bad);
                continue;
            }
            if (name.equals(".")) {
                error(s.name(), "unsupported: dot import");
                continue;
            }
            if (name.equals("_")) {
                continue;
            }
            PkgName p = new PkgName(name, path, s.pos());
            if (s.name() != null) {
                info.defs.put(s.name(), p);
            }
            if (fileScope.insert(p) != null) {
                error(s.pos(), name + " redeclared in this block");
                continue;
            }
            info.imports.add(p);
        }
    }

    private void collect() {
        for (Decl d : file.decls()) {
            if (d instanceof Decl.FuncDecl) {
                collectFunc((Decl.FuncDecl) d);
                continue;
            }
            Decl.GenDecl g = (Decl.GenDecl) d;
            for (Spec s : g.specs()) {
                if (s instanceof Spec.TypeSpec) {
                    Spec.TypeSpec ts = (Spec.TypeSpec) s;
                    TypeName tn = newTypeName(ts);
                    declarePkg(ts.name(), tn, new DeclInfo(ts, 0, List.of(tn)));
                    continue;
                }
                Spec.ValueSpec vs = (Spec.ValueSpec) s;
                List<Obj> group = new ArrayList<>();
                for (int i = 0; i < vs.names().size(); i++) {
                    Expr.Ident id = vs.names().get(i);
                    if (g.kind() == Decl.Kind.CONST) {
                        Const c = new Const(id.name(), null, null, id.pos(), "main");
                        declarePkg(id, c, new DeclInfo(vs, i, List.of(c)));
                    } else {
                        Var v = new Var(id.name(), null, id.pos(), "main", Var.Kind.GLOBAL, false, null);
                        group.add(v);
                        info.globals.add(v);
                        declarePkg(id, v, new DeclInfo(vs, i, group));
                    }
                }
            }
        }
    }

    private void declarePkg(Expr.Ident id, Obj o, DeclInfo d) {
        decls.put(o, d);
        order.add(o);
        declare(pkgScope, id, o);
    }

    private void collectFunc(Decl.FuncDecl d) {
        Func f = new Func(d.name().name(), null, d.name().pos(), "main", d, false);
        funcs.put(d, f);
        info.funcs.put(d, f);
        info.defs.put(d.name(), f);
        bodies.add(d);
        decls.put(f, new DeclInfo(d, 0, List.of(f)));
        order.add(f);
        if (d.isMethod()) {
            return;
        }
        String n = d.name().name();
        if (n.equals("init") || n.equals("main")) {
            if (!d.type().params().isEmpty() || !d.type().results().isEmpty()) {
                error(d.name(), "func " + n + " must have no arguments and no return values");
            }
        }
        if (n.equals("init")) {
            info.inits.add(f);
            return;
        }
        info.functions.add(f);
        if (!n.equals("_")) {
            Obj old = pkgScope.insert(f);
            if (old != null) {
                error(d.name(), n + " redeclared in this block");
            }
        }
    }

    @Override
    void funcSignature(Func f) {
        Decl.FuncDecl d = f.decl();
        Var recv = null;
        if (d.recv() != null) {
            recv = receiver(d.recv());
        }
        f.setSignature(signature(d.type(), recv));
    }

    private Var receiver(Field r) {
        Type t = typ(r.type());
        String name = r.names().isEmpty() ? "" : r.names().get(0).name();
        Var v = new Var(name, t, r.names().isEmpty() ? r.pos() : r.names().get(0).pos(), "main", Var.Kind.PARAM,
                false, null);
        if (!r.names().isEmpty()) {
            info.defs.put(r.names().get(0), v);
        }
        return v;
    }

    /** The named type a receiver declares a method on, or null after an error. */
    private Named receiverBase(Decl.FuncDecl d, Var recv) {
        Type t = recv.type();
        if (Types.isInvalid(t)) {
            return null;
        }
        Type base = t instanceof Pointer ? ((Pointer) t).elem() : t;
        if (base instanceof Basic) {
            error(d.recv().type(), "cannot define new methods on non-local type " + base);
            return null;
        }
        if (!(base instanceof Named)) {
            error(d.recv().type(), "invalid receiver type " + t);
            return null;
        }
        Named n = (Named) base;
        if (n.pkg() == null || !n.pkg().equals("main")) {
            error(d.recv().type(), "cannot define new methods on non-local type " + n);
            return null;
        }
        Type u = n.underlying();
        if (u instanceof Pointer || u instanceof Interface) {
            error(d.recv().type(), "invalid receiver type " + t + " (pointer or interface type)");
            return null;
        }
        return n;
    }

    private void methods() {
        for (Decl.FuncDecl d : bodies) {
            if (!d.isMethod()) {
                continue;
            }
            Func f = funcs.get(d);
            Var recv = f.type().recv();
            Named n = recv == null ? null : receiverBase(d, recv);
            if (n == null || d.name().isBlank()) {
                continue;
            }
            Func old = n.method(f.name());
            if (old != null) {
                error(d.name(), "method " + n.name() + "." + f.name() + " already declared at " + file.fileName() + ":"
                        + old.pos());
                continue;
            }
            if (n.underlying() instanceof Struct && ((Struct) n.underlying()).indexOf(f.name()) >= 0) {
                error(d.name(), "field and method with the same name " + f.name());
                continue;
            }
            n.addMethod(f);
            info.functions.add(f);
        }
    }

    /** Value cycles through struct fields and array elements: {@code type T struct{ t T }}. */
    private void recursiveTypes() {
        Map<Named, Integer> color = new IdentityHashMap<>();
        for (Obj o : order) {
            if (o instanceof TypeName && o.type() instanceof Named && ((Named) o.type()).obj() == o) {
                if (cycle((Named) o.type(), color, 0)) {
                    error(o.pos(), "invalid recursive type " + o.name());
                    ((Named) o.type()).setUnderlying(Basic.INVALID);
                }
            }
        }
    }

    private boolean cycle(Named n, Map<Named, Integer> color, int d) {
        Integer c = color.get(n);
        if (c != null) {
            return c == 1;
        }
        color.put(n, 1);
        boolean found = d < MAX_DEPTH && contains(n.underlying(), color, d + 1);
        color.put(n, found ? 1 : 2);
        if (found) {
            color.put(n, 2);
        }
        return found;
    }

    private boolean contains(Type t, Map<Named, Integer> color, int d) {
        if (t instanceof Named) {
            Named n = (Named) t;
            if (n.pkg() == null || !n.pkg().equals("main")) {
                return false;
            }
            return cycle(n, color, d);
        }
        if (t instanceof Array) {
            return contains(((Array) t).elem(), color, d + 1);
        }
        if (t instanceof Struct) {
            for (Var f : ((Struct) t).fields()) {
                if (contains(f.type(), color, d + 1)) {
                    return true;
                }
            }
        }
        if (t instanceof Interface) {
            for (Type e : ((Interface) t).embeddeds()) {
                if (contains(e, color, d + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void body(Decl.FuncDecl d) {
        Func f = funcs.get(d);
        if (d.body() == null) {
            error(d.name(), "missing function body");
            return;
        }
        Signature sig = f.type();
        scope = fileScope;
        openScope(d);
        fn = new FuncCtx(d, sig, null, scope);
        declareParams(sig);
        funcBody(d, sig, d.body());
        fn = null;
        scope = fileScope;
    }

    /** Lookup helper for tests and tools: whether {@code t} implements {@code iface}. */
    static boolean implementsIface(Type t, Interface iface) {
        return Lookup.missingMethod(t, iface) == null;
    }
}
