package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Pos;

/**
 * One token. {@code lit} is the source text for names and literals; for a semicolon it is
 * {@code "semicolon"}, {@code "newline"} or {@code "EOF"} (the latter two were inserted
 * automatically), which is what gc prints after "unexpected". {@code value} is the decoded
 * value of a literal (BigInteger, BigDecimal, Integer code point, or String), else null.
 */
record Token(Tok tok, String lit, Pos pos, Object value) {

    /** How gc's parser names this token in "syntax error: unexpected X". */
    String describe() {
        switch (tok) {
            case IDENT:
                return "name " + lit;
            case INT: case FLOAT: case IMAG: case CHAR: case STRING:
                return "literal " + lit;
            case SEMICOLON:
                return lit;
            default:
                return tok.isKeyword() ? "keyword " + tok.text : tok.text;
        }
    }
}
