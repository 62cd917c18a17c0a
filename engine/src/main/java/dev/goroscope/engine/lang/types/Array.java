package dev.goroscope.engine.lang.types;

/** {@code [len]elem}. */
public record Array(long len, Type elem) implements Type {
    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
