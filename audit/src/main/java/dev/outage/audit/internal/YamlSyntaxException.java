package dev.outage.audit.internal;

/** Thrown when text is not YAML; carries the 1-based line and column of the problem. */
public final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /** Creates the exception for a problem at {@code line:column}. */
    public YamlSyntaxException(int line, int column, String reason) {
        super(reason);
        this.line = line;
        this.column = column;
    }

    /** Returns the 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the problem. */
    public int column() {
        return column;
    }
}
