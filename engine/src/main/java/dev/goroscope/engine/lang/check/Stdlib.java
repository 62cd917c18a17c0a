package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.types.Array;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Chan;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Pointer;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Slice;
import dev.goroscope.engine.lang.types.Struct;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library surface Goroscope programs may use, typed as in Go so programs check as they
 * would with gc. Library types with unexported state ({@code sync.Mutex}, {@code time.Time})
 * are structs with the real runtime's field layout (unexported fields), so sizes and pointer
 * maps match gc's. Built once; shared (immutably) by every check.
 */
public final class Stdlib {

    private static final Map<String, StdPackage> PACKAGES = new LinkedHashMap<>();

    static final Type ANY = Interface.ANY;
    static final Type ERR = Universe.ERROR;
    static final Type INT = Basic.INT;
    static final Type STR = Basic.STRING;
    static final Type BOOL = Basic.BOOL;
    static final Type U64 = Basic.UINT64;
    static final Type BYTES = new Slice(Basic.BYTE);

    private Stdlib() {
    }

    /** The package with this import path, or null if Goroscope does not support it. */
    public static StdPackage byPath(String path) {
        return PACKAGES.get(path);
    }

    /** Every supported import path. */
    public static List<String> paths() {
        return new ArrayList<>(PACKAGES.keySet());
    }

    // ---- building blocks --------------------------------------------------------------

    /** Collects one package's members. */
    static final class Pkg {
        final String path;
        final String name;
        final Map<String, Obj> members = new LinkedHashMap<>();

        Pkg(String path) {
            this.path = path;
            this.name = path.substring(path.lastIndexOf('/') + 1);
        }

        Func func(String fname, Signature sig) {
            Func f = new Func(fname, sig, null, name, null, false);
            members.put(fname, f);
            return f;
        }

        Named type(String tname, Type underlying) {
            TypeName tn = new TypeName(tname, null, null, name, false);
            Named n = new Named(tn, underlying);
            tn.setType(n);
            members.put(tname, tn);
            return n;
        }

        void constant(String cname, Type t, long v) {
            members.put(cname, new Const(cname, t, Constant.of(v), null, name));
        }

        void var(String vname, Type t) {
            members.put(vname, new Var(vname, t, null, name, Var.Kind.GLOBAL, false, null));
        }

        /** A method on named type {@code n} ({@code ptr}: pointer receiver). */
        void method(Named n, boolean ptr, String mname, Signature sig) {
            Var recv = Var.param("", ptr ? new Pointer(n) : n);
            n.addMethod(new Func(mname, new Signature(recv, sig.params(), sig.results(), sig.variadic()), null, name,
                    null, false));
        }

        Var field(String fname, Type t) {
            return Var.field(fname, t, false, null, null, name);
        }

        void done() {
            PACKAGES.put(path, new StdPackage(path, name, members));
        }
    }

    static Tuple tuple(Object... namesAndTypes) {
        List<Var> vs = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            vs.add(Var.param((String) namesAndTypes[i], (Type) namesAndTypes[i + 1]));
        }
        return new Tuple(vs);
    }

    static Signature sig(Tuple params, Tuple results) {
        return new Signature(null, params, results, false);
    }

    static Signature variadic(Tuple params, Tuple results) {
        return new Signature(null, params, results, true);
    }

    static Tuple none() {
        return Tuple.EMPTY;
    }

    /** An interface method (its receiver is filled in by the interface's use). */
    static Func imethod(String name, Signature sig) {
        return new Func(name, sig, null, null, null, true);
    }

    static {
        StdPackages.build();
    }

    static Named opaque(Pkg p, String name, Var... fields) {
        return p.type(name, new Struct(List.of(fields)));
    }

    static Type ptr(Type t) {
        return new Pointer(t);
    }

    static Type recvChan(Type t) {
        return new Chan(Chan.Dir.RECV, t);
    }

    static Type array(long n, Type t) {
        return new Array(n, t);
    }
}
