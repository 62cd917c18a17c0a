package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Node;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.PkgName;
import dev.goroscope.engine.lang.types.Selection;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checker learned about a program: the compiler's input. All maps are keyed by AST
 * node identity.
 *
 * <p>Expression types are final: untyped constants carry the type they were converted to
 * (their default type where nothing else applied: {@code x := 1} and {@code fmt.Println(1)}
 * record {@code int}); only {@code nil} may stay {@code untyped nil} (in comparisons).
 *
 * <p>Constant specs that repeat an earlier spec's expressions ({@code const (A = iota; B)})
 * share those expression nodes, so {@link #valueOf} on them gives the value of the
 * <em>last</em> spec checked; read each constant's value from its {@code Const} object
 * ({@link #defOf}) instead.
 */
public final class Info {

    final SourceFile file;
    final GoVersion version;
    final Map<Expr, Type> types = new IdentityHashMap<>();
    final Map<Expr, Constant> values = new IdentityHashMap<>();
    final Map<Expr.Ident, Obj> defs = new IdentityHashMap<>();
    final Map<Expr.Ident, Obj> uses = new IdentityHashMap<>();
    final Map<Expr, Boolean> typeExprs = new IdentityHashMap<>();
    final Map<Expr.Selector, Selection> selections = new IdentityHashMap<>();
    final Map<Expr, Type> implicits = new IdentityHashMap<>();
    final Map<Node, Scope> scopes = new IdentityHashMap<>();
    final Map<Node, List<Var>> captures = new IdentityHashMap<>();
    final Map<CaseClause, Var> clauseVars = new IdentityHashMap<>();
    final Map<Decl.FuncDecl, Func> funcs = new IdentityHashMap<>();
    final List<Func> functions = new ArrayList<>();
    final List<Var> globals = new ArrayList<>();
    final List<PkgName> imports = new ArrayList<>();
    final List<Func> inits = new ArrayList<>();
    Scope packageScope;

    Info(SourceFile file, GoVersion version) {
        this.file = file;
        this.version = version;
    }

    public SourceFile file() {
        return file;
    }

    public GoVersion version() {
        return version;
    }

    /** The type of an expression (or of the type an expression denotes); null if not checked. */
    public Type typeOf(Expr e) {
        return types.get(e);
    }

    /** The exact value of a constant expression (in its final type), or null. */
    public Constant valueOf(Expr e) {
        return values.get(e);
    }

    /** Whether the expression denotes a type (so {@code T(x)} is a conversion). */
    public boolean isType(Expr e) {
        return typeExprs.containsKey(e);
    }

    /** The object an identifier declares (a new name), or null. */
    public Obj defOf(Expr.Ident id) {
        return defs.get(id);
    }

    /** The object an identifier refers to, or null. */
    public Obj useOf(Expr.Ident id) {
        return uses.get(id);
    }

    /** {@link #defOf} or {@link #useOf}. */
    public Obj objectOf(Expr.Ident id) {
        Obj o = defs.get(id);
        return o != null ? o : uses.get(id);
    }

    /**
     * Whether this identifier on the left of {@code :=} declares a new variable (rather than
     * assigning to one already declared in the same scope).
     */
    public boolean isNewDefinition(Expr.Ident id) {
        return defs.get(id) instanceof Var;
    }

    /** The builtin a call invokes ({@code len}, {@code append}, ...), or null. */
    public Builtin builtinOf(Expr.Call call) {
        Expr f = call.fun();
        while (f instanceof Expr.Paren) {
            f = ((Expr.Paren) f).x();
        }
        if (f instanceof Expr.Ident) {
            Obj o = uses.get(f);
            return o instanceof Builtin ? (Builtin) o : null;
        }
        return null;
    }

    /** What a selector denotes (field, method, method expression, package member). */
    public Selection selectionOf(Expr.Selector s) {
        return selections.get(s);
    }

    /**
     * The interface type a value is implicitly converted to where it is used (assignment, call
     * argument, return, send, composite literal element, map index...): the compiler must box
     * it. Null when no conversion happens (including nil, and identical interface types).
     */
    public Type implicitTarget(Expr e) {
        return implicits.get(e);
    }

    /**
     * The scope a node opened: a {@code FuncDecl} or {@code FuncLit} (parameters and body
     * share it), {@code Block}, {@code If}, {@code For}, {@code Range}, {@code Switch},
     * {@code TypeSwitch}, {@code Select}, {@code CaseClause}, {@code CommClause}; null otherwise.
     */
    public Scope scopeOf(Node n) {
        return scopes.get(n);
    }

    public Scope packageScope() {
        return packageScope;
    }

    /**
     * The variables of enclosing functions that a function literal uses, in order of first use
     * (including those only its nested literals use). Empty for {@code FuncDecl}s.
     */
    public List<Var> captures(Node funcLitOrDecl) {
        List<Var> vs = captures.get(funcLitOrDecl);
        return vs == null ? List.of() : Collections.unmodifiableList(vs);
    }

    /** The variable a type switch's {@code x := v.(type)} declares in this clause, or null. */
    public Var clauseVar(CaseClause c) {
        return clauseVars.get(c);
    }

    /** The object of a function or method declaration. */
    public Func funcOf(Decl.FuncDecl d) {
        return funcs.get(d);
    }

    /** Every function and method declared in the file (not {@code init}s), in source order. */
    public List<Func> functions() {
        return Collections.unmodifiableList(functions);
    }

    /** The {@code init} functions, in source order. */
    public List<Func> inits() {
        return Collections.unmodifiableList(inits);
    }

    /** Package-level variables, in source order. */
    public List<Var> globals() {
        return Collections.unmodifiableList(globals);
    }

    public List<PkgName> imports() {
        return Collections.unmodifiableList(imports);
    }
}
