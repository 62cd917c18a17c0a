package dev.goroscope.engine.lang.types;

/**
 * A predeclared type: booleans, numbers, strings, the untyped constant kinds, and the invalid
 * type given to expressions that failed to check (it silences follow-on errors).
 *
 * <p>{@code byte} and {@code rune} are separate instances with the kinds of {@code uint8} and
 * {@code int32}: they are identical to those (equality is by kind) but keep their own name for
 * messages such as {@code constant 300 overflows byte}.
 */
public final class Basic implements Type {

    /** The kinds; complex numbers are not modelled. */
    public enum Kind {
        INVALID, BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
        FLOAT32, FLOAT64, STRING,
        UNTYPED_BOOL, UNTYPED_INT, UNTYPED_RUNE, UNTYPED_FLOAT, UNTYPED_STRING, UNTYPED_NIL
    }

    public static final Basic INVALID = new Basic(Kind.INVALID, "invalid type");
    public static final Basic BOOL = new Basic(Kind.BOOL, "bool");
    public static final Basic INT = new Basic(Kind.INT, "int");
    public static final Basic INT8 = new Basic(Kind.INT8, "int8");
    public static final Basic INT16 = new Basic(Kind.INT16, "int16");
    public static final Basic INT32 = new Basic(Kind.INT32, "int32");
    public static final Basic INT64 = new Basic(Kind.INT64, "int64");
    public static final Basic UINT = new Basic(Kind.UINT, "uint");
    public static final Basic UINT8 = new Basic(Kind.UINT8, "uint8");
    public static final Basic UINT16 = new Basic(Kind.UINT16, "uint16");
    public static final Basic UINT32 = new Basic(Kind.UINT32, "uint32");
    public static final Basic UINT64 = new Basic(Kind.UINT64, "uint64");
    public static final Basic UINTPTR = new Basic(Kind.UINTPTR, "uintptr");
    public static final Basic FLOAT32 = new Basic(Kind.FLOAT32, "float32");
    public static final Basic FLOAT64 = new Basic(Kind.FLOAT64, "float64");
    public static final Basic STRING = new Basic(Kind.STRING, "string");
    public static final Basic BYTE = new Basic(Kind.UINT8, "byte");
    public static final Basic RUNE = new Basic(Kind.INT32, "rune");
    public static final Basic UNTYPED_BOOL = new Basic(Kind.UNTYPED_BOOL, "untyped bool");
    public static final Basic UNTYPED_INT = new Basic(Kind.UNTYPED_INT, "untyped int");
    public static final Basic UNTYPED_RUNE = new Basic(Kind.UNTYPED_RUNE, "untyped rune");
    public static final Basic UNTYPED_FLOAT = new Basic(Kind.UNTYPED_FLOAT, "untyped float");
    public static final Basic UNTYPED_STRING = new Basic(Kind.UNTYPED_STRING, "untyped string");
    public static final Basic UNTYPED_NIL = new Basic(Kind.UNTYPED_NIL, "untyped nil");

    private final Kind kind;
    private final String name;

    private Basic(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public Kind kind() {
        return kind;
    }

    /** The name as written: {@code int}, {@code byte}, {@code untyped int}. */
    public String name() {
        return name;
    }

    public boolean isBoolean() {
        return kind == Kind.BOOL || kind == Kind.UNTYPED_BOOL;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.UNTYPED_STRING;
    }

    public boolean isInteger() {
        return (kind.compareTo(Kind.INT) >= 0 && kind.compareTo(Kind.UINTPTR) <= 0)
                || kind == Kind.UNTYPED_INT || kind == Kind.UNTYPED_RUNE;
    }

    public boolean isUnsigned() {
        return kind.compareTo(Kind.UINT) >= 0 && kind.compareTo(Kind.UINTPTR) <= 0;
    }

    public boolean isFloat() {
        return kind == Kind.FLOAT32 || kind == Kind.FLOAT64 || kind == Kind.UNTYPED_FLOAT;
    }

    public boolean isNumeric() {
        return isInteger() || isFloat();
    }

    /** Ordered by {@code < <= > >=}: numbers and strings. */
    public boolean isOrdered() {
        return isNumeric() || isString();
    }

    public boolean isUntyped() {
        return kind.compareTo(Kind.UNTYPED_BOOL) >= 0;
    }

    /** A type a constant may have: booleans, numbers, strings (typed or not, but not nil). */
    public boolean isConstType() {
        return kind != Kind.INVALID && kind != Kind.UNTYPED_NIL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Basic && ((Basic) o).kind == kind;
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
