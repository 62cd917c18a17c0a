package dev.goroscope.engine.lang.ast;

import java.util.List;

/**
 * {@code case comm: body} of a select. {@code comm} is a {@link Stmt.Send}, an
 * {@link Stmt.ExprStmt} holding a receive, or an {@link Stmt.Assign} whose single right-hand
 * side is a receive ({@code v, ok := <-ch}); null means {@code default}.
 */
public record CommClause(Pos pos, Stmt comm, List<Stmt> body) implements Node {
    public CommClause {
        body = List.copyOf(body);
    }

    public boolean isDefault() {
        return comm == null;
    }
}
