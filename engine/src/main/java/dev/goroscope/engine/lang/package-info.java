/**
 * The Go-subset front end, part 1: {@link dev.goroscope.engine.lang.Parser#parse(String, String)}
 * turns a {@code .go} file into a position-annotated syntax tree
 * ({@link dev.goroscope.engine.lang.ast.SourceFile}) or throws
 * {@link dev.goroscope.engine.lang.GoSyntaxError} with diagnostics worded and positioned like
 * the Go compiler's ({@code prog.go:3:14: syntax error: ...}, 1-based byte columns).
 *
 * <p>Pipeline: {@code Source} (code-point cursor with gc positions) → {@code Scanner} (tokens,
 * automatic semicolons, {@code //go:} directives; numbers in {@code Numbers}) → the parser chain
 * {@code ParserCore} → {@code TypeParser} → {@code ExprParser} → {@code StmtParser} (+
 * {@code SwitchParsing}) → {@code Parser}. Only the entry point and the error types are public.
 *
 * <p>Deliberately refused with an {@code unsupported:} diagnostic: generics, complex numbers,
 * cgo and package {@code unsafe}. Name resolution, types, constant evaluation, "missing return",
 * unused variables and imports belong to the checker.
 */
package dev.goroscope.engine.lang;
