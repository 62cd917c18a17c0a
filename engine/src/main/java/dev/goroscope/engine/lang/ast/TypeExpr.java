package dev.goroscope.engine.lang.ast;

import java.util.List;

/** Type literals: expressions that can only denote a type (see {@link Expr} for the rest). */
public sealed interface TypeExpr extends Expr permits TypeExpr.ArrayType, TypeExpr.SliceType,
        TypeExpr.MapType, TypeExpr.ChanType, TypeExpr.FuncType, TypeExpr.StructType, TypeExpr.InterfaceType {

    /** {@code [len]elem}; {@code len} is null for {@code [...]elem}, legal only in a composite literal. */
    record ArrayType(Pos pos, Expr len, Expr elem) implements TypeExpr {}

    /** {@code []elem}. */
    record SliceType(Pos pos, Expr elem) implements TypeExpr {}

    /** {@code map[key]value}. */
    record MapType(Pos pos, Expr key, Expr value) implements TypeExpr {}

    /** The direction a channel type allows. */
    enum ChanDir { BOTH, SEND, RECV }

    /** {@code chan T}, {@code chan<- T} (SEND) or {@code <-chan T} (RECV). */
    record ChanType(Pos pos, ChanDir dir, Expr value) implements TypeExpr {}

    /**
     * A signature. Parameters and results are {@link Field}s grouped as written
     * ({@code a, b int} is one field with two names); unnamed ones have no names.
     */
    record FuncType(Pos pos, List<Field> params, List<Field> results) implements TypeExpr {
        public FuncType {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    /** {@code struct{...}}; embedded fields are {@link Field}s without names. */
    record StructType(Pos pos, List<Field> fields) implements TypeExpr {
        public StructType {
            fields = List.copyOf(fields);
        }
    }

    /**
     * {@code interface{...}}: methods are fields with one name and a {@link FuncType};
     * embedded interfaces are fields without names.
     */
    record InterfaceType(Pos pos, List<Field> methods) implements TypeExpr {
        public InterfaceType {
            methods = List.copyOf(methods);
        }
    }
}
