package dev.goroscope.engine.lang.types;

/**
 * A function type. {@code recv} is the receiver of a method's signature (null otherwise) and
 * plays no part in identity. When {@code variadic}, the last parameter's type is a
 * {@link Slice} ({@code ...T} is {@code []T} inside the function).
 */
public record Signature(Var recv, Tuple params, Tuple results, boolean variadic) implements Type {

    /** {@code func()}. */
    public static final Signature EMPTY = new Signature(null, Tuple.EMPTY, Tuple.EMPTY, false);

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Signature)) {
            return false;
        }
        Signature s = (Signature) o;
        return variadic == s.variadic && params.equals(s.params) && results.equals(s.results);
    }

    @Override
    public int hashCode() {
        return params.hashCode() * 31 + results.hashCode() + (variadic ? 1 : 0);
    }

    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
