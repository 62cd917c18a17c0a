package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/**
 * A type name: a defined type (its type is a {@link Named}), an alias ({@code type A = B}; its
 * type is B's), or a predeclared type.
 */
public final class TypeName implements Obj {

    private final String name;
    private final Pos pos;
    private final String pkg;
    private final boolean alias;
    private Type type;

    public TypeName(String name, Type type, Pos pos, String pkg, boolean alias) {
        this.name = name;
        this.type = type;
        this.pos = pos;
        this.pkg = pkg;
        this.alias = alias;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type type() {
        return type == null ? Basic.INVALID : type;
    }

    public void setType(Type t) {
        this.type = t;
    }

    public boolean isAlias() {
        return alias;
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
        return "type " + name;
    }
}
