package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Type;

/** Builds run-time type descriptors from the checker's types (enough for fmt's {@code %v} and {@code %T}). */
final class RTypes {
    private RTypes() {}

    static RType of(Type t) {
        String name = null;
        if (t instanceof Named n) {
            name = "main".equals(n.pkg()) || n.pkg() == null ? "main." + n.name() : n.pkg() + "." + n.name();
        }
        Type u = t.underlying();
        if (u instanceof Basic b) {
            return new RType.Basic(kind(b), name);
        }
        if (u instanceof Array a) {
            return new RType.ArrayT(a.len(), of(a.elem()), name);
        }
        throw new IllegalArgumentException("no run-time descriptor for " + t);
    }

    static RType.Kind kind(Basic b) {
        switch (b.kind()) {
            case BOOL: case UNTYPED_BOOL: return RType.Kind.BOOL;
            case INT: case UNTYPED_INT: return RType.Kind.INT;
            case INT8: return RType.Kind.INT8;
            case INT16: return RType.Kind.INT16;
            case INT32: case UNTYPED_RUNE: return RType.Kind.INT32;
            case INT64: return RType.Kind.INT64;
            case UINT: return RType.Kind.UINT;
            case UINT8: return RType.Kind.UINT8;
            case UINT16: return RType.Kind.UINT16;
            case UINT32: return RType.Kind.UINT32;
            case UINT64: return RType.Kind.UINT64;
            case UINTPTR: return RType.Kind.UINTPTR;
            case FLOAT32: return RType.Kind.FLOAT32;
            case FLOAT64: case UNTYPED_FLOAT: return RType.Kind.FLOAT64;
            default: return RType.Kind.STRING;
        }
    }
}
