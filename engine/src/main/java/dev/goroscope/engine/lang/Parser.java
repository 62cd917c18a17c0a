package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Directive;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Field;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.SourceFile;
import dev.goroscope.engine.lang.ast.Spec;
import dev.goroscope.engine.lang.ast.Stmt;
import dev.goroscope.engine.lang.ast.TypeExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go-subset parser: {@link #parse(String, String)} turns one {@code .go} file into a
 * {@link SourceFile}, or throws {@link GoSyntaxError} worded like gc's. It is a recursive
 * descent parser after {@code cmd/compile/internal/syntax}; this top layer handles the file
 * structure and declarations (spec, "Declarations and scope").
 *
 * <p>Refused on purpose, with an {@code unsupported:} diagnostic: generics, complex numbers,
 * cgo ({@code import "C"}) and package {@code unsafe}. Everything else the type checker decides.
 */
public final class Parser extends StmtParser {

    /** Directives already attached to (or skipped by) an earlier declaration. */
    private int directivesUsed;

    private Parser(String file, String source) {
        super(file, source);
    }

    /**
     * Parses {@code source}; {@code fileName} only appears in diagnostics.
     *
     * @throws GoSyntaxError if the source is not valid (supported) Go; never anything else
     */
    public static SourceFile parse(String fileName, String source) {
        Parser p = new Parser(fileName, source);
        try {
            return p.file();
        } catch (StackOverflowError e) {
            // MAX_DEPTH should prevent this; a tiny thread stack is the only way here.
            Pos at = p.tok != null ? p.tok.pos() : new Pos(1, 1);
            throw p.errorAt(at, "syntax error: program too deeply nested");
        }
    }

    private SourceFile file() {
        next();
        Pos p = tok.pos();
        if (!got(Tok.PACKAGE)) {
            throw syntaxError("package statement must be first");
        }
        Expr.Ident pkg = name();
        want(Tok.SEMICOLON);
        takeDirectives(tok.pos()); // e.g. //go:build lines above the package clause
        List<Spec.ImportSpec> imports = new ArrayList<>();
        List<Decl> decls = new ArrayList<>();
        while (at(Tok.IMPORT)) {
            importDecl(imports);
            endDecl();
        }
        while (!at(Tok.EOF)) {
            if (!at(Tok.FUNC)) {
                takeDirectives(tok.pos()); // directives only attach to functions
            }
            switch (tok.tok()) {
                case CONST: decls.add(genDecl(Decl.Kind.CONST)); break;
                case VAR: decls.add(genDecl(Decl.Kind.VAR)); break;
                case TYPE: decls.add(genDecl(Decl.Kind.TYPE)); break;
                case FUNC: decls.add(funcDecl()); break;
                case IMPORT: throw syntaxError("imports must appear before other declarations");
                default:
                    if (at(Tok.LBRACE) && !decls.isEmpty() && decls.get(decls.size() - 1) instanceof Decl.FuncDecl
                            && ((Decl.FuncDecl) decls.get(decls.size() - 1)).body() == null) {
                        throw syntaxError("unexpected semicolon or newline before {");
                    }
                    throw syntaxError("non-declaration statement outside function body");
            }
            endDecl();
        }
        return new SourceFile(p, file, pkg, imports, decls);
    }

    private void endDecl() {
        if (!at(Tok.EOF) && !got(Tok.SEMICOLON)) {
            throw syntaxError("after top level declaration");
        }
    }

    private void importDecl(List<Spec.ImportSpec> out) {
        want(Tok.IMPORT);
        if (got(Tok.LPAREN)) {
            while (!at(Tok.RPAREN)) {
                out.add(importSpec());
                groupSeparator();
            }
            next();
        } else {
            out.add(importSpec());
        }
    }

    private void groupSeparator() {
        if (!got(Tok.SEMICOLON) && !at(Tok.RPAREN)) {
            throw syntaxError("in grouped declaration; possibly missing semicolon or newline or )");
        }
    }

    private Spec.ImportSpec importSpec() {
        Pos p = tok.pos();
        Expr.Ident local = null;
        if (at(Tok.IDENT)) {
            local = name();
        } else if (at(Tok.PERIOD)) {
            local = new Expr.Ident(tok.pos(), ".");
            next();
        }
        if (!at(Tok.STRING)) {
            if (tok.tok().isLiteral()) {
                throw syntaxError("import path must be a string");
            }
            throw syntaxError("missing import path");
        }
        Expr.StringLit path = new Expr.StringLit(tok.pos(), tok.lit(), (String) tok.value());
        if (path.value().equals("C")) {
            throw unsupported(path.pos(), "cgo (import \"C\")");
        }
        if (path.value().equals("unsafe")) {
            throw unsupported(path.pos(), "package unsafe");
        }
        next();
        return new Spec.ImportSpec(p, local, path);
    }

    @Override
    final Decl.GenDecl genDecl(Decl.Kind kind) {
        Pos p = tok.pos();
        next();
        List<Spec> specs = new ArrayList<>();
        if (!got(Tok.LPAREN)) {
            specs.add(spec(kind, 0, null));
            return new Decl.GenDecl(p, kind, false, specs);
        }
        Spec.ValueSpec prev = null;
        while (!at(Tok.RPAREN)) {
            Spec s = spec(kind, specs.size(), prev);
            if (s instanceof Spec.ValueSpec) {
                prev = (Spec.ValueSpec) s;
            }
            specs.add(s);
            groupSeparator();
        }
        next();
        return new Decl.GenDecl(p, kind, true, specs);
    }

    private Spec spec(Decl.Kind kind, int index, Spec.ValueSpec prev) {
        Pos p = tok.pos();
        if (kind == Decl.Kind.TYPE) {
            Expr.Ident n = name();
            if (at(Tok.LBRACK) && looksLikeTypeParams()) {
                throw generics(tok.pos());
            }
            boolean alias = got(Tok.ASSIGN);
            return new Spec.TypeSpec(p, n, alias, type());
        }
        List<Expr.Ident> names = nameList();
        Expr type = null;
        List<Expr> values = List.of();
        if (kind == Decl.Kind.VAR) {
            if (got(Tok.ASSIGN)) {
                values = exprList();
            } else {
                type = type();
                if (got(Tok.ASSIGN)) {
                    values = exprList();
                }
            }
            return new Spec.ValueSpec(p, names, type, values, 0, false);
        }
        if (!at(Tok.EOF) && !at(Tok.SEMICOLON) && !at(Tok.RPAREN)) {
            type = typeOrNull();
            if (got(Tok.ASSIGN)) {
                values = exprList();
            }
        }
        if (type == null && values.isEmpty() && prev != null) {
            return new Spec.ValueSpec(p, names, prev.type(), prev.values(), index, true);
        }
        return new Spec.ValueSpec(p, names, type, values, index, false);
    }

    /**
     * After {@code type T}, is {@code [} a type parameter list rather than an array length?
     * {@code [N]int} and {@code [pkg.N]int} are arrays; {@code [P any]}, {@code [K, V]} and
     * {@code [P interface{...}]} are parameters.
     */
    private boolean looksLikeTypeParams() {
        if (peek(1).tok() != Tok.IDENT) {
            return false;
        }
        switch (peek(2).tok()) {
            case IDENT: case COMMA: case INTERFACE: case TILDE: case MAP: case CHAN: case FUNC: case STRUCT:
                return true;
            default:
                return false;
        }
    }

    private Decl.FuncDecl funcDecl() {
        Pos p = want(Tok.FUNC);
        List<Directive> directives = takeDirectives(p);
        Field recv = null;
        if (at(Tok.LPAREN)) {
            Pos rp = tok.pos();
            List<Field> rs = paramList();
            int n = 0;
            for (Field f : rs) {
                n += Math.max(1, f.names().size());
            }
            if (n == 0) {
                throw errorAt(rp, "method has no receiver");
            }
            if (n > 1) {
                throw errorAt(rp, "method has multiple receivers");
            }
            recv = rs.get(0);
        }
        if (!at(Tok.IDENT)) {
            throw syntaxError(recv == null ? "expected name or (" : "expected name");
        }
        Expr.Ident n = name();
        TypeExpr.FuncType type = funcType(p);
        Stmt.Block body = null;
        if (at(Tok.LBRACE)) {
            int outer = exprLev;
            exprLev = 0;
            body = blockStmt("");
            exprLev = outer;
        }
        return new Decl.FuncDecl(p, directives, recv, n, type, body);
    }

    /** The {@code //go:} directives written since the previous declaration and before {@code p}. */
    private List<Directive> takeDirectives(Pos p) {
        List<Directive> all = scanner.directives;
        List<Directive> mine = new ArrayList<>();
        while (directivesUsed < all.size() && all.get(directivesUsed).pos().compareTo(p) < 0) {
            mine.add(all.get(directivesUsed++));
        }
        return mine;
    }
}
