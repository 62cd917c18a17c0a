package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Field;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.TypeExpr;
import java.util.ArrayList;
import java.util.List;

/** Types (spec, "Types"), parameter lists, struct and interface bodies. */
abstract class TypeParser extends ParserCore {

    TypeParser(String file, String source) {
        super(file, source);
    }

    final Expr type() {
        Expr t = typeOrNull();
        if (t == null) {
            throw syntaxError("expected type");
        }
        return t;
    }

    @Override
    final Expr typeOrNull() {
        enter();
        Expr t = typeOrNull0();
        leave();
        return t;
    }

    private Expr typeOrNull0() {
        Pos p = tok.pos();
        switch (tok.tok()) {
            case MUL:
                next();
                return new Expr.Star(p, type());
            case ARROW:
                next();
                want(Tok.CHAN);
                return new TypeExpr.ChanType(p, TypeExpr.ChanDir.RECV, type());
            case FUNC:
                next();
                return funcType(p);
            case LBRACK:
                return arrayOrSliceType();
            case CHAN:
                next();
                if (got(Tok.ARROW)) {
                    return new TypeExpr.ChanType(p, TypeExpr.ChanDir.SEND, type());
                }
                return new TypeExpr.ChanType(p, TypeExpr.ChanDir.BOTH, type());
            case MAP:
                next();
                want(Tok.LBRACK);
                Expr key = type();
                want(Tok.RBRACK);
                return new TypeExpr.MapType(p, key, type());
            case STRUCT:
                return structType();
            case INTERFACE:
                return interfaceType();
            case IDENT:
                return typeName();
            case LPAREN:
                next();
                Expr t = type();
                want(Tok.RPAREN);
                return new Expr.Paren(p, t);
            default:
                return null;
        }
    }

    /** {@code []T}, {@code [N]T} or {@code [...]T}; the current token is {@code [}. */
    final Expr arrayOrSliceType() {
        Pos p = tok.pos();
        next();
        if (got(Tok.RBRACK)) {
            return new TypeExpr.SliceType(p, type());
        }
        Expr len = null;
        if (!got(Tok.ELLIPSIS)) {
            exprLev++;
            len = expr();
            exprLev--;
        }
        want(Tok.RBRACK);
        return new TypeExpr.ArrayType(p, len, type());
    }

    /** A possibly package-qualified type name; a following {@code [} would be an instantiation. */
    final Expr typeName() {
        Expr t = name();
        if (at(Tok.PERIOD)) {
            next();
            t = new Expr.Selector(t.pos(), t, name());
        }
        if (at(Tok.LBRACK)) {
            throw generics(tok.pos());
        }
        return t;
    }

    /** A signature after {@code func} (and, for declarations, the name). */
    final TypeExpr.FuncType funcType(Pos p) {
        if (at(Tok.LBRACK)) {
            throw generics(tok.pos());
        }
        List<Field> params = paramList();
        List<Field> results = new ArrayList<>();
        if (at(Tok.LPAREN)) {
            results = paramList();
        } else {
            Pos rp = tok.pos();
            Expr t = typeOrNull();
            if (t != null) {
                results.add(new Field(rp, List.of(), t, false, null));
            }
        }
        return new TypeExpr.FuncType(p, params, results);
    }

    /** One raw entry of a parameter list, before names and types are paired up. */
    private record Param(Pos pos, Expr.Ident name, Expr type, boolean variadic) {}

    /**
     * {@code (a, b int, c ...string)} or {@code (int, string)}. As in gc, entries are read first
     * and paired afterwards: if any entry has both a name and a type, every bare identifier is a
     * name sharing the next type; otherwise every entry is a type.
     */
    final List<Field> paramList() {
        want(Tok.LPAREN);
        List<Param> list = new ArrayList<>();
        while (!at(Tok.RPAREN)) {
            list.add(param());
            if (!got(Tok.COMMA) && !at(Tok.RPAREN)) {
                throw syntaxError("in parameter list; possibly missing comma or )");
            }
        }
        next();
        boolean named = false;
        for (Param e : list) {
            named |= e.name != null && e.type != null;
        }
        List<Field> fields = new ArrayList<>();
        if (!named) {
            for (Param e : list) {
                Expr t = e.type != null ? e.type : e.name;
                fields.add(new Field(e.pos, List.of(), t, e.variadic, null));
            }
            return fields;
        }
        List<Expr.Ident> pending = new ArrayList<>();
        Pos start = null;
        for (Param e : list) {
            if (e.type == null) {
                pending.add(e.name);
                start = start == null ? e.pos : start;
            } else if (e.name == null) {
                throw syntaxErrorAt(pending.isEmpty() ? e.pos : start, "mixed named and unnamed parameters");
            } else {
                pending.add(e.name);
                fields.add(new Field(start == null ? e.pos : start, pending, e.type, e.variadic, null));
                pending = new ArrayList<>();
                start = null;
            }
        }
        if (!pending.isEmpty()) {
            throw syntaxErrorAt(start, "mixed named and unnamed parameters");
        }
        return fields;
    }

    private Param param() {
        Pos p = tok.pos();
        if (at(Tok.IDENT)) {
            Tok after = peek(1).tok();
            if (after == Tok.PERIOD) {
                return new Param(p, null, typeName(), false);
            }
            Expr.Ident n = name();
            if (at(Tok.COMMA) || at(Tok.RPAREN)) {
                return new Param(p, n, null, false);
            }
            if (got(Tok.ELLIPSIS)) {
                return new Param(p, n, type(), true);
            }
            return new Param(p, n, type(), false);
        }
        if (got(Tok.ELLIPSIS)) {
            return new Param(p, null, type(), true);
        }
        Expr t = typeOrNull();
        if (t == null) {
            throw syntaxError("expected )");
        }
        return new Param(p, null, t, false);
    }

    private TypeExpr.StructType structType() {
        Pos p = want(Tok.STRUCT);
        want(Tok.LBRACE);
        List<Field> fields = new ArrayList<>();
        while (!at(Tok.RBRACE)) {
            fields.add(fieldDecl());
            if (!got(Tok.SEMICOLON) && !at(Tok.RBRACE)) {
                throw syntaxError("in struct type; possibly missing semicolon or newline or }");
            }
        }
        next();
        return new TypeExpr.StructType(p, fields);
    }

    private Field fieldDecl() {
        Pos p = tok.pos();
        if (at(Tok.IDENT)) {
            Tok after = peek(1).tok();
            if (after == Tok.PERIOD || after == Tok.SEMICOLON || after == Tok.RBRACE || after == Tok.STRING) {
                return new Field(p, List.of(), typeName(), false, tag());
            }
            List<Expr.Ident> names = nameList();
            return new Field(p, names, type(), false, tag());
        }
        if (got(Tok.MUL)) {
            Expr t = typeName();
            return new Field(p, List.of(), new Expr.Star(p, t), false, tag());
        }
        if (at(Tok.LPAREN)) {
            throw syntaxError("cannot parenthesize embedded type");
        }
        throw syntaxError("expected field name or embedded type");
    }

    private Expr.StringLit tag() {
        if (!at(Tok.STRING)) {
            return null;
        }
        Expr.StringLit s = new Expr.StringLit(tok.pos(), tok.lit(), (String) tok.value());
        next();
        return s;
    }

    private TypeExpr.InterfaceType interfaceType() {
        Pos p = want(Tok.INTERFACE);
        want(Tok.LBRACE);
        List<Field> methods = new ArrayList<>();
        while (!at(Tok.RBRACE)) {
            Pos ep = tok.pos();
            if (at(Tok.TILDE)) {
                throw generics(ep);
            }
            if (at(Tok.IDENT) && peek(1).tok() == Tok.LPAREN) {
                Expr.Ident n = name();
                methods.add(new Field(ep, List.of(n), funcType(ep), false, null));
            } else if (at(Tok.IDENT)) {
                methods.add(new Field(ep, List.of(), typeName(), false, null));
                if (at(Tok.OR)) {
                    throw generics(tok.pos());
                }
            } else {
                Expr t = typeOrNull();
                if (t == null) {
                    throw syntaxError("expected }");
                }
                // Only interfaces may be embedded; anything else is a type-set element.
                throw generics(ep);
            }
            if (!got(Tok.SEMICOLON) && !at(Tok.RBRACE)) {
                throw syntaxError("in interface type; possibly missing semicolon or newline or }");
            }
        }
        next();
        return new TypeExpr.InterfaceType(p, methods);
    }
}
