package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/** The predeclared {@code nil}. */
public final class Nil implements Obj {

    public static final Nil NIL = new Nil();

    private Nil() {
    }

    @Override
    public String name() {
        return "nil";
    }

    @Override
    public Type type() {
        return Basic.UNTYPED_NIL;
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
        return "nil";
    }
}
