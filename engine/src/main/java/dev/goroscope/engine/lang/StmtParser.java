package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.CaseClause;
import dev.goroscope.engine.lang.ast.CommClause;
import dev.goroscope.engine.lang.ast.Decl;
import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Op;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements (spec, "Statements"). Control-clause headers follow gc's {@code header}: a
 * header is up to three simple statements, and which of them is the init, condition or post
 * is decided by the semicolons actually present.
 */
abstract class StmtParser extends ExprParser {

    StmtParser(String file, String source) {
        super(file, source);
    }

    abstract Decl.GenDecl genDecl(Decl.Kind kind);

    @Override
    final Stmt.Block blockStmt(String context) {
        Pos p = tok.pos();
        if (!got(Tok.LBRACE)) {
            throw syntaxError(context.isEmpty() ? "expected {" : "expected { after " + context);
        }
        List<Stmt> list = stmtList();
        Pos rbrace = want(Tok.RBRACE);
        return new Stmt.Block(p, list, rbrace);
    }

    final List<Stmt> stmtList() {
        List<Stmt> list = new ArrayList<>();
        while (!at(Tok.EOF) && !at(Tok.RBRACE) && !at(Tok.CASE) && !at(Tok.DEFAULT)) {
            Stmt s = stmtOrNull();
            if (s == null) {
                break;
            }
            if (!(s instanceof Stmt.Empty)) {
                list.add(s);
            }
            // ";" is optional before "}"
            if (!got(Tok.SEMICOLON) && !at(Tok.RBRACE)) {
                throw syntaxError("at end of statement");
            }
        }
        return list;
    }

    private Stmt stmtOrNull() {
        enter();
        Stmt s = stmtOrNull0();
        leave();
        return s;
    }

    private Stmt stmtOrNull0() {
        Pos p = tok.pos();
        switch (tok.tok()) {
            case IDENT: {
                List<Expr> lhs = exprList();
                if (lhs.size() == 1 && lhs.get(0) instanceof Expr.Ident && at(Tok.COLON)) {
                    return labeledStmt((Expr.Ident) lhs.get(0));
                }
                return simpleStmt(lhs, null);
            }
            case VAR: return new Stmt.DeclStmt(p, genDecl(Decl.Kind.VAR));
            case CONST: return new Stmt.DeclStmt(p, genDecl(Decl.Kind.CONST));
            case TYPE: return new Stmt.DeclStmt(p, genDecl(Decl.Kind.TYPE));
            case LBRACE: return blockStmt("");
            case ADD: case SUB: case MUL: case AND: case XOR: case NOT:
            case INT: case FLOAT: case CHAR: case STRING: case FUNC: case LPAREN:
            case LBRACK: case STRUCT: case MAP: case CHAN: case INTERFACE: case ARROW:
                return simpleStmt(null, null);
            case FOR: return forStmt();
            case SWITCH: return switchStmt();
            case SELECT: return selectStmt();
            case IF: return ifStmt();
            case FALLTHROUGH:
                next();
                return new Stmt.Branch(p, Stmt.BranchKind.FALLTHROUGH, null);
            case BREAK: case CONTINUE: {
                Stmt.BranchKind k = at(Tok.BREAK) ? Stmt.BranchKind.BREAK : Stmt.BranchKind.CONTINUE;
                next();
                return new Stmt.Branch(p, k, at(Tok.IDENT) ? name() : null);
            }
            case GOTO:
                next();
                return new Stmt.Branch(p, Stmt.BranchKind.GOTO, name());
            case GO: case DEFER:
                return callStmt();
            case RETURN: {
                next();
                List<Expr> results = at(Tok.SEMICOLON) || at(Tok.RBRACE) ? List.of() : exprList();
                return new Stmt.Return(p, results);
            }
            case SEMICOLON:
                return new Stmt.Empty(p);
            default:
                return null;
        }
    }

    private Stmt labeledStmt(Expr.Ident label) {
        Pos colon = want(Tok.COLON);
        if (at(Tok.RBRACE)) {
            return new Stmt.Labeled(label.pos(), label, new Stmt.Empty(colon));
        }
        Stmt s = stmtOrNull();
        if (s == null) {
            throw syntaxErrorAt(colon, "missing statement after label");
        }
        return new Stmt.Labeled(label.pos(), label, s);
    }

    private Stmt callStmt() {
        boolean isGo = at(Tok.GO);
        Pos p = tok.pos();
        next();
        Expr x = primaryExpr();
        String kw = isGo ? "go" : "defer";
        if (x instanceof Expr.Paren) {
            throw errorAt(x.pos(), "expression in " + kw + " must not be parenthesized");
        }
        if (!(x instanceof Expr.Call)) {
            throw errorAt(x.pos(), "expression in " + kw + " must be function call");
        }
        Expr.Call call = (Expr.Call) x;
        return isGo ? new Stmt.Go(p, call) : new Stmt.Defer(p, call);
    }

    /**
     * A simple statement; {@code lhs} is an already parsed expression list or null.
     * {@code keyword} is FOR when a range clause is allowed, SWITCH when a type switch
     * guard is, else null.
     */
    final Stmt simpleStmt(List<Expr> lhs, Tok keyword) {
        Pos p = tok.pos();
        if (keyword == Tok.FOR && at(Tok.RANGE)) {
            next();
            Expr x = expr();
            return new Stmt.Range(p, null, null, false, x, null);
        }
        if (lhs == null) {
            lhs = exprList();
        }
        p = lhs.get(0).pos();
        Tok t = tok.tok();
        if (t == Tok.ASSIGN || t == Tok.DEFINE) {
            boolean define = t == Tok.DEFINE;
            next();
            if (keyword == Tok.FOR && at(Tok.RANGE)) {
                next();
                if (lhs.size() > 2) {
                    throw errorAt(lhs.get(2).pos(), "range clause permits at most two iteration variables");
                }
                Expr x = expr();
                return new Stmt.Range(p, lhs.get(0), lhs.size() > 1 ? lhs.get(1) : null, define, x, null);
            }
            return new Stmt.Assign(p, lhs, define, null, exprList());
        }
        if (lhs.size() > 1) {
            throw syntaxError("expected := or = or comma");
        }
        Expr x = lhs.get(0);
        Op op = assignOp(t);
        if (op != null) {
            next();
            return new Stmt.Assign(p, lhs, false, op, List.of(expr()));
        }
        switch (t) {
            case INC: next(); return new Stmt.IncDec(p, x, true);
            case DEC: next(); return new Stmt.IncDec(p, x, false);
            case ARROW: next(); return new Stmt.Send(p, x, expr());
            default: return new Stmt.ExprStmt(p, x);
        }
    }

    private static Op assignOp(Tok t) {
        switch (t) {
            case ADD_ASSIGN: return Op.ADD;
            case SUB_ASSIGN: return Op.SUB;
            case MUL_ASSIGN: return Op.MUL;
            case QUO_ASSIGN: return Op.QUO;
            case REM_ASSIGN: return Op.REM;
            case AND_ASSIGN: return Op.AND;
            case OR_ASSIGN: return Op.OR;
            case XOR_ASSIGN: return Op.XOR;
            case SHL_ASSIGN: return Op.SHL;
            case SHR_ASSIGN: return Op.SHR;
            case AND_NOT_ASSIGN: return Op.AND_NOT;
            default: return null;
        }
    }

    private Stmt ifStmt() {
        enter();
        Pos p = want(Tok.IF);
        Header h = header(Tok.IF);
        Stmt.Block then = blockStmt("if clause");
        Stmt els = null;
        if (got(Tok.ELSE)) {
            if (at(Tok.IF)) {
                els = ifStmt();
            } else if (at(Tok.LBRACE)) {
                els = blockStmt("");
            } else {
                throw syntaxError("else must be followed by if or statement block");
            }
        }
        leave();
        return new Stmt.If(p, h.init, h.cond, then, els);
    }

    private Stmt forStmt() {
        Pos p = want(Tok.FOR);
        Header h = header(Tok.FOR);
        Stmt.Block body = blockStmt("for clause");
        if (h.init instanceof Stmt.Range) {
            Stmt.Range r = (Stmt.Range) h.init;
            return new Stmt.Range(p, r.key(), r.value(), r.define(), r.x(), body);
        }
        return new Stmt.For(p, h.init, h.cond, h.post, body);
    }

    private Stmt switchStmt() {
        return SwitchParsing.switchStmt(this);
    }

    private Stmt selectStmt() {
        return SwitchParsing.selectStmt(this);
    }

    /** The parts of an if/for header; for a range loop, {@code init} holds the bodiless Range. */
    record Header(Stmt init, Expr cond, Stmt post) {}

    /** gc's {@code header}, for {@code if} and {@code for} (switch has its own shape). */
    private Header header(Tok keyword) {
        if (at(Tok.LBRACE)) {
            if (keyword == Tok.IF) {
                throw syntaxError("missing condition in if statement");
            }
            return new Header(null, null, null);
        }
        int outer = exprLev;
        exprLev = -1;
        Stmt init = null;
        if (!at(Tok.SEMICOLON)) {
            if (at(Tok.VAR)) {
                throw syntaxError("var declaration not allowed in " + keyword.text + " initializer");
            }
            init = simpleStmt(null, keyword);
            if (init instanceof Stmt.Range) {
                exprLev = outer;
                return new Header(init, null, null);
            }
        }
        Stmt condStmt = null;
        Stmt post = null;
        Token semi = null;
        if (!at(Tok.LBRACE)) {
            if (at(Tok.SEMICOLON)) {
                semi = tok;
                next();
            } else {
                want(Tok.LBRACE);
            }
            if (keyword == Tok.FOR) {
                if (!at(Tok.SEMICOLON)) {
                    if (at(Tok.LBRACE)) {
                        throw syntaxError("expected for loop condition");
                    }
                    condStmt = simpleStmt(null, null);
                }
                want(Tok.SEMICOLON);
                if (!at(Tok.LBRACE)) {
                    post = simpleStmt(null, null);
                    if (post instanceof Stmt.Assign && ((Stmt.Assign) post).define()) {
                        throw syntaxErrorAt(post.pos(), "cannot declare in post statement of for loop");
                    }
                }
            } else if (!at(Tok.LBRACE)) {
                condStmt = simpleStmt(null, null);
            }
        } else {
            condStmt = init;
            init = null;
        }
        exprLev = outer;
        Expr cond = null;
        if (condStmt == null) {
            if (keyword == Tok.IF && semi != null) {
                throw syntaxErrorAt(semi.pos(), semi.lit().equals("newline")
                        ? "unexpected newline, expected { after if clause" : "missing condition in if statement");
            }
        } else if (condStmt instanceof Stmt.ExprStmt) {
            cond = ((Stmt.ExprStmt) condStmt).x();
        } else {
            throw syntaxErrorAt(condStmt.pos(), "cannot use " + describe(condStmt) + " as value");
        }
        return new Header(init, cond, post);
    }

    /** A short description of a statement misused as a condition, in the spirit of gc's. */
    static String describe(Stmt s) {
        if (s instanceof Stmt.Assign) {
            Stmt.Assign a = (Stmt.Assign) s;
            return a.define() ? "assignment (:=)" : a.op() == null ? "assignment" : "assignment (" + a.op() + "=)";
        }
        if (s instanceof Stmt.IncDec) {
            return ((Stmt.IncDec) s).inc() ? "increment statement" : "decrement statement";
        }
        if (s instanceof Stmt.Send) {
            return "send statement";
        }
        return "statement";
    }
}
