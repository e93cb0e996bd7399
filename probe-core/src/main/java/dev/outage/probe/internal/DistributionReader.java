package dev.outage.probe.internal;

import dev.outage.probe.python.InstalledDistribution;
import dev.outage.probe.python.Marker;
import dev.outage.probe.python.Requirement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
        if (Files.isRegularFile(location) && isEgg(location)) {
            // a zipped egg that `setup.py install` put on sys.path through easy-install.pth
            try {
                InstalledDistribution dist = readZippedEgg(location);
                if (dist != null) {
                    out.add(dist);
                }
            } catch (IOException | RuntimeException e) {
                unreadable.add(new Unreadable(location, String.valueOf(e.getMessage())));
            }
            return new Found(out, unreadable);
        }
        if (!Files.isDirectory(location)) {
            return new Found(out, unreadable);
        }
        List<Path> entries = orderedEntries(location);
        Path eggInfo = location.resolve("EGG-INFO");
        if (isEgg(location) && Files.isDirectory(eggInfo)) {
            // an egg directory that `setup.py install` put on sys.path through easy-install.pth
            entries.add(0, eggInfo);
        }
        for (Path entry : entries) {
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
        String fileName = info.getFileName().toString();
        boolean egg = fileName.toLowerCase(Locale.ROOT).endsWith(".egg-info") || fileName.equals("EGG-INFO");
        Path metadata = egg ? (Files.isDirectory(info) ? info.resolve("PKG-INFO") : info) : info.resolve("METADATA");
        if (!Files.isRegularFile(metadata)) {
            return null;
        }
        String text = Files.readString(metadata, StandardCharsets.UTF_8);
        return fromMetadata(info, metadata.getFileName().toString(), text, egg ? () -> eggRequires(info) : List::of);
    }

    private static boolean isEgg(Path location) {
        Path name = location.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".egg");
    }

    private static InstalledDistribution readZippedEgg(Path egg) throws IOException {
        try (ZipFile zip = new ZipFile(egg.toFile(), StandardCharsets.UTF_8)) {
            String metadata = zipText(zip, "EGG-INFO/PKG-INFO");
            if (metadata == null) {
                return null;
            }
            String requires = zipText(zip, "EGG-INFO/requires.txt");
            return fromMetadata(
                    egg,
                    "EGG-INFO/PKG-INFO",
                    metadata,
                    () -> requires == null
                            ? List.of()
                            : requiresTxt(requires.lines().toList()));
        }
    }

    private static String zipText(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private interface RequiresTxt {
        List<String> lines() throws IOException;
    }

    private static InstalledDistribution fromMetadata(
            Path info, String metadataName, String text, RequiresTxt requiresTxt) throws IOException {
        Map<String, List<String>> headers = headers(text);
        String name = first(headers, "name");
        String version = first(headers, "version");
        if (name == null || version == null) {
            throw new IOException(metadataName + " has no " + (name == null ? "Name" : "Version"));
        }
        List<Requirement> requires = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        // importlib.metadata (and so pip check) reads Requires-Dist of PKG-INFO/METADATA first and
        // setuptools' requires.txt only when there is none
        List<String> lines = headers.getOrDefault("requires-dist", List.of());
        if (lines.isEmpty()) {
            lines = requiresTxt.lines();
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
        return requiresTxt(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static List<String> requiresTxt(List<String> rawLines) {
        List<String> out = new ArrayList<>();
        String section = null;
        for (String raw : rawLines) {
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
