package dev.outage.nix.syntax;

/** The infix operators of Nix, each with the token written in source. */
public enum BinaryOperator {
    /** {@code ->}, logical implication. */
    IMPLIES("->"),
    /** {@code ||}. */
    OR("||"),
    /** {@code &&}. */
    AND("&&"),
    /** {@code ==}. */
    EQUAL("=="),
    /** {@code !=}. */
    NOT_EQUAL("!="),
    /** {@code <}. */
    LESS("<"),
    /** {@code <=}. */
    LESS_OR_EQUAL("<="),
    /** {@code >}. */
    GREATER(">"),
    /** {@code >=}. */
    GREATER_OR_EQUAL(">="),
    /** {@code //}, attribute set update. */
    UPDATE("//"),
    /** {@code +}, addition or string/path concatenation. */
    ADD("+"),
    /** {@code -}. */
    SUBTRACT("-"),
    /** {@code *}. */
    MULTIPLY("*"),
    /** {@code /}. */
    DIVIDE("/"),
    /** {@code ++}, list concatenation. */
    CONCAT("++");

    private final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the operator as written in Nix source. */
    public String symbol() {
        return symbol;
    }
}
