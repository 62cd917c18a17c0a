package dev.goroscope.engine.lang.interp;

import java.util.List;

/**
 * Type strings as {@code %T} and {@code reflect.Type.String} print them: a named type is its
 * qualified name ({@code main.Node}, {@code time.Duration}); other types are spelled out
 * ({@code map[string][]*main.Point}, {@code struct { A int; B string }},
 * {@code func(int, ...string) (int, error)}, {@code chan (<-chan int)}).
 */
public final class TypeNames {
    private TypeNames() {}

    public static String of(RType t) {
        StringBuilder sb = new StringBuilder();
        append(sb, t);
        return sb.toString();
    }

    private static void append(StringBuilder sb, RType t) {
        if (t == null) {
            sb.append("<nil>");
            return;
        }
        if (t.name() != null) {
            sb.append(t.name());
            return;
        }
        if (t instanceof RType.Basic b) {
            sb.append(b.kind().goName());
        } else if (t instanceof RType.Ptr p) {
            sb.append('*');
            append(sb, p.elem());
        } else if (t instanceof RType.SliceT s) {
            sb.append("[]");
            append(sb, s.elem());
        } else if (t instanceof RType.ArrayT a) {
            sb.append('[').append(a.len()).append(']');
            append(sb, a.elem());
        } else if (t instanceof RType.MapT m) {
            sb.append("map[");
            append(sb, m.key());
            sb.append(']');
            append(sb, m.elem());
        } else if (t instanceof RType.ChanT c) {
            chan(sb, c);
        } else if (t instanceof RType.StructT s) {
            struct(sb, s);
        } else if (t instanceof RType.FuncT f) {
            func(sb, f);
        } else if (t instanceof RType.IfaceT i) {
            if (i.methods().isEmpty()) {
                sb.append("interface {}");
            } else {
                sb.append("interface { ").append(String.join("; ", i.methods())).append(" }");
            }
        }
    }

    private static void chan(StringBuilder sb, RType.ChanT c) {
        switch (c.dir()) {
            case RECV:
                sb.append("<-chan ");
                break;
            case SEND:
                sb.append("chan<- ");
                break;
            default:
                sb.append("chan ");
                break;
        }
        boolean paren = c.dir() == RType.Dir.BOTH && c.elem() instanceof RType.ChanT e
                && e.name() == null && e.dir() == RType.Dir.RECV;
        if (paren) {
            sb.append('(');
        }
        append(sb, c.elem());
        if (paren) {
            sb.append(')');
        }
    }

    private static void struct(StringBuilder sb, RType.StructT s) {
        if (s.fields().isEmpty()) {
            sb.append("struct {}");
            return;
        }
        sb.append("struct { ");
        String sep = "";
        for (RType.Field f : s.fields()) {
            sb.append(sep);
            sep = "; ";
            if (!f.embedded()) {
                sb.append(f.name()).append(' ');
            }
            append(sb, f.type());
        }
        sb.append(" }");
    }

    private static void func(StringBuilder sb, RType.FuncT f) {
        sb.append("func(");
        List<RType> ps = f.params();
        for (int i = 0; i < ps.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            RType p = ps.get(i);
            if (f.variadic() && i == ps.size() - 1) {
                sb.append("...");
                append(sb, p instanceof RType.SliceT s && s.name() == null ? s.elem() : p);
            } else {
                append(sb, p);
            }
        }
        sb.append(')');
        List<RType> rs = f.results();
        if (rs.size() == 1) {
            sb.append(' ');
            append(sb, rs.get(0));
        } else if (rs.size() > 1) {
            sb.append(" (");
            for (int i = 0; i < rs.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, rs.get(i));
            }
            sb.append(')');
        }
    }
}
