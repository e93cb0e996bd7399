package dev.outage.nix.rules;

import java.util.Objects;

/**
 * A built nix-darwin {@code activate} script (e.g. {@code result/activate}) to compare declared
 * activation snippets against.
 *
 * @param path where the script was read from, for messages
 * @param text the script's content
 */
public record ActivateScript(String path, String text) {

    /** Validates the script. */
    public ActivateScript {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
