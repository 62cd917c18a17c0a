package dev.goroscope.engine.lang.types;

/** {@code *elem}. */
public record Pointer(Type elem) implements Type {
    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
