package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Directive;
import dev.goroscope.engine.lang.ast.Pos;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's lexer, after {@code cmd/compile/internal/syntax/scanner.go}.
 *
 * <p>Automatic semicolons (spec, "Semicolons"): after a line's last token, if that token is an
 * identifier, a literal, one of {@code break continue fallthrough return}, or one of
 * {@code ++ -- ) ] }}, the newline (or end of file, or a comment spanning lines) becomes a
 * semicolon. {@link #nlsemi} remembers whether the previous token allows that. The inserted
 * token's text is "newline" or "EOF" so that errors read like gc's ("unexpected newline").
 *
 * <p>Errors are thrown at once as {@link GoSyntaxError}; the scanner is only ever asked for
 * the next token, so it never scans past the parser's first error.
 */
final class Scanner extends Source {

    private boolean nlsemi;
    /** {@code //go:} directives seen so far, in order. */
    final List<Directive> directives = new ArrayList<>();

    Scanner(String file, String text) {
        super(file, text);
    }

    Token next() {
        boolean nl = nlsemi;
        nlsemi = false;
        for (;;) {
            while (ch == ' ' || ch == '\t' || ch == '\r' || (ch == '\n' && !nl)) {
                nextch();
            }
            Pos p = pos();
            if (ch == '\n') {
                nextch();
                return new Token(Tok.SEMICOLON, "newline", p, null);
            }
            if (ch < 0) {
                return nl ? new Token(Tok.SEMICOLON, "EOF", p, null) : new Token(Tok.EOF, "EOF", p, null);
            }
            if (ch == '/' && peek(1) == '/') {
                lineComment(p);
                continue;
            }
            if (ch == '/' && peek(1) == '*') {
                if (blockComment(p) && nl) {
                    return new Token(Tok.SEMICOLON, "newline", p, null);
                }
                continue;
            }
            return token(p);
        }
    }

    private void lineComment(Pos p) {
        int start = offset();
        while (ch >= 0 && ch != '\n') {
            nextch();
        }
        String text = text(start).stripTrailing();
        if (p.col() == 1 && text.startsWith("//go:")) {
            directives.add(new Directive(p, text.substring(2)));
        }
    }

    /** Skips a general comment; reports whether it spanned a line break. */
    private boolean blockComment(Pos p) {
        nextch();
        nextch();
        boolean newline = false;
        for (;;) {
            if (ch < 0) {
                throw error(p, "comment not terminated");
            }
            if (ch == '*' && peek(1) == '/') {
                nextch();
                nextch();
                return newline;
            }
            newline |= ch == '\n';
            nextch();
        }
    }

    private Token token(Pos p) {
        int c = ch;
        if (isLetter(c)) {
            return identifier(p);
        }
        if (isDecimal(c) || (c == '.' && isDecimal(peek(1)))) {
            nlsemi = true;
            return Numbers.scan(this, p);
        }
        switch (c) {
            case '"': nlsemi = true; return string(p);
            case '`': nlsemi = true; return rawString(p);
            case '\'': nlsemi = true; return rune(p);
            default: return operator(p);
        }
    }

    private Token identifier(Pos p) {
        int start = offset();
        while (isLetter(ch) || isDigit(ch)) {
            nextch();
        }
        String name = text(start);
        Tok kw = Tok.keyword(name);
        if (kw == null) {
            nlsemi = true;
            return new Token(Tok.IDENT, name, p, null);
        }
        nlsemi = kw == Tok.BREAK || kw == Tok.CONTINUE || kw == Tok.FALLTHROUGH || kw == Tok.RETURN;
        return new Token(kw, name, p, null);
    }

    private Token string(Pos p) {
        int start = offset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        nextch();
        for (;;) {
            if (ch == '"') {
                nextch();
                break;
            }
            if (ch == '\\') {
                int v = escape('"');
                if (v >= 0) {
                    if (escapeIsByte) {
                        out.write(v);
                    } else {
                        appendUtf8(out, v);
                    }
                }
                continue;
            }
            if (ch == '\n') {
                throw error(pos(), "newline in string");
            }
            if (ch < 0) {
                throw error(p, "string literal not terminated");
            }
            appendUtf8(out, ch);
            nextch();
        }
        return new Token(Tok.STRING, text(start), p, new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    private Token rawString(Pos p) {
        int start = offset();
        StringBuilder sb = new StringBuilder();
        nextch();
        for (;;) {
            if (ch == '`') {
                nextch();
                break;
            }
            if (ch < 0) {
                throw error(p, "string literal not terminated");
            }
            if (ch != '\r') {
                sb.appendCodePoint(ch);
            }
            nextch();
        }
        return new Token(Tok.STRING, text(start), p, sb.toString());
    }

    private Token rune(Pos p) {
        int start = offset();
        nextch();
        int value = 0;
        for (int n = 0; ; n++) {
            if (ch == '\'') {
                if (n == 0) {
                    throw error(pos(), "empty rune literal or unescaped ' in rune literal");
                }
                if (n != 1) {
                    throw error(p, "more than one character in rune literal");
                }
                nextch();
                break;
            }
            if (ch == '\\') {
                value = escape('\'');
                continue;
            }
            if (ch == '\n') {
                throw error(pos(), "newline in rune literal");
            }
            if (ch < 0) {
                throw error(p, "rune literal not terminated");
            }
            value = ch;
            nextch();
        }
        return new Token(Tok.CHAR, text(start), p, value);
    }

    private Token operator(Pos p) {
        int c = ch;
        nextch();
        switch (c) {
            case '(': return op(Tok.LPAREN, p);
            case '[': return op(Tok.LBRACK, p);
            case '{': return op(Tok.LBRACE, p);
            case ',': return op(Tok.COMMA, p);
            case ';': return new Token(Tok.SEMICOLON, "semicolon", p, null);
            case ')': nlsemi = true; return op(Tok.RPAREN, p);
            case ']': nlsemi = true; return op(Tok.RBRACK, p);
            case '}': nlsemi = true; return op(Tok.RBRACE, p);
            case '~': return op(Tok.TILDE, p);
            case ':': return op(got('=') ? Tok.DEFINE : Tok.COLON, p);
            case '.':
                if (ch == '.' && peek(1) == '.') {
                    nextch();
                    nextch();
                    return op(Tok.ELLIPSIS, p);
                }
                return op(Tok.PERIOD, p);
            case '+': return incOrAssign('+', Tok.ADD, Tok.ADD_ASSIGN, Tok.INC, p);
            case '-': return incOrAssign('-', Tok.SUB, Tok.SUB_ASSIGN, Tok.DEC, p);
            case '*': return op(got('=') ? Tok.MUL_ASSIGN : Tok.MUL, p);
            case '/': return op(got('=') ? Tok.QUO_ASSIGN : Tok.QUO, p);
            case '%': return op(got('=') ? Tok.REM_ASSIGN : Tok.REM, p);
            case '^': return op(got('=') ? Tok.XOR_ASSIGN : Tok.XOR, p);
            case '=': return op(got('=') ? Tok.EQL : Tok.ASSIGN, p);
            case '!': return op(got('=') ? Tok.NEQ : Tok.NOT, p);
            case '|':
                if (got('|')) {
                    return op(Tok.LOR, p);
                }
                return op(got('=') ? Tok.OR_ASSIGN : Tok.OR, p);
            case '&':
                if (got('&')) {
                    return op(Tok.LAND, p);
                }
                if (got('^')) {
                    return op(got('=') ? Tok.AND_NOT_ASSIGN : Tok.AND_NOT, p);
                }
                return op(got('=') ? Tok.AND_ASSIGN : Tok.AND, p);
            case '<':
                if (got('-')) {
                    return op(Tok.ARROW, p);
                }
                if (got('<')) {
                    return op(got('=') ? Tok.SHL_ASSIGN : Tok.SHL, p);
                }
                return op(got('=') ? Tok.LEQ : Tok.LSS, p);
            case '>':
                if (got('>')) {
                    return op(got('=') ? Tok.SHR_ASSIGN : Tok.SHR, p);
                }
                return op(got('=') ? Tok.GEQ : Tok.GTR, p);
            default:
                if (c == 0) {
                    throw error(p, "invalid NUL character");
                }
                if (c == 0xFEFF) {
                    throw error(p, "invalid BOM in the middle of the file");
                }
                throw error(p, "invalid character " + unicodeName(c));
        }
    }

    private Token incOrAssign(int self, Tok plain, Tok assign, Tok incdec, Pos p) {
        if (got(self)) {
            nlsemi = true;
            return op(incdec, p);
        }
        return op(got('=') ? assign : plain, p);
    }

    private boolean got(int c) {
        if (ch == c) {
            nextch();
            return true;
        }
        return false;
    }

    private static Token op(Tok t, Pos p) {
        return new Token(t, t.text, p, null);
    }

    static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c);
    }

    static boolean isDigit(int c) {
        return isDecimal(c) || c >= 0x80 && Character.isDigit(c);
    }

    static boolean isDecimal(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(int c) {
        return isDecimal(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
