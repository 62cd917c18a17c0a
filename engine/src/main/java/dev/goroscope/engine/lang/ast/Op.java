package dev.goroscope.engine.lang.ast;

/**
 * Go's unary and binary operators, with the binary precedence of the spec
 * ("Operator precedence": 5 for multiplicative down to 1 for {@code ||}).
 */
public enum Op {
    LOR("||", 1), LAND("&&", 2),
    EQL("==", 3), NEQ("!=", 3), LSS("<", 3), LEQ("<=", 3), GTR(">", 3), GEQ(">=", 3),
    ADD("+", 4), SUB("-", 4), OR("|", 4), XOR("^", 4),
    MUL("*", 5), QUO("/", 5), REM("%", 5), SHL("<<", 5), SHR(">>", 5), AND("&", 5), AND_NOT("&^", 5),
    /** Logical not; unary only. */
    NOT("!", 0),
    /** Channel receive {@code <-x}; unary only. */
    RECV("<-", 0);

    private final String text;
    private final int prec;

    Op(String text, int prec) {
        this.text = text;
        this.prec = prec;
    }

    /** The operator as written in Go source. */
    public String text() {
        return text;
    }

    /** Binary precedence, 1 (lowest, {@code ||}) to 5; 0 for unary-only operators. */
    public int precedence() {
        return prec;
    }

    @Override
    public String toString() {
        return text;
    }
}
