package dev.outage.nix.rules;

import java.util.Objects;

/**
 * A Nix file to audit: its path relative to the audited root and its text.
 *
 * @param path relative path with {@code /} separators, as reports show it
 * @param text the file's content
 */
public record NixSource(String path, String text) {

    /**
     * Validates the source.
     *
     * @throws IllegalArgumentException if the path is blank
     */
    public NixSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must not be blank");
        }
        path = path.replace('\\', '/');
    }
}
