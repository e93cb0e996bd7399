package dev.outage.nix.syntax;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem Nix itself would report while parsing a file: a syntax error, a duplicate attribute,
 * a duplicate formal argument, a dynamic attribute where a static name is required, or an
 * undefined variable.
 *
 * <p>The message is worded as Nix 2.8 words it (for example {@code syntax error, unexpected '}',
 * expecting ';'} or {@code attribute 'a' already defined at FILE:1:3}).
 *
 * @param file the parsed file as given to the parser
 * @param line 1-based line
 * @param column 1-based column, counted in UTF-8 bytes as Nix does
 * @param offset char index into the source where the problem is
 * @param message what is wrong, without the file and position
 */
public record SyntaxError(Path file, int line, int column, int offset, String message) {

    /** Validates the error. */
    public SyntaxError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1 || offset < 0) {
            throw new IllegalArgumentException("bad position " + line + ":" + column + " offset " + offset);
        }
    }

    /** Returns {@code file:line:column: error: message}, the line the CLI prints. */
    public String format() {
        return file + ":" + line + ":" + column + ": error: " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
