package dev.goroscope.engine.lang.ast;

/**
 * Every syntax tree node: it knows where it starts.
 *
 * <p>The tree follows the shape of Go's own {@code go/ast} closely enough that a reader of the
 * Go spec finds each production, but with records and sealed interfaces so that later phases
 * (checker, compiler) can switch exhaustively over the node kinds.
 */
public sealed interface Node permits Expr, Stmt, Decl, Spec, Field, CaseClause, CommClause, SourceFile {

    /** Where the node starts (its first token). */
    Pos pos();
}
