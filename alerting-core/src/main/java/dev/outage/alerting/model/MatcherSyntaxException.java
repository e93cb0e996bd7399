package dev.outage.alerting.model;

/**
 * Thrown when matcher text cannot be parsed or its regular expression does not compile.
 *
 * <p>The message is Alertmanager's own reason, such as {@code bad matcher format: a b} or
 * {@code error parsing regexp: missing closing ): `^(?:()$`}, so that it can be compared with
 * what {@code amtool} prints.
 */
public final class MatcherSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with Alertmanager's reason as message. */
    public MatcherSyntaxException(String message) {
        super(message);
    }
}
