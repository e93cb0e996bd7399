package dev.outage.nix.module;

import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.SourceRange;
import java.util.Objects;
import java.util.Optional;

/**
 * A place where a file uses a module: an {@code imports} entry, an element of a
 * {@code darwinSystem { modules = [...]; }} list, a {@code home-manager.users.<name>} value.
 *
 * @param file the relative path of the referenced file, when the module is a file in the tree
 * @param inline the module expression, when it is written in place
 * @param platform the platform the reference puts the module on, or {@link Platform#UNKNOWN}
 *     when it inherits the platform of the referring module ({@code imports})
 * @param reason why, in words, e.g. {@code listed in darwinConfigurations.studio modules (flake.nix:14:9)}
 * @param range where the reference is written
 */
public record ModuleReference(
        Optional<String> file, Optional<Expr> inline, Platform platform, String reason, SourceRange range) {

    /** Validates the reference. */
    public ModuleReference {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(inline, "inline");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(range, "range");
        if (file.isPresent() == inline.isPresent()) {
            throw new IllegalArgumentException("a module reference is either a file or an inline module");
        }
    }
}
