package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.TypeExpr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions (spec, "Expressions"): precedence climbing over the five binary levels, then
 * unary operators, then primary expressions with their suffixes (selector, index, slice,
 * type assertion, call, composite literal). Type literals are accepted as operands so that
 * {@code make([]int, n)} and {@code []byte(s)} parse without a separate type context.
 */
abstract class ExprParser extends TypeParser {

    ExprParser(String file, String source) {
        super(file, source);
    }

    @Override
    final Expr expr() {
        return binaryExpr(1);
    }

    final List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        list.add(expr());
        while (got(Tok.COMMA)) {
            list.add(expr());
        }
        return list;
    }

    private Expr binaryExpr(int prec) {
        Expr x = unaryExpr();
        for (;;) {
            Op op = binaryOp(tok.tok());
            if (op == null || op.precedence() < prec) {
                return x;
            }
            Pos opPos = tok.pos();
            next();
            enter();
            Expr y = binaryExpr(op.precedence() + 1);
            leave();
            x = new Expr.Binary(x.pos(), x, op, opPos, y);
        }
    }

    static Op binaryOp(Tok t) {
        switch (t) {
            case LOR: return Op.LOR;
            case LAND: return Op.LAND;
            case EQL: return Op.EQL;
            case NEQ: return Op.NEQ;
            case LSS: return Op.LSS;
            case LEQ: return Op.LEQ;
            case GTR: return Op.GTR;
            case GEQ: return Op.GEQ;
            case ADD: return Op.ADD;
            case SUB: return Op.SUB;
            case OR: return Op.OR;
            case XOR: return Op.XOR;
            case MUL: return Op.MUL;
            case QUO: return Op.QUO;
            case REM: return Op.REM;
            case SHL: return Op.SHL;
            case SHR: return Op.SHR;
            case AND: return Op.AND;
            case AND_NOT: return Op.AND_NOT;
            default: return null;
        }
    }

    final Expr unaryExpr() {
        enter();
        Expr x = unaryExpr0();
        leave();
        return x;
    }

    private Expr unaryExpr0() {
        Pos p = tok.pos();
        Op op;
        switch (tok.tok()) {
            case ADD: op = Op.ADD; break;
            case SUB: op = Op.SUB; break;
            case NOT: op = Op.NOT; break;
            case XOR: op = Op.XOR; break;
            case AND: op = Op.AND; break;
            case MUL:
                next();
                return new Expr.Star(p, unaryExpr());
            case ARROW:
                next();
                if (at(Tok.CHAN)) {
                    // <-chan T in an expression, e.g. make(<-chan int): a receive-only channel type.
                    next();
                    return new TypeExpr.ChanType(p, TypeExpr.ChanDir.RECV, type());
                }
                return new Expr.Unary(p, Op.RECV, unaryExpr());
            case TILDE:
                throw generics(p);
            default:
                return primaryExpr();
        }
        next();
        return new Expr.Unary(p, op, unaryExpr());
    }

    final Expr primaryExpr() {
        Expr x = operand();
        for (;;) {
            Pos p = tok.pos();
            switch (tok.tok()) {
                case PERIOD:
                    next();
                    if (at(Tok.IDENT)) {
                        x = new Expr.Selector(x.pos(), x, name());
                    } else if (got(Tok.LPAREN)) {
                        Expr t = got(Tok.TYPE) ? null : type();
                        want(Tok.RPAREN);
                        x = new Expr.TypeAssert(x.pos(), x, t);
                    } else {
                        throw syntaxError("expected name or (");
                    }
                    break;
                case LBRACK:
                    x = indexOrSlice(x);
                    break;
                case LPAREN:
                    x = call(x);
                    break;
                case LBRACE:
                    if (!complitOk(x)) {
                        return x;
                    }
                    x = compositeLit(x);
                    break;
                default:
                    return x;
            }
        }
    }

    /** Whether {@code x {} starts a composite literal here (gc's {@code complit_ok}). */
    private boolean complitOk(Expr x) {
        Expr t = x;
        while (t instanceof Expr.Paren) {
            t = ((Expr.Paren) t).x();
        }
        if (t instanceof Expr.Ident || t instanceof Expr.Selector) {
            return exprLev >= 0;
        }
        return t instanceof TypeExpr.ArrayType || t instanceof TypeExpr.SliceType
                || t instanceof TypeExpr.MapType || t instanceof TypeExpr.StructType;
    }

    private Expr indexOrSlice(Expr x) {
        Pos lbrack = tok.pos();
        next();
        exprLev++;
        Expr lo = null;
        if (!at(Tok.COLON)) {
            lo = expr();
            if (at(Tok.COMMA)) {
                throw generics(tok.pos());
            }
            if (got(Tok.RBRACK)) {
                exprLev--;
                return new Expr.Index(x.pos(), x, lbrack, lo);
            }
        }
        want(Tok.COLON);
        Expr hi = null;
        Expr max = null;
        boolean full = false;
        if (!at(Tok.COLON) && !at(Tok.RBRACK)) {
            hi = expr();
        }
        if (at(Tok.COLON)) {
            full = true;
            Pos colon = tok.pos();
            next();
            if (hi == null) {
                throw errorAt(colon, "middle index required in 3-index slice");
            }
            if (at(Tok.RBRACK)) {
                throw errorAt(tok.pos(), "final index required in 3-index slice");
            }
            max = expr();
        }
        want(Tok.RBRACK);
        exprLev--;
        return new Expr.SliceExpr(x.pos(), x, lbrack, lo, hi, max, full);
    }

    private Expr call(Expr fun) {
        Pos lparen = tok.pos();
        next();
        exprLev++;
        List<Expr> args = new ArrayList<>();
        Pos ellipsis = null;
        while (!at(Tok.RPAREN)) {
            args.add(expr());
            if (at(Tok.ELLIPSIS)) {
                ellipsis = tok.pos();
                next();
            }
            if (!got(Tok.COMMA) && !at(Tok.RPAREN)) {
                throw syntaxError("in argument list; possibly missing comma or )");
            }
            if (ellipsis != null && !at(Tok.RPAREN)) {
                throw syntaxError("expected )");
            }
        }
        exprLev--;
        Pos rparen = want(Tok.RPAREN);
        return new Expr.Call(fun.pos(), fun, lparen, args, ellipsis, rparen);
    }

    /** {@code type{elts}}; {@code type} is null for an element whose type is elided. */
    final Expr.CompositeLit compositeLit(Expr type) {
        enter();
        Pos lbrace = want(Tok.LBRACE);
        int outer = exprLev;
        exprLev = 0;
        List<Expr> elts = new ArrayList<>();
        while (!at(Tok.RBRACE)) {
            Expr e = element();
            if (at(Tok.COLON)) {
                next();
                e = new Expr.KeyValue(e.pos(), e, element());
            }
            elts.add(e);
            if (!got(Tok.COMMA) && !at(Tok.RBRACE)) {
                throw syntaxError("in composite literal; possibly missing comma or }");
            }
        }
        exprLev = outer;
        Pos rbrace = want(Tok.RBRACE);
        leave();
        return new Expr.CompositeLit(type == null ? lbrace : type.pos(), type, lbrace, elts, rbrace);
    }

    private Expr element() {
        return at(Tok.LBRACE) ? compositeLit(null) : expr();
    }

    private Expr operand() {
        Pos p = tok.pos();
        switch (tok.tok()) {
            case IDENT:
                return name();
            case INT: {
                Expr e = new Expr.IntLit(p, tok.lit(), (BigInteger) tok.value());
                next();
                return e;
            }
            case FLOAT: {
                Expr e = new Expr.FloatLit(p, tok.lit(), (BigDecimal) tok.value());
                next();
                return e;
            }
            case CHAR: {
                Expr e = new Expr.RuneLit(p, tok.lit(), (Integer) tok.value());
                next();
                return e;
            }
            case STRING: {
                Expr e = new Expr.StringLit(p, tok.lit(), (String) tok.value());
                next();
                return e;
            }
            case LPAREN: {
                next();
                exprLev++;
                Expr x = expr();
                exprLev--;
                want(Tok.RPAREN);
                return new Expr.Paren(p, x);
            }
            case FUNC: {
                next();
                TypeExpr.FuncType ft = funcType(p);
                if (!at(Tok.LBRACE)) {
                    return ft;
                }
                int outer = exprLev;
                exprLev = 0;
                Expr e = new Expr.FuncLit(p, ft, blockStmt("func"));
                exprLev = outer;
                return e;
            }
            case LBRACK: case CHAN: case MAP: case STRUCT: case INTERFACE:
                return typeOrNull();
            default:
                throw syntaxError("expected expression");
        }
    }
}
