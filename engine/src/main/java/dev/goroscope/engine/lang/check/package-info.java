/**
 * The Go type checker, part 2 of the front end:
 * {@link dev.goroscope.engine.lang.check.Checker#check(dev.goroscope.engine.lang.ast.SourceFile,
 * dev.goroscope.engine.lang.check.GoVersion)} resolves names, types every expression, folds
 * constants exactly, and returns an {@link dev.goroscope.engine.lang.check.Info} (the compiler's
 * input), or throws {@link dev.goroscope.engine.lang.check.GoCompileError} with at most ten
 * diagnostics worded and positioned like gc's, in the spelling of the chosen Go version.
 *
 * <p>The checker is a chain of package-private classes, each one concern: {@code CheckerBase}
 * (state, recording, untyped bookkeeping) → {@code TypeResolver} → {@code ExprChecker} →
 * {@code OperatorChecker} → {@code AssignChecker} → {@code CallChecker} →
 * {@code LiteralChecker} → {@code BuiltinChecker} → {@code SimpleStmtChecker} →
 * {@code StmtChecker} → {@code SwitchChecker} → {@code DeclChecker} → {@code Checker}.
 *
 * <p>Only the library surface in {@link dev.goroscope.engine.lang.check.Stdlib} may be imported;
 * anything else is {@code unsupported: import "net/http"} or {@code unsupported: fmt.Fprintf}.
 * {@code goto} is {@code unsupported: goto} (unless checking with {@code allowGoto}).
 */
package dev.goroscope.engine.lang.check;
