package dev.goroscope.engine.lang;

import dev.goroscope.engine.lang.ast.Pos;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Number literals (spec, "Integer literals" and "Floating-point literals"): decimal, {@code 0x},
 * {@code 0o}, legacy {@code 0755} octal, {@code 0b}, {@code _} separators, decimal and hex
 * floats. Imaginary literals parse but are refused: Goroscope does not model complex numbers.
 * The checks and their wording follow gc's {@code scanner.number}.
 */
final class Numbers {

    private Numbers() {
    }

    static Token scan(Scanner s, Pos p) {
        int start = s.offset();
        int base = 10;
        char prefix = 0;
        int digsep = 0; // bit 0: a digit was seen, bit 1: a '_' was seen
        int[] invalid = {-1};
        boolean isFloat = false;

        if (s.ch != '.') {
            if (s.ch == '0') {
                s.nextch();
                switch (Character.toLowerCase(s.ch)) {
                    case 'x': s.nextch(); base = 16; prefix = 'x'; break;
                    case 'o': s.nextch(); base = 8; prefix = 'o'; break;
                    case 'b': s.nextch(); base = 2; prefix = 'b'; break;
                    default: base = 8; prefix = '0'; digsep = 1; // the leading 0 is a digit
                }
            }
            digsep |= digits(s, base, invalid, start);
            if (s.ch == '.' && (prefix == 'o' || prefix == 'b')) {
                throw s.error(s.pos(), "invalid radix point in " + litname(prefix));
            }
        }
        if (s.ch == '.') {
            s.nextch();
            isFloat = true;
            digsep |= digits(s, base, invalid, start);
        }
        if ((digsep & 1) == 0) {
            throw s.error(s.pos(), litname(prefix) + " has no digits");
        }
        int e = Character.toLowerCase(s.ch);
        if (e == 'e' || e == 'p') {
            if (e == 'e' && prefix != 0 && prefix != '0') {
                throw s.error(s.pos(), "'" + (char) s.ch + "' exponent requires decimal mantissa");
            }
            if (e == 'p' && prefix != 'x') {
                throw s.error(s.pos(), "'" + (char) s.ch + "' exponent requires hexadecimal mantissa");
            }
            s.nextch();
            isFloat = true;
            if (s.ch == '+' || s.ch == '-') {
                s.nextch();
            }
            int ds = digits(s, 10, null, start);
            digsep |= ds;
            if ((ds & 1) == 0) {
                throw s.error(s.pos(), "exponent has no digits");
            }
        } else if (prefix == 'x' && isFloat) {
            throw s.error(s.pos(), "hexadecimal mantissa requires a 'p' exponent");
        }
        if (s.ch == 'i') {
            throw s.error(p, "unsupported: complex numbers");
        }
        String text = s.text(start);
        if (!isFloat && invalid[0] >= 0) {
            int bad = text.charAt(invalid[0]);
            throw s.error(new Pos(p.line(), p.col() + invalid[0]),
                    "invalid digit " + Source.quoteRune(bad) + " in " + litname(prefix));
        }
        if ((digsep & 2) != 0) {
            int at = invalidSep(text);
            if (at >= 0) {
                throw s.error(new Pos(p.line(), p.col() + at), "'_' must separate successive digits");
            }
        }
        String clean = text.replace("_", "");
        if (isFloat) {
            BigDecimal v = prefix == 'x' ? new BigDecimal(Double.parseDouble(clean)) : new BigDecimal(clean);
            return new Token(Tok.FLOAT, text, p, v);
        }
        BigInteger v;
        if (prefix == 0) {
            v = new BigInteger(clean);
        } else if (prefix == '0') {
            v = new BigInteger(clean, 8);
        } else {
            v = new BigInteger(clean.substring(2), base);
        }
        return new Token(Tok.INT, text, p, v);
    }

    /**
     * Scans digits and separators; records in {@code invalid[0]} the offset (from the literal's
     * start) of the first digit too large for {@code base}. Literals are ASCII, so that offset is
     * also a byte-column offset.
     */
    private static int digits(Scanner s, int base, int[] invalid, int start) {
        int ds = 0;
        if (base <= 10) {
            while (Scanner.isDecimal(s.ch) || s.ch == '_') {
                if (s.ch == '_') {
                    ds |= 2;
                } else {
                    ds |= 1;
                    if (s.ch - '0' >= base && invalid != null && invalid[0] < 0) {
                        invalid[0] = s.offset() - start;
                    }
                }
                s.nextch();
            }
        } else {
            while (Scanner.isHex(s.ch) || s.ch == '_') {
                ds |= s.ch == '_' ? 2 : 1;
                s.nextch();
            }
        }
        return ds;
    }

    private static String litname(char prefix) {
        switch (prefix) {
            case 'x': return "hexadecimal literal";
            case 'o': case '0': return "octal literal";
            case 'b': return "binary literal";
            default: return "decimal literal";
        }
    }

    /**
     * The index of the first {@code _} that does not sit between two digits (a base prefix
     * counts as a digit), or -1.
     */
    static int invalidSep(String x) {
        boolean hex = false;
        char prev = '.'; // '0' for a digit, '_' for a separator, '.' for anything else
        int i = 0;
        if (x.length() >= 2 && x.charAt(0) == '0') {
            char p = Character.toLowerCase(x.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                hex = p == 'x';
                prev = '0';
                i = 2;
            }
        }
        for (; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == '_') {
                if (prev != '0') {
                    return i;
                }
                prev = '_';
            } else if (Scanner.isDecimal(c) || hex && Scanner.isHex(c)) {
                prev = '0';
            } else {
                if (prev == '_') {
                    return i - 1;
                }
                prev = '.';
            }
        }
        return prev == '_' ? x.length() - 1 : -1;
    }
}
