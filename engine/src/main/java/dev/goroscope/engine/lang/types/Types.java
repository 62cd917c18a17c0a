package dev.goroscope.engine.lang.types;

import java.util.List;

/**
 * Relations between types from the spec: identity, assignability, convertibility,
 * comparability, and the default types of untyped constants. Assignability of untyped
 * <em>constants</em> also depends on their value (representability); that part is
 * {@link Representable}.
 */
public final class Types {

    private Types() {
    }

    /** Spec, "Type identity". */
    public static boolean identical(Type a, Type b) {
        return a == b || (a != null && a.equals(b));
    }

    /** Identity that ignores struct tags (for conversions). */
    public static boolean identicalIgnoreTags(Type a, Type b) {
        if (identical(a, b)) {
            return true;
        }
        if (a instanceof Pointer && b instanceof Pointer) {
            return identicalIgnoreTags(((Pointer) a).elem(), ((Pointer) b).elem());
        }
        if (a instanceof Struct && b instanceof Struct) {
            List<Var> x = ((Struct) a).fields();
            List<Var> y = ((Struct) b).fields();
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.get(i).name().equals(y.get(i).name()) || x.get(i).embedded() != y.get(i).embedded()
                        || !identicalIgnoreTags(x.get(i).type(), y.get(i).type())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A named type in the spec's sense: a defined type or a predeclared one. */
    public static boolean isNamed(Type t) {
        return t instanceof Named || t instanceof Basic;
    }

    public static boolean isUntyped(Type t) {
        return t instanceof Basic && ((Basic) t).isUntyped();
    }

    /**
     * The invalid type (given to expressions that failed to check), or a defined type whose
     * declaration failed. A defined type still being declared is not invalid.
     */
    public static boolean isInvalid(Type t) {
        if (t instanceof Named && !((Named) t).isComplete()) {
            return false;
        }
        return t == null || (t.underlying() instanceof Basic && ((Basic) t.underlying()).kind() == Basic.Kind.INVALID);
    }

    public static boolean isInterface(Type t) {
        return t != null && t.underlying() instanceof Interface;
    }

    private static Basic basic(Type t) {
        return t != null && t.underlying() instanceof Basic ? (Basic) t.underlying() : null;
    }

    public static boolean isBoolean(Type t) {
        Basic b = basic(t);
        return b != null && b.isBoolean();
    }

    public static boolean isString(Type t) {
        Basic b = basic(t);
        return b != null && b.isString();
    }

    public static boolean isInteger(Type t) {
        Basic b = basic(t);
        return b != null && b.isInteger();
    }

    public static boolean isUnsigned(Type t) {
        Basic b = basic(t);
        return b != null && b.isUnsigned();
    }

    public static boolean isFloat(Type t) {
        Basic b = basic(t);
        return b != null && b.isFloat();
    }

    public static boolean isNumeric(Type t) {
        Basic b = basic(t);
        return b != null && b.isNumeric();
    }

    public static boolean isOrdered(Type t) {
        Basic b = basic(t);
        return b != null && b.isOrdered();
    }

    /** Types whose values may be constants: booleans, numbers, strings. */
    public static boolean isConstType(Type t) {
        Basic b = basic(t);
        return b != null && b.isConstType();
    }

    /** Whether nil is a value of t: pointers, functions, slices, maps, channels, interfaces. */
    public static boolean hasNil(Type t) {
        Type u = t.underlying();
        return u instanceof Pointer || u instanceof Signature || u instanceof Slice || u instanceof MapType
                || u instanceof Chan || u instanceof Interface
                || (u instanceof Basic && ((Basic) u).kind() == Basic.Kind.UNTYPED_NIL);
    }

    /** The type an untyped constant gets where no other type is required (spec, "Constants"). */
    public static Type defaultType(Type t) {
        if (!(t instanceof Basic)) {
            return t;
        }
        switch (((Basic) t).kind()) {
            case UNTYPED_BOOL: return Basic.BOOL;
            case UNTYPED_INT: return Basic.INT;
            case UNTYPED_RUNE: return Basic.RUNE;
            case UNTYPED_FLOAT: return Basic.FLOAT64;
            case UNTYPED_STRING: return Basic.STRING;
            default: return t;
        }
    }

    /** Spec, "Comparison operators": {@code ==} is defined on values of t. */
    public static boolean comparable(Type t) {
        return comparable(t, 0);
    }

    private static boolean comparable(Type t, int depth) {
        if (depth > 100) {
            return true;
        }
        Type u = t.underlying();
        if (u instanceof Basic) {
            return ((Basic) u).kind() != Basic.Kind.UNTYPED_NIL;
        }
        if (u instanceof Pointer || u instanceof Chan || u instanceof Interface) {
            return true;
        }
        if (u instanceof Struct) {
            for (Var f : ((Struct) u).fields()) {
                if (!comparable(f.type(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (u instanceof Array) {
            return comparable(((Array) u).elem(), depth + 1);
        }
        return false;
    }

    /**
     * Spec, "Assignability", for a value of (typed, or untyped nil) type {@code v}. Untyped
     * constants other than nil are checked by the caller with {@link Representable}.
     */
    public static boolean assignable(Type v, Type t) {
        if (identical(v, t)) {
            return true;
        }
        if (isInvalid(v) || isInvalid(t)) {
            return true; // errors were reported where the invalid type came from
        }
        Type vu = v.underlying();
        Type tu = t.underlying();
        if (vu instanceof Basic && ((Basic) vu).kind() == Basic.Kind.UNTYPED_NIL) {
            return hasNil(t) && !(tu instanceof Basic);
        }
        if (identical(vu, tu) && (!isNamed(v) || !isNamed(t))) {
            return true;
        }
        if (tu instanceof Interface) {
            return Lookup.missingMethod(v, (Interface) tu) == null;
        }
        if (vu instanceof Chan && tu instanceof Chan && ((Chan) vu).dir() == Chan.Dir.BOTH
                && identical(((Chan) vu).elem(), ((Chan) tu).elem())) {
            return !isNamed(v) || !isNamed(t);
        }
        return false;
    }

    /** Spec, "Conversions", for a non-constant value of type {@code v} to {@code t}. */
    public static boolean convertible(Type v, Type t) {
        if (assignable(v, t)) {
            return true;
        }
        Type vu = v.underlying();
        Type tu = t.underlying();
        if (identicalIgnoreTags(vu, tu)) {
            return true;
        }
        if (v instanceof Pointer && t instanceof Pointer
                && identicalIgnoreTags(((Pointer) v).elem().underlying(), ((Pointer) t).elem().underlying())) {
            return true;
        }
        if (isNumeric(vu) && isNumeric(tu)) {
            return true;
        }
        if (isString(tu) && (isInteger(vu) || isByteOrRuneSlice(vu))) {
            return true;
        }
        if (isString(vu) && isByteOrRuneSlice(tu)) {
            return true;
        }
        if (vu instanceof Slice) {
            Type e = ((Slice) vu).elem();
            if (tu instanceof Array && identical(((Array) tu).elem(), e)) {
                return true;
            }
            if (tu instanceof Pointer && ((Pointer) tu).elem().underlying() instanceof Array
                    && identical(((Array) ((Pointer) tu).elem().underlying()).elem(), e)) {
                return true;
            }
        }
        return false;
    }

    /** {@code []byte} or {@code []rune} (also through defined element types of those kinds). */
    public static boolean isByteOrRuneSlice(Type t) {
        if (!(t.underlying() instanceof Slice)) {
            return false;
        }
        Basic b = basic(((Slice) t.underlying()).elem());
        return b != null && (b.kind() == Basic.Kind.UINT8 || b.kind() == Basic.Kind.INT32);
    }

    /** The core type behind a pointer to an array ({@code *[N]T}), or null. */
    public static Array arrayBehindPointer(Type t) {
        if (t.underlying() instanceof Pointer) {
            Type e = ((Pointer) t.underlying()).elem().underlying();
            return e instanceof Array ? (Array) e : null;
        }
        return null;
    }
}
