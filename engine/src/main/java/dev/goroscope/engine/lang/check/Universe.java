package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Builtin;
import dev.goroscope.engine.lang.types.Const;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Func;
import dev.goroscope.engine.lang.types.Interface;
import dev.goroscope.engine.lang.types.Named;
import dev.goroscope.engine.lang.types.Nil;
import dev.goroscope.engine.lang.types.Signature;
import dev.goroscope.engine.lang.types.Tuple;
import dev.goroscope.engine.lang.types.TypeName;
import dev.goroscope.engine.lang.types.Var;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The universe block (spec, "Predeclared identifiers"), one per supported Go version because
 * {@code min}, {@code max} and {@code clear} arrived in 1.21. {@code error} and {@code any} are
 * shared by every check, so library signatures can use them.
 */
public final class Universe {

    /** The predeclared {@code error} interface type. */
    public static final Named ERROR;
    /** {@code iota}; its value depends on the constant spec being checked. */
    static final Const IOTA = new Const("iota", Basic.UNTYPED_INT, Constant.of(0), null, null);

    private static final Map<GoVersion, Scope> SCOPES = new EnumMap<>(GoVersion.class);

    static {
        TypeName en = new TypeName("error", null, null, null, false);
        ERROR = new Named(en, null);
        en.setType(ERROR);
        Signature errSig = new Signature(Var.param("", ERROR), Tuple.EMPTY,
                new Tuple(List.of(Var.param("", Basic.STRING))), false);
        ERROR.setUnderlying(new Interface(List.of(new Func("Error", errSig, null, null, null, true)), List.of()));
        for (GoVersion v : GoVersion.values()) {
            SCOPES.put(v, build(v));
        }
    }

    private Universe() {
    }

    /** The universe scope for a version. */
    public static Scope scope(GoVersion v) {
        return SCOPES.get(v);
    }

    private static Scope build(GoVersion v) {
        Scope s = new Scope(null, null);
        for (Basic b : List.of(Basic.BOOL, Basic.INT, Basic.INT8, Basic.INT16, Basic.INT32, Basic.INT64, Basic.UINT,
                Basic.UINT8, Basic.UINT16, Basic.UINT32, Basic.UINT64, Basic.UINTPTR, Basic.FLOAT32, Basic.FLOAT64,
                Basic.STRING, Basic.BYTE, Basic.RUNE)) {
            s.insert(new TypeName(b.name(), b, null, null, false));
        }
        s.insert(ERROR.obj());
        s.insert(new TypeName("any", Interface.ANY, null, null, true));
        s.insert(new Const("true", Basic.UNTYPED_BOOL, Constant.of(true), null, null));
        s.insert(new Const("false", Basic.UNTYPED_BOOL, Constant.of(false), null, null));
        s.insert(IOTA);
        s.insert(Nil.NIL);
        for (Builtin.Kind k : Builtin.Kind.values()) {
            boolean new121 = k == Builtin.Kind.MIN || k == Builtin.Kind.MAX || k == Builtin.Kind.CLEAR;
            if (!new121 || v.atLeast(21)) {
                s.insert(new Builtin(k));
            }
        }
        return s;
    }
}
