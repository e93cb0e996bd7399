package dev.outage.alerting.codec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a JSON body cannot be decoded into what was asked for, or alerts to encode are
 * invalid; {@link #problems()} says where and why. A retry with the same input cannot help.
 */
public final class CodecException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The problems; a list of records, serializable in practice. */
    @SuppressWarnings("serial")
    private final List<Problem> problems;

    /**
     * Creates an exception for the given problems.
     *
     * @param what what was being decoded or encoded, such as {@code "gettable alerts"}
     * @throws IllegalArgumentException if there are no problems
     */
    public CodecException(String what, List<Problem> problems) {
        super(message(what, problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, at least one, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String what, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a CodecException needs at least one problem");
        }
        return "invalid " + what + ": "
                + problems.stream().limit(10).map(Problem::toString).collect(Collectors.joining("; "))
                + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : "");
    }
}
