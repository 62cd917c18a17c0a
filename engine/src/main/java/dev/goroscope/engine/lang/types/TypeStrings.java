package dev.goroscope.engine.lang.types;

import java.util.List;

/**
 * Type spellings. {@link #of(Type)} is go/types' (gc error messages): {@code struct{A int}},
 * {@code func(x int) string}, types of package main unqualified. {@link #runtime(Type)} is
 * reflect's (what {@code %T} and runtime panics print): {@code struct { A int }},
 * {@code interface {}}, {@code func(int) string}, {@code main.T}.
 */
public final class TypeStrings {

    private static final int MAX_DEPTH = 64;

    private final boolean runtime;
    private final StringBuilder sb = new StringBuilder();
    private int depth;

    private TypeStrings(boolean runtime) {
        this.runtime = runtime;
    }

    /** The spelling used in compile errors. */
    public static String of(Type t) {
        TypeStrings w = new TypeStrings(false);
        w.type(t);
        return w.sb.toString();
    }

    /** The spelling used by reflect, {@code %T} and runtime error messages. */
    public static String runtime(Type t) {
        TypeStrings w = new TypeStrings(true);
        w.type(t);
        return w.sb.toString();
    }

    private void type(Type t) {
        if (++depth > MAX_DEPTH) {
            sb.append("...");
            depth--;
            return;
        }
        write(t);
        depth--;
    }

    private void write(Type t) {
        if (t == null) {
            sb.append("<nil>");
        } else if (t instanceof Basic) {
            sb.append(((Basic) t).name());
        } else if (t instanceof Named) {
            Named n = (Named) t;
            if (n.pkg() != null && (runtime || !n.pkg().equals("main"))) {
                sb.append(n.pkg()).append('.');
            }
            sb.append(n.name());
        } else if (t instanceof Pointer) {
            sb.append('*');
            type(((Pointer) t).elem());
        } else if (t instanceof Slice) {
            sb.append("[]");
            type(((Slice) t).elem());
        } else if (t instanceof Array) {
            sb.append('[').append(((Array) t).len()).append(']');
            type(((Array) t).elem());
        } else if (t instanceof MapType) {
            sb.append("map[");
            type(((MapType) t).key());
            sb.append(']');
            type(((MapType) t).elem());
        } else if (t instanceof Chan) {
            chan((Chan) t);
        } else if (t instanceof Struct) {
            struct((Struct) t);
        } else if (t instanceof Signature) {
            sb.append("func");
            signature((Signature) t);
        } else if (t instanceof Interface) {
            iface((Interface) t);
        } else if (t instanceof Tuple) {
            tuple(((Tuple) t).vars(), false);
        }
    }

    private void chan(Chan c) {
        boolean paren = false;
        switch (c.dir()) {
            case SEND: sb.append("chan<- "); break;
            case RECV: sb.append("<-chan "); break;
            default:
                sb.append("chan ");
                paren = c.elem() instanceof Chan && ((Chan) c.elem()).dir() == Chan.Dir.RECV;
        }
        if (paren) {
            sb.append('(');
        }
        type(c.elem());
        if (paren) {
            sb.append(')');
        }
    }

    private void struct(Struct s) {
        sb.append(runtime ? "struct {" : "struct{");
        boolean first = true;
        for (Var f : s.fields()) {
            sb.append(first ? (runtime ? " " : "") : "; ");
            first = false;
            if (!f.embedded()) {
                sb.append(f.name()).append(' ');
            }
            type(f.type());
            if (f.tag() != null) {
                sb.append(' ').append(Constant.quote(f.tag()));
            }
        }
        sb.append(runtime && !s.fields().isEmpty() ? " }" : "}");
    }

    private void iface(Interface t) {
        if (!runtime && t == Interface.ANY) {
            sb.append("any");
            return;
        }
        sb.append(runtime ? "interface {" : "interface{");
        boolean first = true;
        List<Func> ms = runtime ? t.methods() : t.explicitMethods();
        for (Func m : ms) {
            sb.append(first ? (runtime ? " " : "") : "; ");
            first = false;
            sb.append(m.name());
            signature(m.type());
        }
        if (!runtime) {
            for (Type e : t.embeddeds()) {
                sb.append(first ? "" : "; ");
                first = false;
                type(e);
            }
        }
        sb.append(runtime && !ms.isEmpty() ? " }" : "}");
    }

    private void signature(Signature s) {
        tuple(s.params().vars(), s.variadic());
        List<Var> rs = s.results().vars();
        if (rs.isEmpty()) {
            return;
        }
        sb.append(' ');
        if (rs.size() == 1 && (runtime || rs.get(0).name().isEmpty())) {
            type(rs.get(0).type());
        } else {
            tuple(rs, false);
        }
    }

    private void tuple(List<Var> vs, boolean variadic) {
        sb.append('(');
        for (int i = 0; i < vs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Var v = vs.get(i);
            if (!runtime && !v.name().isEmpty()) {
                sb.append(v.name()).append(' ');
            }
            if (variadic && i == vs.size() - 1 && v.type() instanceof Slice) {
                sb.append("...");
                type(((Slice) v.type()).elem());
            } else {
                type(v.type());
            }
        }
        sb.append(')');
    }
}
