package dev.goroscope.engine.lang.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A defined type ({@code type T ...}), identical only to itself. The underlying type is set
 * after construction so that a declaration may refer to itself; methods are added as the
 * checker meets their declarations.
 */
public final class Named implements Type {

    private final TypeName obj;
    private Type underlying;
    private final List<Func> methods = new ArrayList<>();

    public Named(TypeName obj, Type underlying) {
        this.obj = obj;
        this.underlying = underlying;
    }

    public TypeName obj() {
        return obj;
    }

    public String name() {
        return obj.name();
    }

    /** {@code main} or a standard package's name. */
    public String pkg() {
        return obj.pkg();
    }

    @Override
    public Type underlying() {
        Type u = underlying;
        int guard = 0;
        while (u instanceof Named && guard++ < 100) {
            u = ((Named) u).underlying;
        }
        return u == null || u instanceof Named ? Basic.INVALID : u;
    }

    /** The type this one was declared from (possibly another {@link Named}); null while unresolved. */
    public Type declaredUnderlying() {
        return underlying;
    }

    /** Whether the declaration has been resolved (the underlying type is set). */
    public boolean isComplete() {
        return underlying != null;
    }

    public void setUnderlying(Type t) {
        this.underlying = t;
    }

    /** Methods declared with this type (or {@code *T}) as receiver, in declaration order. */
    public List<Func> methods() {
        return Collections.unmodifiableList(methods);
    }

    public void addMethod(Func f) {
        methods.add(f);
    }

    /** The declared method with this name, or null. */
    public Func method(String name) {
        for (Func f : methods) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return TypeStrings.of(this);
    }
}
