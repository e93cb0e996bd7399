package dev.outage.nix.syntax;

import java.util.Objects;

/** One element of an attribute path: a static name or a dynamic {@code ${...}} name. */
public sealed interface AttrName {

    /** Returns where the name is written. */
    SourceRange range();

    /**
     * A name known while parsing: an identifier, {@code or}, or a string without interpolation.
     *
     * @param name the name after unescaping
     * @param quoted whether it was written as a string
     * @param range where it is written
     */
    record Static(String name, boolean quoted, SourceRange range) implements AttrName {
        /** Validates the name. */
        public Static {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * A name computed at evaluation time: {@code ${e}} or a string with interpolation.
     *
     * @param expr the name expression ({@link Expr.Str} when written as a quoted string)
     * @param range where it is written
     */
    record Dynamic(Expr expr, SourceRange range) implements AttrName {
        /** Validates the name. */
        public Dynamic {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(range, "range");
        }
    }
}
