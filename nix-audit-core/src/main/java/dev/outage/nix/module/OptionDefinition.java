package dev.outage.nix.module;

import dev.outage.nix.syntax.AttrName;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option definition a module makes: the full attribute path (after seeing through nested
 * sets, {@code config = ...}, {@code mkIf}, {@code mkMerge}, priorities and the like) and the
 * defined value.
 *
 * <p>{@code system = { activationScripts.foo.text = "x"; };} gives a definition with path
 * {@code system.activationScripts.foo.text}, each name keeping where it is written.
 *
 * @param path the attribute names from the top of the configuration; never empty
 * @param value the defined value with wrappers such as {@code mkForce} removed
 * @param conditions the source text of every condition the definition is under
 *     ({@code mkIf}, {@code optionalAttrs}, {@code if}), outermost first; not evaluated
 * @param priority the priority wrapper last applied ({@code mkForce}, {@code mkAfter}, ...), if any
 */
public record OptionDefinition(List<AttrName> path, Expr value, List<String> conditions, Optional<String> priority) {

    /**
     * Validates the definition and copies the lists.
     *
     * @throws IllegalArgumentException if the path is empty
     */
    public OptionDefinition {
        path = List.copyOf(path);
        Objects.requireNonNull(value, "value");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(priority, "priority");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("option path must not be empty");
        }
    }

    /** Returns the name at {@code index}, or empty when it is dynamic or the path is shorter. */
    public Optional<String> name(int index) {
        if (index >= path.size()) {
            return Optional.empty();
        }
        return path.get(index) instanceof AttrName.Static s ? Optional.of(s.name()) : Optional.empty();
    }

    /** Returns whether the path starts with the given static names. */
    public boolean startsWith(String... names) {
        if (path.size() < names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!name(i).map(names[i]::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /** Returns where the name at {@code index} is written. */
    public SourceRange rangeOf(int index) {
        return path.get(index).range();
    }

    /** Returns the path as users write it, with {@code ${...}} for dynamic names. */
    public String dotted() {
        List<String> names = new ArrayList<>();
        for (AttrName name : path) {
            names.add(name instanceof AttrName.Static s ? quoteIfNeeded(s.name()) : "${...}");
        }
        return String.join(".", names);
    }

    private static String quoteIfNeeded(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_'-]*") ? name : '"' + name + '"';
    }
}
