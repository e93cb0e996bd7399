package dev.outage.nix.syntax;

import java.util.Objects;

/** A piece of a string or path literal: literal text or a {@code ${...}} interpolation. */
public sealed interface StringPart {

    /** Returns where the part is written. */
    SourceRange range();

    /**
     * Literal text after unescaping (and, in {@code ''} strings, after indentation stripping).
     *
     * @param value the text Nix sees
     * @param range where it is written
     */
    record Text(String value, SourceRange range) implements StringPart {
        /** Validates the part. */
        public Text {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * An interpolated expression {@code ${expr}}.
     *
     * @param expr the expression
     * @param range where {@code ${ ... }} is written
     */
    record Interpolation(Expr expr, SourceRange range) implements StringPart {
        /** Validates the part. */
        public Interpolation {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(range, "range");
        }
    }
}
