package dev.goroscope.engine.lang.compile;

import dev.goroscope.engine.lang.interp.RType;
import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds run-time type descriptors from the checker's types, for fmt's {@code %v} and
 * {@code %T}. Descriptors are records and cannot be cyclic, so a named type met again inside
 * itself ({@code type Node struct{ next *Node }}) is described by name only; fmt prints nested
 * pointers as addresses anyway, so nothing it shows is lost.
 */
final class RTypes {
    private RTypes() {}

    private static final Map<Type, RType> CACHE = new HashMap<>();

    static synchronized RType of(Type t) {
        RType r = CACHE.get(t);
        if (r == null) {
            r = of(t, new HashSet<>());
            CACHE.put(t, r);
        }
        return r;
    }


    private static String nameOf(Type t) {
        if (t instanceof Named n) {
            if (n.pkg() == null) {
                return n.name(); // the predeclared error
            }
            return (n.pkg().isEmpty() ? "main" : n.pkg()) + "." + n.name();
        }
        return null;
    }

    private static RType of(Type t, Set<Type> visiting) {
        String name = nameOf(t);
        Type u = t.underlying();
        if (u instanceof Basic b) {
            return new RType.Basic(kind(b), name);
        }
        if (t instanceof Named && !visiting.add(t)) {
            // seen inside itself: by name only
            return u instanceof dev.goroscope.engine.lang.types.Signature
                    ? new RType.FuncT(List.of(), List.of(), false, name) : new RType.StructT(List.of(), name);
        }
        try {
            if (u instanceof Array a) {
                return new RType.ArrayT(a.len(), of(a.elem(), visiting), name);
            }
            if (u instanceof dev.goroscope.engine.lang.types.MapType mt) {
                return new RType.MapT(of(mt.key(), visiting), of(mt.elem(), visiting), name);
            }
            if (u instanceof dev.goroscope.engine.lang.types.Slice sl) {
                return new RType.SliceT(of(sl.elem(), visiting), name);
            }
            if (u instanceof dev.goroscope.engine.lang.types.Signature sig) {
                List<RType> ps = new ArrayList<>();
                for (Var p : sig.params().vars()) {
                    ps.add(of(p.type(), visiting));
                }
                List<RType> rs = new ArrayList<>();
                for (Var r : sig.results().vars()) {
                    rs.add(of(r.type(), visiting));
                }
                return new RType.FuncT(ps, rs, sig.variadic(), name);
            }
            if (u instanceof Pointer p) {
                return new RType.Ptr(of(p.elem(), visiting), name);
            }
            if (u instanceof Chan c) {
                RType.Dir d = c.dir() == Chan.Dir.SEND ? RType.Dir.SEND : c.dir() == Chan.Dir.RECV ? RType.Dir.RECV
                        : RType.Dir.BOTH;
                return new RType.ChanT(d, of(c.elem(), visiting), name);
            }
            if (u instanceof dev.goroscope.engine.lang.types.Interface it) {
                List<String> ms = new ArrayList<>();
                for (dev.goroscope.engine.lang.types.Func m : it.methods()) {
                    ms.add(m.name() + dev.goroscope.engine.lang.types.TypeStrings.runtime(m.type()).substring("func".length()));
                }
                return new RType.IfaceT(ms, name);
            }
            if (u instanceof Struct s) {
                List<RType.Field> fs = new ArrayList<>();
                for (Var f : s.fields()) {
                    boolean exported = !f.name().isEmpty() && Character.isUpperCase(f.name().charAt(0));
                    fs.add(new RType.Field(f.name(), of(f.type(), visiting), f.embedded(), exported));
                }
                return new RType.StructT(fs, name);
            }
            if (u instanceof dev.goroscope.engine.lang.types.Interface it) {
                // An interface as an element type (chan error, []any): its method names.
                List<String> ms = new ArrayList<>();
                for (dev.goroscope.engine.lang.types.Func m : it.methods()) {
                    ms.add(m.name());
                }
                return new RType.IfaceT(ms, t == dev.goroscope.engine.lang.check.Universe.ERROR ? "error" : name);
            }
            throw new IllegalArgumentException("no run-time descriptor for " + t);
        } finally {
            if (t instanceof Named) {
                visiting.remove(t);
            }
        }
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
