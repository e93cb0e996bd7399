package dev.outage.nix.syntax;

import java.util.List;
import java.util.Objects;

/** One entry of an attribute set or {@code let}: {@code path = value;} or an {@code inherit}. */
public sealed interface Binding {

    /** Returns where the binding is written, from its first token to its {@code ;}. */
    SourceRange range();

    /**
     * {@code path = value;}. Nested paths are kept as written; the printer merges them as Nix does.
     *
     * @param path the attribute path
     * @param value the bound expression
     * @param range the whole binding
     */
    record Attribute(AttrPath path, Expr value, SourceRange range) implements Binding {
        /** Validates the binding. */
        public Attribute {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * {@code inherit a b;} or {@code inherit (from) a b;}.
     *
     * @param from the source expression, or null for plain {@code inherit}
     * @param names the inherited names (always static; dynamic ones are reported as errors)
     * @param range the whole binding
     */
    record Inherit(Expr from, List<AttrName.Static> names, SourceRange range) implements Binding {
        /** Validates the binding and copies the list. */
        public Inherit {
            names = List.copyOf(names);
            Objects.requireNonNull(range, "range");
        }
    }
}
