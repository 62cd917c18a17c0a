package dev.goroscope.engine.lang.ast;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Expressions, and also types: in Go source the two cannot be told apart by syntax alone
 * ({@code T(x)} may be a conversion or a call, {@code *p} a dereference or a pointer type,
 * {@code a.B} a field or a qualified type name), so types are {@code Expr}s too, exactly as in
 * {@code go/ast}. Nodes that can <em>only</em> be types implement the sub-interface
 * {@link TypeExpr}; the ambiguous ones ({@link Ident}, {@link Selector}, {@link Star},
 * {@link Paren}, {@link Index}) are resolved by the checker.
 *
 * <p>{@code nil}, {@code true}, {@code false} and {@code iota} are plain {@link Ident}s: they are
 * predeclared identifiers, not keywords, and may be shadowed.
 */
public sealed interface Expr extends Node permits Expr.Ident, Expr.IntLit, Expr.FloatLit, Expr.RuneLit,
        Expr.StringLit, Expr.CompositeLit, Expr.KeyValue, Expr.FuncLit, Expr.Paren, Expr.Selector,
        Expr.Index, Expr.SliceExpr, Expr.TypeAssert, Expr.Call, Expr.Star, Expr.Unary, Expr.Binary,
        TypeExpr {

    /** A name; {@code _} is the blank identifier. */
    record Ident(Pos pos, String name) implements Expr {
        public boolean isBlank() {
            return name.equals("_");
        }
    }

    /** An integer literal; {@code value} is exact (Go constants are arbitrary precision). */
    record IntLit(Pos pos, String raw, BigInteger value) implements Expr {}

    /** A floating-point literal, decimal or hexadecimal, with its exact decimal value. */
    record FloatLit(Pos pos, String raw, BigDecimal value) implements Expr {}

    /** A rune literal; {@code value} is the Unicode code point (or byte value for {@code \x}). */
    record RuneLit(Pos pos, String raw, int value) implements Expr {}

    /**
     * A string literal, interpreted or raw; {@code value} has escapes decoded. Go strings are
     * bytes: escapes such as {@code \xff} that do not form valid UTF-8 decode to U+FFFD here.
     */
    record StringLit(Pos pos, String raw, String value) implements Expr {}

    /**
     * {@code T{...}}. {@code type} is null when elided inside an enclosing literal
     * ({@code []Point{{1, 2}}}); {@code elts} may hold {@link KeyValue}s.
     */
    record CompositeLit(Pos pos, Expr type, Pos lbrace, List<Expr> elts, Pos rbrace) implements Expr {
        public CompositeLit {
            elts = List.copyOf(elts);
        }
    }

    /** {@code key: value} inside a composite literal. */
    record KeyValue(Pos pos, Expr key, Expr value) implements Expr {}

    /** A function literal (closure). */
    record FuncLit(Pos pos, TypeExpr.FuncType type, Stmt.Block body) implements Expr {}

    /** {@code (x)}; kept so that error positions and {@code (*T)(x)} conversions survive. */
    record Paren(Pos pos, Expr x) implements Expr {}

    /** {@code x.sel}: a field, method, or package-qualified name. */
    record Selector(Pos pos, Expr x, Ident sel) implements Expr {}

    /** {@code x[index]}. */
    record Index(Pos pos, Expr x, Pos lbrack, Expr index) implements Expr {}

    /** {@code x[lo:hi]} or, when {@code full}, {@code x[lo:hi:max]}; missing bounds are null. */
    record SliceExpr(Pos pos, Expr x, Pos lbrack, Expr lo, Expr hi, Expr max, boolean full) implements Expr {}

    /**
     * {@code x.(T)}. {@code type} is null for {@code x.(type)}, which the parser only builds
     * inside a type switch header and leaves for the checker to reject anywhere else.
     */
    record TypeAssert(Pos pos, Expr x, Expr type) implements Expr {}

    /**
     * {@code fun(args)}, a call or a conversion. {@code ellipsis} is the position of a final
     * {@code ...} ({@code f(xs...)}), or null.
     */
    record Call(Pos pos, Expr fun, Pos lparen, List<Expr> args, Pos ellipsis, Pos rparen) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public boolean hasEllipsis() {
            return ellipsis != null;
        }
    }

    /** {@code *x}: a dereference or a pointer type. */
    record Star(Pos pos, Expr x) implements Expr {}

    /** A unary operation: {@code + - ! ^ & <-} (never {@code *}, which is {@link Star}). */
    record Unary(Pos pos, Op op, Expr x) implements Expr {}

    /** {@code x op y}; {@code pos} is that of {@code x}, {@code opPos} that of the operator. */
    record Binary(Pos pos, Expr x, Op op, Pos opPos, Expr y) implements Expr {}
}
