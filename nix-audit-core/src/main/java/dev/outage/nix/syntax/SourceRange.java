package dev.outage.nix.syntax;

/**
 * A span of source text: where a token, node or comment starts and ends.
 *
 * <p>{@code offset} and {@code end} are char indexes into the parsed {@link String} (end
 * exclusive). {@code line} and {@code column} are 1-based and describe the start; columns count
 * UTF-8 bytes from the start of the line, exactly as Nix counts them, so that positions match
 * Nix's own messages.
 *
 * @param offset index of the first char
 * @param end index after the last char, never less than {@code offset}
 * @param line 1-based line of the first char
 * @param column 1-based byte column of the first char
 */
public record SourceRange(int offset, int end, int line, int column) {

    /** Validates the range. */
    public SourceRange {
        if (offset < 0 || end < offset) {
            throw new IllegalArgumentException("bad source range " + offset + ".." + end);
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position " + line + ":" + column);
        }
    }

    /** Returns the number of chars covered. */
    public int length() {
        return end - offset;
    }

    /** Returns a range from the start of this range to the end of {@code last}. */
    public SourceRange to(SourceRange last) {
        return new SourceRange(offset, Math.max(end, last.end), line, column);
    }

    /** Returns {@code line:column}. */
    public String position() {
        return line + ":" + column;
    }
}
