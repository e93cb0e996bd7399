package dev.outage.probe.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a venv's {@code pyvenv.cfg}: where its base Python lives, its version, and
 * whether the base interpreter's site-packages (and with them the user site) are visible.
 *
 * @param home the directory of the base interpreter ({@code home = ...}), or null when absent
 * @param version the base Python's full version ({@code version}, else {@code
 *     version_info} as Python spells it: {@code 3.8.10.final.0} is {@code 3.8.10}), or null
 * @param includeSystemSitePackages whether {@code include-system-site-packages} is {@code true}
 * @param entries every key and value as written, keys in lower case
 */
public record PyvenvConfig(
        String home, String version, boolean includeSystemSitePackages, Map<String, String> entries) {

    /** Copies the entries. */
    public PyvenvConfig {
        entries = Map.copyOf(entries);
    }

    /**
     * Reads {@code pyvenv.cfg} from a venv directory.
     *
     * @throws NoSuchFileException when the directory has no {@code pyvenv.cfg} (it is not a venv)
     * @throws IOException when the file cannot be read
     */
    public static PyvenvConfig read(Path venv) throws IOException {
        Objects.requireNonNull(venv, "venv");
        Path file = venv.resolve("pyvenv.cfg");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a venv: no pyvenv.cfg");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the text of a {@code pyvenv.cfg}; lines without {@code =} are ignored as Python does. */
    public static PyvenvConfig parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entries.put(
                        line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        line.substring(eq + 1).strip());
            }
        }
        String version =
                entries.containsKey("version") ? entries.get("version") : versionFromInfo(entries.get("version_info"));
        boolean system = "true".equalsIgnoreCase(entries.getOrDefault("include-system-site-packages", "false"));
        return new PyvenvConfig(entries.get("home"), version, system, entries);
    }

    // virtualenv writes sys.version_info joined with dots ("3.8.10.final.0"); Python spells that 3.8.10.
    private static String versionFromInfo(String info) {
        if (info == null) {
            return null;
        }
        String[] parts = info.split("\\.");
        if (parts.length != 5) {
            return info;
        }
        String release = parts[0] + "." + parts[1] + "." + parts[2];
        return switch (parts[3]) {
            case "final" -> release;
            case "alpha" -> release + "a" + parts[4];
            case "beta" -> release + "b" + parts[4];
            case "candidate" -> release + "rc" + parts[4];
            default -> info;
        };
    }

    /** Returns the major.minor version ({@code 3.11}), when the version is known. */
    public Optional<String> majorMinor() {
        if (version == null) {
            return Optional.empty();
        }
        String[] parts = version.split("\\.");
        return parts.length < 2 ? Optional.empty() : Optional.of(parts[0] + "." + parts[1]);
    }
}
