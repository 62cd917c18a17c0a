package dev.goroscope.engine.lang;

/**
 * Go's token kinds (spec, "Lexical elements"). {@link #text} is how gc names the token in
 * "unexpected X" messages when it has no literal text of its own.
 */
enum Tok {
    EOF("EOF"), IDENT("name"), INT("literal"), FLOAT("literal"), IMAG("literal"), CHAR("literal"), STRING("literal"),

    ADD("+"), SUB("-"), MUL("*"), QUO("/"), REM("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"), AND_NOT("&^"),
    ADD_ASSIGN("+="), SUB_ASSIGN("-="), MUL_ASSIGN("*="), QUO_ASSIGN("/="), REM_ASSIGN("%="), AND_ASSIGN("&="),
    OR_ASSIGN("|="), XOR_ASSIGN("^="), SHL_ASSIGN("<<="), SHR_ASSIGN(">>="), AND_NOT_ASSIGN("&^="),
    LAND("&&"), LOR("||"), ARROW("<-"), INC("++"), DEC("--"),
    EQL("=="), LSS("<"), GTR(">"), ASSIGN("="), NOT("!"), NEQ("!="), LEQ("<="), GEQ(">="), DEFINE(":="),
    ELLIPSIS("..."), LPAREN("("), LBRACK("["), LBRACE("{"), COMMA("comma"), PERIOD("."),
    RPAREN(")"), RBRACK("]"), RBRACE("}"), SEMICOLON("semicolon"), COLON(":"), TILDE("~"),

    BREAK("break"), CASE("case"), CHAN("chan"), CONST("const"), CONTINUE("continue"), DEFAULT("default"),
    DEFER("defer"), ELSE("else"), FALLTHROUGH("fallthrough"), FOR("for"), FUNC("func"), GO("go"), GOTO("goto"),
    IF("if"), IMPORT("import"), INTERFACE("interface"), MAP("map"), PACKAGE("package"), RANGE("range"),
    RETURN("return"), SELECT("select"), STRUCT("struct"), SWITCH("switch"), TYPE("type"), VAR("var");

    final String text;

    Tok(String text) {
        this.text = text;
    }

    boolean isKeyword() {
        return ordinal() >= BREAK.ordinal();
    }

    boolean isLiteral() {
        return ordinal() >= INT.ordinal() && ordinal() <= STRING.ordinal();
    }

    private static final java.util.Map<String, Tok> KEYWORDS = new java.util.HashMap<>();

    static {
        for (Tok t : values()) {
            if (t.isKeyword()) {
                KEYWORDS.put(t.text, t);
            }
        }
    }

    /** Looks up a keyword by spelling, or returns null for an identifier. */
    static Tok keyword(String s) {
        return KEYWORDS.get(s);
    }
}
