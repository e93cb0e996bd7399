package dev.outage.alerting.notify.template;

/**
 * Reports a template that cannot be parsed or executed, with the position of the fault.
 *
 * <p>The message reads {@code source:line:column: reason}; line and column are 1-based. A retry
 * cannot help: the template text or the data must change.
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param source the name of the template text (a config field or a file name)
     * @param line the 1-based line
     * @param column the 1-based column
     * @param reason what is wrong, without the position
     */
    public TemplateException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** Returns the name of the template text. */
    public String source() {
        return source;
    }

    /** Returns the 1-based line of the fault. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the fault. */
    public int column() {
        return column;
    }

    /** Returns what is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
