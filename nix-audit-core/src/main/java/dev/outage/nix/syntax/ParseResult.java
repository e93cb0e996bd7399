package dev.outage.nix.syntax;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link NixParser} read from one file: the tree, the errors Nix would report, and the
 * comments.
 *
 * @param file the file as given to the parser
 * @param source the parsed text
 * @param root the root expression; contains {@link Expr.Invalid} nodes where recovery happened
 * @param errors the problems in the order Nix would meet them; Nix reports only the first
 * @param comments every comment in source order
 */
public record ParseResult(Path file, String source, Expr root, List<SyntaxError> errors, List<Comment> comments) {

    /** Validates and copies the lists. */
    public ParseResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
        errors = List.copyOf(errors);
        comments = List.copyOf(comments);
    }

    /** Returns whether Nix would accept the file (no errors at all). */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** Returns the source text covered by {@code range}. */
    public String text(SourceRange range) {
        return source.substring(range.offset(), range.end());
    }

    /** Returns the comments that end before {@code range} starts, on the same or previous line. */
    public List<Comment> commentsBefore(SourceRange range) {
        return comments.stream()
                .filter(c -> c.range().end() <= range.offset() && c.range().line() >= range.line() - 1)
                .toList();
    }
}
