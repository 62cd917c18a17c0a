package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/** An imported package's name in the file ({@code fmt}, or an alias); {@code path} is the import path. */
public final class PkgName implements Obj {

    private final String name;
    private final String path;
    private final Pos pos;
    private boolean used;

    public PkgName(String name, String path, Pos pos) {
        this.name = name;
        this.path = path;
        this.pos = pos;
    }

    @Override
    public String name() {
        return name;
    }

    /** The import path, e.g. {@code runtime/debug}. */
    public String path() {
        return path;
    }

    @Override
    public Type type() {
        return Basic.INVALID;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    @Override
    public String pkg() {
        return "main";
    }

    public boolean used() {
        return used;
    }

    public void markUsed() {
        used = true;
    }

    @Override
    public String toString() {
        return "package " + name + " (\"" + path + "\")";
    }
}
