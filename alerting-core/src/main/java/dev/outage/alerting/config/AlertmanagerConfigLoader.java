package dev.outage.alerting.config;

import dev.outage.alerting.config.internal.ConfigDecoder;
import dev.outage.alerting.model.MatcherSyntax;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads {@code alertmanager.yml} files and validates them as Alertmanager 0.25 does.
 *
 * <pre>{@code
 * ConfigLoadResult result = AlertmanagerConfigLoader.load(Path.of("alertmanager.yml"));
 * if (result instanceof ConfigLoadResult.Rejected rejected) {
 *     rejected.errors().forEach(System.err::println); // file:line:column: reason (at yaml.path)
 * } else {
 *     AlertmanagerConfig config = result.orElseThrow();
 * }
 * }</pre>
 *
 * <p>Every error carries the file, line, column and YAML path. Secrets are never part of a
 * message. The methods are thread-safe and block only to read the file.
 */
public final class AlertmanagerConfigLoader {

    private AlertmanagerConfigLoader() {}

    /**
     * Loads the file, reading {@code matchers:} strings in the classic syntax of Alertmanager 0.25.
     *
     * @throws IOException if the file cannot be read or is not UTF-8; the message names the file
     */
    public static ConfigLoadResult load(Path file) throws IOException {
        return load(file, MatcherSyntax.CLASSIC);
    }

    /**
     * Loads the file, reading {@code matchers:} strings in the given syntax.
     *
     * @throws IOException if the file cannot be read or is not UTF-8; the message names the file
     */
    public static ConfigLoadResult load(Path file, MatcherSyntax syntax) throws IOException {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException("cannot read " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
        Path parent = file.toAbsolutePath().getParent();
        return ConfigDecoder.decode(text, file.toString(), syntax, parent);
    }

    /**
     * Parses configuration text; relative template paths stay as written.
     *
     * @param sourceName the name errors use for the file, such as {@code <stdin>}
     */
    public static ConfigLoadResult parse(String yaml, String sourceName, MatcherSyntax syntax) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        return ConfigDecoder.decode(yaml, sourceName, Objects.requireNonNull(syntax, "syntax"), null);
    }

    /** Parses configuration text with the classic matcher syntax. */
    public static ConfigLoadResult parse(String yaml, String sourceName) {
        return parse(yaml, sourceName, MatcherSyntax.CLASSIC);
    }
}
