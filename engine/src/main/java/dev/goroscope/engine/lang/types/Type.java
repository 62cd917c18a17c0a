package dev.goroscope.engine.lang.types;

/**
 * A Go type. Composite types are immutable values whose {@code equals} is Go's type identity
 * (spec, "Type identity"), so they can key hash maps; {@link Named} types are identical only to
 * themselves, which is also what ends the recursion of cyclic types such as
 * {@code type Node struct{ next *Node }}.
 *
 * <p>{@code toString()} prints a type the way gc's error messages do: types of package
 * {@code main} unqualified ({@code Node}), others qualified ({@code time.Duration}). For the
 * runtime's spelling ({@code %T}, panics: {@code main.Node}, {@code interface {}}) use
 * {@link TypeStrings#runtime(Type)}.
 */
public sealed interface Type permits Basic, Named, Pointer, Slice, Array, MapType, Chan, Struct, Signature,
        Interface, Tuple {

    /** The underlying type (spec, "Underlying types"); itself for all but {@link Named}. */
    default Type underlying() {
        return this;
    }
}
