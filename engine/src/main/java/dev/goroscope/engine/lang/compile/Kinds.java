package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Type;

/** How the compiler sorts types: which register file a value lives in, and integer widths. */
final class Kinds {
    private Kinds() {}

    static Type under(Type t) {
        return t.underlying();
    }

    /** Scalars (bool, integers, floats) live in the long register file. */
    static boolean scalar(Type t) {
        return under(t) instanceof Basic b && (b.isBoolean() || b.isNumeric()) ;
    }

    static boolean isString(Type t) {
        return under(t) instanceof Basic b && b.isString();
    }

    static boolean isFloat(Type t) {
        return under(t) instanceof Basic b && b.isFloat();
    }

    static boolean isUnsigned(Type t) {
        return under(t) instanceof Basic b && b.isUnsigned();
    }

    static boolean isBool(Type t) {
        return under(t) instanceof Basic b && b.isBoolean();
    }

    static boolean isPointer(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.Pointer;
    }

    static boolean isStruct(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.Struct;
    }

    static boolean isSlice(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.Slice;
    }

    static boolean isMap(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.MapType;
    }

    static boolean isIface(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.Interface;
    }

    static boolean isFunc(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.Signature;
    }

    /** A value that refers to an engine heap object: a pointer, a slice's array, a channel, a closure. */
    static boolean refersToHeap(Type t) {
        return isPointer(t) || isSlice(t) || isChan(t) || isFunc(t) || isIface(t) || isMap(t);
    }

    static boolean isChan(Type t) {
        return under(t) instanceof dev.goroscope.engine.lang.types.Chan;
    }

    /** A local array of scalars: held as a long[] in a reference register. */
    static boolean scalarArray(Type t) {
        return under(t) instanceof Array a && scalar(a.elem());
    }

    /** Whether values of t hold pointers to engine heap objects (pointers, channels), at any depth. */
    static boolean holdsHeapPointers(Type t) {
        Type u = under(t);
        if (u instanceof dev.goroscope.engine.lang.types.Pointer || u instanceof dev.goroscope.engine.lang.types.Chan
                || u instanceof dev.goroscope.engine.lang.types.Slice || u instanceof dev.goroscope.engine.lang.types.Signature
                || u instanceof dev.goroscope.engine.lang.types.MapType) {
            return true;
        }
        if (u instanceof dev.goroscope.engine.lang.types.Struct s) {
            for (dev.goroscope.engine.lang.types.Var f : s.fields()) {
                if (holdsHeapPointers(f.type())) {
                    return true;
                }
            }
        }
        if (u instanceof dev.goroscope.engine.lang.types.Array a) {
            return holdsHeapPointers(a.elem());
        }
        return false;
    }

    /** Arrays and structs: values copied when assigned or passed ({@code ACOPY}). */
    static boolean copied(Type t) {
        return scalarArray(t) || isStruct(t);
    }

    /** The move instruction for a value of this type. */
    static int move(Type t) {
        return scalar(t) ? dev.goroscope.engine.lang.vm.Op.MOVI
                : copied(t) ? dev.goroscope.engine.lang.vm.Op.ACOPY : dev.goroscope.engine.lang.vm.Op.MOVR;
    }

    /** The {@code WRAP} kind for an integer type narrower than 64 bits, or 0. */
    static int wrapKind(Type t) {
        if (!(under(t) instanceof Basic b)) {
            return 0;
        }
        switch (b.kind()) {
            case INT8:
                return 1;
            case INT16:
                return 2;
            case INT32:
                return 3;
            case UINT8:
                return 4;
            case UINT16:
                return 5;
            case UINT32:
                return 6;
            default:
                return 0;
        }
    }
}
