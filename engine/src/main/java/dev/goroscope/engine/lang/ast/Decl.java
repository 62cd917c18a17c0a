package dev.goroscope.engine.lang.ast;

import java.util.List;

/** Top-level (and, for {@link GenDecl}, local) declarations. */
public sealed interface Decl extends Node permits Decl.FuncDecl, Decl.GenDecl {

    /**
     * A function or, with a receiver, a method. {@code body} is null for a declaration without
     * one (an assembly stub). {@code directives} are the {@code //go:} lines just above it.
     */
    record FuncDecl(Pos pos, List<Directive> directives, Field recv, Expr.Ident name,
                    TypeExpr.FuncType type, Stmt.Block body) implements Decl {
        public FuncDecl {
            directives = List.copyOf(directives);
        }

        public boolean isMethod() {
            return recv != null;
        }
    }

    /** Which keyword a {@link GenDecl} used. */
    enum Kind { CONST, VAR, TYPE }

    /**
     * {@code const}, {@code var} or {@code type} with one spec, or a parenthesised group
     * ({@code grouped}). Groups matter for constants: {@code iota} counts specs within a group.
     */
    record GenDecl(Pos pos, Kind kind, boolean grouped, List<Spec> specs) implements Decl {
        public GenDecl {
            specs = List.copyOf(specs);
        }
    }
}
