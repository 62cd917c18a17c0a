package dev.goroscope.engine.lang.ast;

import java.util.List;

/**
 * {@code case list: body} of an expression or type switch; an empty list is {@code default}.
 * {@code fallthrough} appears as the last statement of {@code body}.
 */
public record CaseClause(Pos pos, List<Expr> list, List<Stmt> body) implements Node {
    public CaseClause {
        list = List.copyOf(list);
        body = List.copyOf(body);
    }

    public boolean isDefault() {
        return list.isEmpty();
    }
}
