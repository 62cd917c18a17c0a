package dev.goroscope.engine.lang.ast;

import java.util.List;

/**
 * One entry of a parameter list, result list, receiver, struct or interface: {@code names}
 * (possibly none, for unnamed parameters and embedded fields), the type, whether it is a
 * variadic {@code ...T} parameter (then {@code type} is {@code T}), and a struct tag or null.
 */
public record Field(Pos pos, List<Expr.Ident> names, Expr type, boolean variadic, Expr.StringLit tag)
        implements Node {

    public Field {
        names = List.copyOf(names);
    }

    /** An embedded struct field or embedded interface: a type with no name. */
    public boolean isEmbedded() {
        return names.isEmpty();
    }
}
