package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.types.Basic;
import dev.goroscope.engine.lang.types.Constant;
import dev.goroscope.engine.lang.types.Obj;
import dev.goroscope.engine.lang.types.Type;
import dev.goroscope.engine.lang.types.Types;

/** An evaluated expression during checking: what it is (mode), its type, its constant value. */
final class Operand {

    /** What kind of thing an expression denotes. */
    enum Mode {
        INVALID("invalid operand"), NOVALUE("no value"), BUILTIN("built-in"), TYPEXPR("type"),
        CONSTANT("constant"), VARIABLE("variable"), MAPINDEX("map index expression"), VALUE("value"),
        COMMAOK("comma, ok expression");

        final String text;

        Mode(String text) {
            this.text = text;
        }
    }

    Mode mode;
    Type type;
    Constant val;
    Expr expr;
    /** The builtin or other object behind a BUILTIN operand. */
    Obj obj;

    Operand(Mode mode, Type type, Constant val, Expr expr) {
        this.mode = mode;
        this.type = type;
        this.val = val;
        this.expr = expr;
    }

    static Operand invalid(Expr e) {
        return new Operand(Mode.INVALID, Basic.INVALID, null, e);
    }

    boolean invalid() {
        return mode == Mode.INVALID;
    }

    boolean isConst() {
        return mode == Mode.CONSTANT;
    }

    boolean isNil() {
        return type == Basic.UNTYPED_NIL || (type instanceof Basic && ((Basic) type).kind() == Basic.Kind.UNTYPED_NIL);
    }

    boolean isUntyped() {
        return Types.isUntyped(type);
    }

    boolean isValue() {
        return mode == Mode.CONSTANT || mode == Mode.VARIABLE || mode == Mode.MAPINDEX || mode == Mode.VALUE
                || mode == Mode.COMMAOK;
    }

    /**
     * go/types' description of an operand, used in many messages:
     * {@code x (variable of type int)}, {@code 300 (untyped int constant)},
     * {@code c (untyped int constant 3)}, {@code f() (value of type string)}.
     */
    String describe() {
        String e = ExprStrings.of(expr);
        if (isNil()) {
            return "nil";
        }
        StringBuilder sb = new StringBuilder(e).append(" (");
        boolean hasType = false;
        switch (mode) {
            case INVALID: case NOVALUE: case BUILTIN: case TYPEXPR:
                break;
            default:
                if (type != null) {
                    if (isUntyped()) {
                        sb.append(((Basic) type).name()).append(' ');
                    } else {
                        hasType = true;
                    }
                }
        }
        sb.append(mode.text);
        if (mode == Mode.CONSTANT && val != null) {
            String s = val.toString();
            if (!s.equals(e)) {
                sb.append(' ').append(s);
            }
        }
        if (hasType) {
            if (Types.isInvalid(type)) {
                sb.append(" with invalid type");
            } else {
                sb.append(" of type ").append(type);
            }
        }
        return sb.append(')').toString();
    }
}
