package dev.outage.nix.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dotted attribute path such as {@code system.activationScripts."post-activation".text}.
 *
 * @param names the path elements, never empty
 * @param range where the whole path is written
 */
public record AttrPath(List<AttrName> names, SourceRange range) {

    /** Validates the path and copies the list. */
    public AttrPath {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("attribute path must not be empty");
        }
        Objects.requireNonNull(range, "range");
    }

    /**
     * Returns the static names joined by dots, or empty when an element is dynamic.
     *
     * <p>No quoting is added: {@code a."b.c"} gives {@code a.b.c}; use {@link #staticNames()} to
     * tell such paths apart.
     */
    public Optional<String> dotted() {
        return staticNames().map(list -> String.join(".", list));
    }

    /** Returns the names as strings, or empty when an element is dynamic. */
    public Optional<List<String>> staticNames() {
        String[] out = new String[names.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(names.get(i) instanceof AttrName.Static s)) {
                return Optional.empty();
            }
            out[i] = s.name();
        }
        return Optional.of(List.of(out));
    }
}
