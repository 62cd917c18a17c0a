package dev.goroscope.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal values and automatic semicolon insertion. */
class ScannerTest {

    static List<Token> tokens(String src) {
        Scanner s = new Scanner("t.go", src);
        List<Token> out = new ArrayList<>();
        for (Token t = s.next(); t.tok() != Tok.EOF; t = s.next()) {
            out.add(t);
        }
        return out;
    }

    static Object value(String literal) {
        return tokens(literal).get(0).value();
    }

    @Test
    void integerLiterals() {
        assertThat(value("1_000_000")).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(value("0xFF_ff")).isEqualTo(BigInteger.valueOf(0xFFFF));
        assertThat(value("0o755")).isEqualTo(BigInteger.valueOf(0755));
        assertThat(value("0755")).isEqualTo(BigInteger.valueOf(0755));
        assertThat(value("0b1010")).isEqualTo(BigInteger.valueOf(10));
        assertThat(value("0")).isEqualTo(BigInteger.ZERO);
        assertThat(value("18446744073709551616")).isEqualTo(BigInteger.TWO.pow(64));
    }

    @Test
    void floatLiterals() {
        assertThat(value("3.25")).isEqualTo(new BigDecimal("3.25"));
        assertThat(value(".5")).isEqualTo(new BigDecimal(".5"));
        assertThat(value("1e3")).isEqualTo(new BigDecimal("1e3"));
        assertThat(value("0x1p-2")).isEqualTo(new BigDecimal("0.25"));
        assertThat(value("09.5")).isEqualTo(new BigDecimal("9.5"));
        assertThat(tokens("1.")).extracting(Token::tok).containsExactly(Tok.FLOAT, Tok.SEMICOLON);
    }

    @Test
    void runeAndStringLiterals() {
        assertThat(value("'a'")).isEqualTo((int) 'a');
        assertThat(value("'\\n'")).isEqualTo(10);
        assertThat(value("'\\x41'")).isEqualTo(0x41);
        assertThat(value("'\\101'")).isEqualTo(0101);
        assertThat(value("'\\u4e16'")).isEqualTo(0x4e16);
        assertThat(value("'\\U0001F600'")).isEqualTo(0x1F600);
        assertThat(value("'世'")).isEqualTo(0x4e16);
        assertThat(value("'\\''")).isEqualTo((int) '\'');
        assertThat(value("\"a\\tb\\\"c\\\\\"")).isEqualTo("a\tb\"c\\");
        assertThat(value("\"\\xe4\\xb8\\x96\"")).isEqualTo("世");
        assertThat(value("`raw\\n\r\nline`")).isEqualTo("raw\\n\nline");
    }

    @Test
    void semicolonsAreInsertedAfterLineEndingTokens() {
        List<Token> ts = tokens("x\nreturn\n)\n]\n}\ni++\n'a'\n\"s\"\n1.5\nbreak\n+\n(\n");
        List<String> kinds = new ArrayList<>();
        for (Token t : ts) {
            kinds.add(t.tok() == Tok.SEMICOLON ? t.lit() : t.tok().name());
        }
        assertThat(kinds).containsExactly("IDENT", "newline", "RETURN", "newline", "RPAREN", "newline",
                "RBRACK", "newline", "RBRACE", "newline", "IDENT", "INC", "newline", "CHAR", "newline",
                "STRING", "newline", "FLOAT", "newline", "BREAK", "newline", "ADD", "LPAREN");
        assertThat(tokens("x")).extracting(Token::lit).containsExactly("x", "EOF");
        assertThat(tokens("x // comment\ny")).extracting(Token::lit).containsExactly("x", "newline", "y", "EOF");
        assertThat(tokens("x /* a\nb */ y")).extracting(Token::lit).containsExactly("x", "newline", "y", "EOF");
        assertThat(tokens("x /* a b */ y")).extracting(Token::lit).containsExactly("x", "y", "EOF");
    }

    @Test
    void operatorsUseLongestMatch() {
        assertThat(tokens("&^= &^ && &= & <<= << <- <= < ... . := :"))
                .extracting(Token::tok)
                .containsExactly(Tok.AND_NOT_ASSIGN, Tok.AND_NOT, Tok.LAND, Tok.AND_ASSIGN, Tok.AND, Tok.SHL_ASSIGN,
                        Tok.SHL, Tok.ARROW, Tok.LEQ, Tok.LSS, Tok.ELLIPSIS, Tok.PERIOD, Tok.DEFINE, Tok.COLON);
    }
}
