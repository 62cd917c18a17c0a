package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/** A predeclared function ({@code len}, {@code append}, ...); its calls are typed specially. */
public final class Builtin implements Obj {

    /** The built-in functions (spec, "Built-in functions"), without the complex ones. */
    public enum Kind {
        APPEND, CAP, CLEAR, CLOSE, COPY, DELETE, LEN, MAKE, MAX, MIN, NEW, PANIC, PRINT, PRINTLN, RECOVER;

        /** The Go name. */
        public String goName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    public Builtin(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind.goName();
    }

    @Override
    public Type type() {
        return Basic.INVALID;
    }

    @Override
    public Pos pos() {
        return null;
    }

    @Override
    public String pkg() {
        return null;
    }

    @Override
    public String toString() {
        return "builtin " + name();
    }
}
