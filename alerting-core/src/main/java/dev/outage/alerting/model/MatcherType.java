package dev.outage.alerting.model;

/**
 * The four operators of an Alertmanager label matcher, in Alertmanager's sort order.
 */
public enum MatcherType {
    /** {@code =}: the label value equals the matcher value. */
    EQUAL("="),
    /** {@code !=}: the label value differs from the matcher value. */
    NOT_EQUAL("!="),
    /** {@code =~}: the whole label value matches the RE2 regular expression. */
    REGEX("=~"),
    /** {@code !~}: the whole label value does not match the RE2 regular expression. */
    NOT_REGEX("!~");

    private final String operator;

    MatcherType(String operator) {
        this.operator = operator;
    }

    /** Returns the operator as written in a matcher, such as {@code =~}. */
    public String operator() {
        return operator;
    }

    /** Returns whether the value is a regular expression. */
    public boolean isRegex() {
        return this == REGEX || this == NOT_REGEX;
    }

    /**
     * Returns the type of the operator text.
     *
     * @throws IllegalArgumentException if the text is not one of {@code = != =~ !~}
     */
    public static MatcherType ofOperator(String operator) {
        for (MatcherType type : values()) {
            if (type.operator.equals(operator)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown matcher operator: " + operator);
    }

    @Override
    public String toString() {
        return operator;
    }
}
