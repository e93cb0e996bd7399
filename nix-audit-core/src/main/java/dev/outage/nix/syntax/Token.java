package dev.outage.nix.syntax;

import java.util.Objects;

/**
 * One token of Nix source.
 *
 * @param kind the token kind
 * @param value the token's meaning: unescaped text for {@link TokenKind#STR} and
 *     {@link TokenKind#IND_STR}, the lexical error message for an {@link TokenKind#INVALID} token
 *     that Nix reports as its own error, otherwise the source text
 * @param range where the token is; for {@link TokenKind#EOF} and {@link TokenKind#PATH_END} the
 *     position Nix reports for them
 * @param flags {@link #INDENTED} for {@code ''} string text that takes part in indentation
 *     stripping, {@link #LEXICAL_ERROR} for an invalid token that carries its own message
 */
public record Token(TokenKind kind, String value, SourceRange range, int flags) {

    /** Flag: indented-string text that counts for indentation stripping (not an escape). */
    public static final int INDENTED = 1;

    /** Flag: an {@link TokenKind#INVALID} token whose {@link #value()} is Nix's message. */
    public static final int LEXICAL_ERROR = 2;

    /** Validates the token. */
    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(range, "range");
    }

    /** Returns whether {@code flag} is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
