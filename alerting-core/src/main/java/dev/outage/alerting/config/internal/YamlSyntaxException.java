package dev.outage.alerting.config.internal;

/** Thrown when a text is not well-formed YAML; carries the 1-based position of the problem. */
public final class YamlSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** Creates the exception with the parser's reason and position. */
    public YamlSyntaxException(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    /** Returns the 1-based line. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column. */
    public int column() {
        return column;
    }
}
