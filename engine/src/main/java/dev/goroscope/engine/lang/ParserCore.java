package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Expr;
import dev.goroscope.engine.lang.ast.Pos;
import dev.goroscope.engine.lang.ast.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Token handling and error reporting shared by the parser layers.
 *
 * <p>The parser is split by grammar area into a chain of classes ({@link TypeParser} &lt;
 * {@link ExprParser} &lt; {@link StmtParser} &lt; {@link Parser}) so that each file stays
 * readable; the productions that call "upward" (a type's array length is an expression, a
 * function literal has a body) are declared abstract here.
 *
 * <p>Error messages copy gc's {@code syntaxErrorAt}: a message starting with "in ", "at " or
 * "after " becomes {@code unexpected X <msg>}, one starting with "expected " becomes
 * {@code unexpected X, <msg>}, anything else is printed as is after {@code syntax error: }.
 * The first error ends the parse.
 *
 * <p>Termination: every loop either consumes a token or leaves, and nesting is capped at
 * {@link #MAX_DEPTH} so hostile input cannot overflow the Java stack.
 */
abstract class ParserCore {

    /** Far deeper than any program a person writes; keeps recursion well inside a 512 KiB stack. */
    static final int MAX_DEPTH = 1000;

    final Scanner scanner;
    final String file;
    Token tok;
    private final ArrayDeque<Token> ahead = new ArrayDeque<>();
    /**
     * Expression nesting, as gc's {@code xnest}: -1 inside an if/for/switch header, where a
     * {@code {} after a bare type name opens the block rather than a composite literal.
     */
    int exprLev;
    private int depth;

    ParserCore(String file, String source) {
        this.file = file;
        this.scanner = new Scanner(file, source);
    }

    // Productions implemented further down the chain.
    abstract Expr expr();

    abstract Expr typeOrNull();

    abstract Stmt.Block blockStmt(String context);

    final void next() {
        tok = ahead.isEmpty() ? scanner.next() : ahead.poll();
    }

    /** The token {@code k >= 1} positions after the current one. */
    final Token peek(int k) {
        while (ahead.size() < k) {
            Token last = ahead.peekLast();
            if (last != null && last.tok() == Tok.EOF) {
                return last;
            }
            ahead.add(scanner.next());
        }
        int i = 1;
        for (Token t : ahead) {
            if (i++ == k) {
                return t;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    final boolean at(Tok t) {
        return tok.tok() == t;
    }

    final boolean got(Tok t) {
        if (tok.tok() == t) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes {@code t} and returns its position, or fails like gc's {@code want}. */
    final Pos want(Tok t) {
        Pos p = tok.pos();
        if (!got(t)) {
            throw syntaxError("expected " + tokstring(t));
        }
        return p;
    }

    static String tokstring(Tok t) {
        return t == Tok.SEMICOLON ? "semicolon or newline" : t.text;
    }

    final Expr.Ident name() {
        if (!at(Tok.IDENT)) {
            throw syntaxError("expected name");
        }
        Expr.Ident id = new Expr.Ident(tok.pos(), tok.lit());
        next();
        return id;
    }

    final List<Expr.Ident> nameList() {
        List<Expr.Ident> names = new ArrayList<>();
        names.add(name());
        while (got(Tok.COMMA)) {
            names.add(name());
        }
        return names;
    }

    final GoSyntaxError syntaxError(String msg) {
        return syntaxErrorAt(tok.pos(), msg);
    }

    final GoSyntaxError syntaxErrorAt(Pos p, String msg) {
        String m;
        if (msg.startsWith("in ") || msg.startsWith("at ") || msg.startsWith("after ")) {
            m = "syntax error: unexpected " + tok.describe() + " " + msg;
        } else if (msg.startsWith("expected ")) {
            m = "syntax error: unexpected " + tok.describe() + ", " + msg;
        } else {
            m = "syntax error: " + msg;
        }
        return errorAt(p, m);
    }

    /** An error printed verbatim (gc's {@code errorAt}, without the "syntax error" prefix). */
    final GoSyntaxError errorAt(Pos p, String msg) {
        return new GoSyntaxError(new Diagnostic(file, p.line(), p.col(), msg));
    }

    final GoSyntaxError unsupported(Pos p, String what) {
        return errorAt(p, "unsupported: " + what);
    }

    final GoSyntaxError generics(Pos p) {
        return unsupported(p, "generics (type parameters)");
    }

    final void enter() {
        if (++depth > MAX_DEPTH) {
            throw errorAt(tok.pos(), "syntax error: nesting too deep (more than " + MAX_DEPTH + " levels)");
        }
    }

    final void leave() {
        depth--;
    }
}
