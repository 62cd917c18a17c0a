package dev.goroscope.engine.lang.ast;

import java.util.List;

/** The specs inside import, const, var and type declarations. */
public sealed interface Spec extends Node permits Spec.ImportSpec, Spec.ValueSpec, Spec.TypeSpec {

    /** {@code import name "path"}; {@code name} is null, an alias, {@code .} or {@code _}. */
    record ImportSpec(Pos pos, Expr.Ident name, Expr.StringLit path) implements Spec {}

    /**
     * One line of a {@code var} or {@code const} declaration.
     *
     * <p>For constants, {@code iota} is this spec's index in its group (0 outside a group).
     * When a constant spec omits its type and values, Go repeats the previous spec's; the
     * parser does that repetition here, sharing the earlier {@code type} and {@code values}
     * nodes and setting {@code implicit}, so the checker only has to evaluate them again with
     * this spec's {@code iota}.
     */
    record ValueSpec(Pos pos, List<Expr.Ident> names, Expr type, List<Expr> values, int iota,
                     boolean implicit) implements Spec {
        public ValueSpec {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }
    }

    /** {@code type Name T}, or the alias {@code type Name = T} ({@code alias}). */
    record TypeSpec(Pos pos, Expr.Ident name, boolean alias, Expr type) implements Spec {}
}
