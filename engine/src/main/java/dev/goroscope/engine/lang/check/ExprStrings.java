package dev.goroscope.engine.lang.check;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Field;
import dev.goroscope.engine.lang.ast.TypeExpr;
import java.util.List;

/**
 * Expressions printed the way gc quotes them in messages: operators spaced
 * ({@code x + y}), literals as written, composite literals and function bodies shortened to
 * {@code {…}}.
 */
final class ExprStrings {

    private static final int MAX_DEPTH = 50;

    private final StringBuilder sb = new StringBuilder();
    private int depth;

    private ExprStrings() {
    }

    static String of(Expr e) {
        ExprStrings w = new ExprStrings();
        w.expr(e);
        return w.sb.toString();
    }

    private void expr(Expr e) {
        if (++depth > MAX_DEPTH) {
            sb.append('…');
        } else {
            write(e);
        }
        depth--;
    }

    private void write(Expr e) {
        if (e == null) {
            return;
        } else if (e instanceof Expr.Ident) {
            sb.append(((Expr.Ident) e).name());
        } else if (e instanceof Expr.IntLit) {
            sb.append(((Expr.IntLit) e).raw());
        } else if (e instanceof Expr.FloatLit) {
            sb.append(((Expr.FloatLit) e).raw());
        } else if (e instanceof Expr.RuneLit) {
            sb.append(((Expr.RuneLit) e).raw());
        } else if (e instanceof Expr.StringLit) {
            sb.append(((Expr.StringLit) e).raw());
        } else if (e instanceof Expr.CompositeLit) {
            Expr.CompositeLit c = (Expr.CompositeLit) e;
            expr(c.type());
            sb.append(c.elts().isEmpty() ? "{}" : "{…}");
        } else if (e instanceof Expr.KeyValue) {
            expr(((Expr.KeyValue) e).key());
            sb.append(": ");
            expr(((Expr.KeyValue) e).value());
        } else if (e instanceof Expr.FuncLit) {
            Expr.FuncLit f = (Expr.FuncLit) e;
            expr(f.type());
            sb.append(f.body().stmts().isEmpty() ? " {}" : " {…}");
        } else if (e instanceof Expr.Paren) {
            sb.append('(');
            expr(((Expr.Paren) e).x());
            sb.append(')');
        } else if (e instanceof Expr.Selector) {
            expr(((Expr.Selector) e).x());
            sb.append('.').append(((Expr.Selector) e).sel().name());
        } else if (e instanceof Expr.Index) {
            expr(((Expr.Index) e).x());
            sb.append('[');
            expr(((Expr.Index) e).index());
            sb.append(']');
        } else if (e instanceof Expr.SliceExpr) {
            Expr.SliceExpr s = (Expr.SliceExpr) e;
            expr(s.x());
            sb.append('[');
            expr(s.lo());
            sb.append(':');
            expr(s.hi());
            if (s.full()) {
                sb.append(':');
                expr(s.max());
            }
            sb.append(']');
        } else if (e instanceof Expr.TypeAssert) {
            expr(((Expr.TypeAssert) e).x());
            sb.append(".(");
            if (((Expr.TypeAssert) e).type() == null) {
                sb.append("type");
            } else {
                expr(((Expr.TypeAssert) e).type());
            }
            sb.append(')');
        } else if (e instanceof Expr.Call) {
            Expr.Call c = (Expr.Call) e;
            expr(c.fun());
            sb.append('(');
            list(c.args());
            if (c.hasEllipsis()) {
                sb.append("...");
            }
            sb.append(')');
        } else if (e instanceof Expr.Star) {
            sb.append('*');
            expr(((Expr.Star) e).x());
        } else if (e instanceof Expr.Unary) {
            sb.append(((Expr.Unary) e).op().text());
            expr(((Expr.Unary) e).x());
        } else if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            expr(b.x());
            sb.append(' ').append(b.op().text()).append(' ');
            expr(b.y());
        } else if (e instanceof TypeExpr) {
            typeExpr((TypeExpr) e);
        }
    }

    private void list(List<Expr> es) {
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            expr(es.get(i));
        }
    }

    private void typeExpr(TypeExpr t) {
        if (t instanceof TypeExpr.ArrayType) {
            TypeExpr.ArrayType a = (TypeExpr.ArrayType) t;
            sb.append('[');
            if (a.len() == null) {
                sb.append("...");
            } else {
                expr(a.len());
            }
            sb.append(']');
            expr(a.elem());
        } else if (t instanceof TypeExpr.SliceType) {
            sb.append("[]");
            expr(((TypeExpr.SliceType) t).elem());
        } else if (t instanceof TypeExpr.MapType) {
            sb.append("map[");
            expr(((TypeExpr.MapType) t).key());
            sb.append(']');
            expr(((TypeExpr.MapType) t).value());
        } else if (t instanceof TypeExpr.ChanType) {
            TypeExpr.ChanType c = (TypeExpr.ChanType) t;
            sb.append(c.dir() == TypeExpr.ChanDir.RECV ? "<-chan " : c.dir() == TypeExpr.ChanDir.SEND ? "chan<- " : "chan ");
            expr(c.value());
        } else if (t instanceof TypeExpr.FuncType) {
            TypeExpr.FuncType f = (TypeExpr.FuncType) t;
            sb.append("func");
            fields(f.params(), ", ");
            if (f.results().size() == 1 && f.results().get(0).names().isEmpty()) {
                sb.append(' ');
                expr(f.results().get(0).type());
            } else if (!f.results().isEmpty()) {
                sb.append(' ');
                fields(f.results(), ", ");
            }
        } else if (t instanceof TypeExpr.StructType) {
            sb.append("struct{");
            fieldList(((TypeExpr.StructType) t).fields(), "; ", false);
            sb.append('}');
        } else if (t instanceof TypeExpr.InterfaceType) {
            sb.append("interface{");
            fieldList(((TypeExpr.InterfaceType) t).methods(), "; ", true);
            sb.append('}');
        }
    }

    private void fields(List<Field> fs, String sep) {
        sb.append('(');
        fieldList(fs, sep, false);
        sb.append(')');
    }

    private void fieldList(List<Field> fs, String sep, boolean iface) {
        for (int i = 0; i < fs.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            Field f = fs.get(i);
            for (int j = 0; j < f.names().size(); j++) {
                sb.append(j > 0 ? ", " : "").append(f.names().get(j).name());
            }
            if (!f.names().isEmpty()) {
                sb.append(iface && f.type() instanceof TypeExpr.FuncType ? "" : " ");
            }
            if (f.variadic()) {
                sb.append("...");
            }
            if (iface && f.type() instanceof TypeExpr.FuncType && !f.names().isEmpty()) {
                String s = of(f.type());
                sb.append(s.substring(4)); // interface method: name(params) results
            } else {
                expr(f.type());
            }
        }
    }
}
