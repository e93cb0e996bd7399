package dev.outage.nix.syntax;

import java.util.Objects;

/**
 * A comment kept as trivia: the parser drops it from the tree but keeps it here, so that rules
 * can read suppression comments and show excerpts.
 *
 * @param text the full comment text including its {@code #} or {@code /* ... *}{@code /} markers
 * @param block whether this is a {@code /* ... *}{@code /} comment
 * @param range where the comment is
 */
public record Comment(String text, boolean block, SourceRange range) {

    /** Validates the comment. */
    public Comment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(range, "range");
    }

    /** Returns the text without the comment markers and surrounding blanks. */
    public String content() {
        String body = block ? text.substring(2, text.length() - 2) : text.substring(1);
        return body.strip();
    }
}
