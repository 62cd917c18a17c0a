package dev.goroscope.engine.lang.ast;

/**
 * A {@code //go:name args} compiler directive written at the start of a line, such as
 * {@code //go:noinline}. {@code text} is everything after the {@code //}.
 */
public record Directive(Pos pos, String text) {

    /** The directive name, e.g. {@code go:noinline}. */
    public String name() {
        int sp = text.indexOf(' ');
        return sp < 0 ? text : text.substring(0, sp);
    }
}
