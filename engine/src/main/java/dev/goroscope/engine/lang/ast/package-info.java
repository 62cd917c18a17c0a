/**
 * The Go syntax tree: sealed interfaces ({@link dev.goroscope.engine.lang.ast.Node},
 * {@link dev.goroscope.engine.lang.ast.Expr}, {@link dev.goroscope.engine.lang.ast.TypeExpr},
 * {@link dev.goroscope.engine.lang.ast.Stmt}, {@link dev.goroscope.engine.lang.ast.Decl},
 * {@link dev.goroscope.engine.lang.ast.Spec}) whose cases are immutable records nested in them,
 * so {@code Expr.Call}, {@code Stmt.Range}, {@code Decl.FuncDecl} read like Go's own
 * {@code go/ast} names. Every node carries the {@link dev.goroscope.engine.lang.ast.Pos} of its
 * first token; blocks, calls, composite literals and switches also carry their closing
 * bracket's position.
 *
 * <p>Types are expressions (see {@link dev.goroscope.engine.lang.ast.Expr} for why).
 */
package dev.goroscope.engine.lang.ast;
