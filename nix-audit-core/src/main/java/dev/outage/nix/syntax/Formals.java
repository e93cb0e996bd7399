package dev.outage.nix.syntax;

import java.util.List;
import java.util.Objects;

/**
 * The {@code { a, b ? 1, ... }} pattern of a function, in source order.
 *
 * @param formals the named arguments in the order written
 * @param ellipsis whether {@code ...} is present
 * @param range from {@code {} to {@code }}
 */
public record Formals(List<Formal> formals, boolean ellipsis, SourceRange range) {

    /** Validates and copies the list. */
    public Formals {
        formals = List.copyOf(formals);
        Objects.requireNonNull(range, "range");
    }

    /**
     * One named argument.
     *
     * @param name the argument name
     * @param defaultValue the {@code ? default}, or null
     * @param range where the argument is written
     */
    public record Formal(String name, Expr defaultValue, SourceRange range) {
        /** Validates the argument. */
        public Formal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
        }
    }
}
