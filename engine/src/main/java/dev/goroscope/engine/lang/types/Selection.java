package dev.goroscope.engine.lang.types;

import java.util.List;

/**
 * What a selector {@code x.f} denotes (the checker's answer, go/types' {@code Selection} plus
 * package members).
 *
 * <ul>
 *   <li>{@code FIELD_VAL}: {@code x.f} is a field; {@code path} walks from x's struct through
 *       embedded fields to it (the last index is f's own).</li>
 *   <li>{@code METHOD_VAL}: {@code x.m}, a method value or the callee of a method call;
 *       {@code path} walks embedded fields, its last index is the method's position in the
 *       declaring named type's (or interface's) method list.</li>
 *   <li>{@code METHOD_EXPR}: {@code T.m} or {@code (*T).m}, a function taking the receiver first.</li>
 *   <li>{@code PACKAGE_MEMBER}: {@code fmt.Println}; {@code obj} is the library object, path empty.</li>
 * </ul>
 *
 * <p>{@code indirect} is whether a pointer is dereferenced on the way (x itself, or an
 * embedded pointer field). For methods, {@code addrRecv} says the receiver value reached by
 * the path must have its address taken (pointer method on an addressable value) and
 * {@code derefRecv} that the pointer reached must be dereferenced (value method through a
 * pointer). {@code type} is the selector's type (a method value's signature has no receiver;
 * a method expression's takes it as first parameter).
 */
public record Selection(Kind kind, Type recv, Obj obj, List<Integer> path, boolean indirect,
                        boolean addrRecv, boolean derefRecv, Type type) {

    /** The kinds of selector. */
    public enum Kind { FIELD_VAL, METHOD_VAL, METHOD_EXPR, PACKAGE_MEMBER }

    public Selection {
        path = List.copyOf(path);
    }
}
