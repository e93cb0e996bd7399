package dev.outage.probe.internal;

import dev.outage.probe.python.InstalledDistribution;
import dev.outage.probe.python.Marker;
import dev.outage.probe.python.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds distributions in one directory in the order importlib.metadata finds them (dist-info
 * before egg-info, grouped by name in directory listing order) and reads their metadata.
 */
public final class DistributionReader {

    /** A distribution directory whose metadata could not be read. */
    public record Unreadable(Path path, String reason) {}

    /** What one directory holds. */
    public record Found(List<InstalledDistribution> distributions, List<Unreadable> unreadable) {}

    private DistributionReader() {}

    public static Found scan(Path location) throws IOException {
        List<InstalledDistribution> out = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        if (!Files.isDirectory(location)) {
            return new Found(out, unreadable);
        }
        for (Path entry : orderedEntries(location)) {
            try {
                InstalledDistribution dist = read(entry);
                if (dist != null) {
                    out.add(dist);
                }
            } catch (IOException | RuntimeException e) {
                unreadable.add(new Unreadable(entry, String.valueOf(e.getMessage())));
            }
        }
        return new Found(out, unreadable);
    }

    private static List<Path> orderedEntries(Path location) throws IOException {
        Map<String, List<Path>> infos = new LinkedHashMap<>();
        Map<String, List<Path>> eggs = new LinkedHashMap<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(location)) {
            for (Path child : children) {
                String low = child.getFileName().toString().toLowerCase(Locale.ROOT);
                Map<String, List<Path>> target =
                        low.endsWith(".dist-info") ? infos : low.endsWith(".egg-info") ? eggs : null;
                if (target != null) {
                    String base = low.substring(0, low.lastIndexOf('.'));
                    int dash = base.indexOf('-');
                    String key = Requirement.canonicalize(dash < 0 ? base : base.substring(0, dash))
                            .replace('-', '_');
                    target.computeIfAbsent(key, k -> new ArrayList<>()).add(child);
                }
            }
        }
        List<Path> ordered = new ArrayList<>();
        infos.values().forEach(ordered::addAll);
        eggs.values().forEach(ordered::addAll);
        return ordered;
    }

    private static InstalledDistribution read(Path info) throws IOException {
        boolean egg = info.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".egg-info");
        Path metadata = egg ? (Files.isDirectory(info) ? info.resolve("PKG-INFO") : info) : info.resolve("METADATA");
        if (!Files.isRegularFile(metadata)) {
            return null;
        }
        Map<String, List<String>> headers = headers(Files.readString(metadata, StandardCharsets.UTF_8));
        String name = first(headers, "name");
        String version = first(headers, "version");
        if (name == null || version == null) {
            throw new IOException(metadata.getFileName() + " has no " + (name == null ? "Name" : "Version"));
        }
        List<Requirement> requires = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        // importlib.metadata (and so pip check) reads Requires-Dist of PKG-INFO/METADATA first and
        // setuptools' requires.txt only when there is none
        List<String> lines = headers.getOrDefault("requires-dist", List.of());
        if (lines.isEmpty() && egg) {
            lines = eggRequires(info);
        }
        for (String line : lines) {
            try {
                requires.add(Requirement.parse(line));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        return new InstalledDistribution(name, version, info, requires, errors);
    }

    private static String first(Map<String, List<String>> headers, String key) {
        List<String> values = headers.get(key);
        return values == null || values.isEmpty() ? null : values.get(0).strip();
    }

    /** Reads RFC 822 style headers up to the first blank line; continuation lines are joined. */
    static Map<String, List<String>> headers(String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String key = null;
        for (String line : text.split("\\R", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && key != null) {
                List<String> values = headers.get(key);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /** Turns setuptools' requires.txt sections ({@code [extra:marker]}) into PEP 508 lines. */
    private static List<String> eggRequires(Path info) throws IOException {
        Path file = info.resolve("requires.txt");
        if (!Files.isDirectory(info) || !Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String section = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                continue;
            }
            out.add(section == null ? line : line + "; " + sectionMarker(section));
        }
        return out;
    }

    private static String sectionMarker(String section) {
        int colon = section.indexOf(':');
        String extra = colon < 0 ? section : section.substring(0, colon);
        String marker = colon < 0 ? "" : section.substring(colon + 1);
        if (extra.isEmpty()) {
            return marker;
        }
        String extraMarker = "extra == \"" + extra + "\"";
        if (marker.isEmpty()) {
            return extraMarker;
        }
        Marker.parse(marker);
        return extraMarker + " and (" + marker + ")";
    }
}
