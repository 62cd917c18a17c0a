package dev.goroscope.engine.lang.types;

import dev.goroscope.engine.lang.ast.Pos;

/**
 * A named language entity an identifier can denote (spec, "Declarations and scope").
 *
 * <p>Standard-library members are ordinary objects whose {@link #pkg()} is the library
 * package's name ({@code "fmt"}, {@code "time"}, ...): {@code fmt.Println} is a {@link Func}
 * with no declaration, {@code time.Duration} a {@link TypeName}, {@code time.Second} a
 * {@link Const}. A compiler recognises them by {@link Func#fullName()}.
 */
public sealed interface Obj permits Var, Const, TypeName, Func, Builtin, PkgName, Nil {

    String name();

    /** The object's type; {@link Basic#INVALID} while unresolved or after an error. */
    Type type();

    /** Where it is declared; null for predeclared and library objects. */
    Pos pos();

    /** {@code "main"}, a library package name, or null for predeclared (universe) objects. */
    String pkg();

    /** Whether the name starts with an upper-case letter (spec, "Exported identifiers"). */
    default boolean exported() {
        String n = name();
        return !n.isEmpty() && Character.isUpperCase(n.codePointAt(0));
    }
}
