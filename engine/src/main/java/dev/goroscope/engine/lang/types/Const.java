package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/** A named constant, with its exact value; type and value are set once its spec is checked. */
public final class Const implements Obj {

    private final String name;
    private final Pos pos;
    private final String pkg;
    private Type type;
    private Constant value;

    public Const(String name, Type type, Constant value, Pos pos, String pkg) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.pos = pos;
        this.pkg = pkg;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type type() {
        return type == null ? Basic.INVALID : type;
    }

    /** The exact value; null when its declaration failed to check. */
    public Constant value() {
        return value;
    }

    public void set(Type t, Constant v) {
        this.type = t;
        this.value = v;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public String pkg() {
        return pkg;
    }

    @Override
    public String toString() {
        return "const " + name + " " + type() + " = " + value;
    }
}
