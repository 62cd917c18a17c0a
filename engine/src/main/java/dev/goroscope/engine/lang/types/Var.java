package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/**
 * A variable: a local, parameter, result, package-level variable, or struct field. Its type is
 * settable because {@code x := f()} learns it during checking. {@link #used()} drives the
 * "declared and not used" error.
 */
public final class Var implements Obj {

    /** What kind of variable. */
    public enum Kind { LOCAL, PARAM, RESULT, GLOBAL, FIELD }

    private final String name;
    private final Pos pos;
    private final String pkg;
    private final Kind kind;
    private final boolean embedded;
    private final String tag;
    private Type type;
    private boolean used;

    public Var(String name, Type type, Pos pos, String pkg, Kind kind, boolean embedded, String tag) {
        this.name = name;
        this.type = type;
        this.pos = pos;
        this.pkg = pkg;
        this.kind = kind;
        this.embedded = embedded;
        this.tag = tag;
    }

    /** A parameter or result without position (library signatures). */
    public static Var param(String name, Type type) {
        return new Var(name, type, null, null, Kind.PARAM, false, null);
    }

    /** A struct field. */
    public static Var field(String name, Type type, boolean embedded, String tag, Pos pos, String pkg) {
        return new Var(name, type, pos, pkg, Kind.FIELD, embedded, tag);
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

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public String pkg() {
        return pkg;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isParam() {
        return kind == Kind.PARAM;
    }

    public boolean isResult() {
        return kind == Kind.RESULT;
    }

    public boolean isGlobal() {
        return kind == Kind.GLOBAL;
    }

    public boolean isField() {
        return kind == Kind.FIELD;
    }

    /** An embedded struct field. */
    public boolean embedded() {
        return embedded;
    }

    /** The struct tag of a field, or null. */
    public String tag() {
        return tag;
    }

    public boolean used() {
        return used;
    }

    public void markUsed() {
        used = true;
    }

    @Override
    public String toString() {
        return (isField() ? "field " : "var ") + name + " " + type();
    }
}
