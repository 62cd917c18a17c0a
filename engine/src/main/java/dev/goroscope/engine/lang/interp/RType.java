package dev.goroscope.engine.lang.interp;

import java.util.List;

/**
 * Run-time type descriptors: what the interpreter knows of a type while running (Go's
 * {@code _type}), built by the compiler from the checker's types. Interface values carry one;
 * {@code fmt} reads them for {@code %v}, {@code %T} and friends.
 *
 * <p>Every descriptor has an optional {@code name} (a named type such as {@code main.Celsius} or
 * {@code time.Duration}, null when unnamed) and the methods of its method set that a program can
 * reach dynamically ({@code String}, {@code Error}).
 */
public sealed interface RType {
    /** Named type name as {@code %T} prints it (e.g. {@code main.Node}), or null. */
    String name();

    /** The kinds of basic types. */
    enum Kind {
        BOOL, INT, INT8, INT16, INT32, INT64, UINT, UINT8, UINT16, UINT32, UINT64, UINTPTR,
        FLOAT32, FLOAT64, STRING, UNSAFE_POINTER;

        public boolean isInteger() {
            return ordinal() >= INT.ordinal() && ordinal() <= UINTPTR.ordinal();
        }

        public boolean isUnsigned() {
            return ordinal() >= UINT.ordinal() && ordinal() <= UINTPTR.ordinal();
        }

        public boolean isFloat() {
            return this == FLOAT32 || this == FLOAT64;
        }

        /** Go's spelling: {@code int64}, {@code uint8}, ... */
        public String goName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace("unsafe_pointer", "unsafe.Pointer");
        }
    }

    record Basic(Kind kind, String name) implements RType {}

    record Ptr(RType elem, String name) implements RType {}

    record SliceT(RType elem, String name) implements RType {}

    record ArrayT(long len, RType elem, String name) implements RType {}

    record MapT(RType key, RType elem, String name) implements RType {}

    /** Channel direction as written: {@code chan}, {@code <-chan}, {@code chan<-}. */
    enum Dir { BOTH, RECV, SEND }

    record ChanT(Dir dir, RType elem, String name) implements RType {}

    /** A struct field; an embedded field's {@code name} is its type's name. */
    record Field(String name, RType type, boolean embedded, boolean exported) {}

    record StructT(List<Field> fields, String name) implements RType {
        public StructT {
            fields = List.copyOf(fields);
        }
    }

    record FuncT(List<RType> params, List<RType> results, boolean variadic, String name) implements RType {
        public FuncT {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    record IfaceT(List<String> methods, String name) implements RType {
        public IfaceT {
            methods = List.copyOf(methods);
        }
    }
}
