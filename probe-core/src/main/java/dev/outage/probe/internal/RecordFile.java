package dev.outage.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads a wheel RECORD file (CSV: path, algorithm=urlsafe-b64 digest, size) and checks files against it. */
public final class RecordFile {

    /** One RECORD row; hash and size are empty when the row lists none (RECORD itself, .pyc files). */
    public record Entry(String path, String hash, String size) {}

    private RecordFile() {}

    public static List<Entry> read(Path record) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                List<String> cells = splitCsv(line);
                entries.add(new Entry(
                        cells.get(0), cells.size() > 1 ? cells.get(1) : "", cells.size() > 2 ? cells.get(2) : ""));
            }
        }
        return entries;
    }

    /** Splits one CSV line as Python's csv module writes it: quotes around cells with commas, doubled quotes inside. */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * Checks one file against its entry and returns what differs, or empty when it matches or
     * the entry has no hash to check. With {@code hashIfModifiedAfter} set, the hash is computed
     * only for a file modified after that time; null hashes every file.
     */
    public static Optional<String> verify(Path file, Entry entry, FileTime hashIfModifiedAfter) throws IOException {
        if (entry.hash().isEmpty()) {
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            return Optional.of("is missing");
        }
        if (!entry.size().isEmpty()) {
            long expected = parseSize(entry.size());
            long actual = Files.size(file);
            if (expected >= 0 && actual != expected) {
                return Optional.of("has " + actual + " bytes, RECORD says " + expected);
            }
        }
        if (hashIfModifiedAfter != null && Files.getLastModifiedTime(file).compareTo(hashIfModifiedAfter) <= 0) {
            return Optional.empty();
        }
        int eq = entry.hash().indexOf('=');
        if (eq < 0) {
            return Optional.of("has a RECORD hash without an algorithm: '" + entry.hash() + "'");
        }
        String algorithm = entry.hash().substring(0, eq);
        String expected = entry.hash().substring(eq + 1);
        String actual = digest(file, algorithm);
        return actual.equals(expected)
                ? Optional.empty()
                : Optional.of("has a different " + algorithm + " than its RECORD");
    }

    private static long parseSize(String size) {
        try {
            return Long.parseLong(size.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(
                    switch (algorithm) {
                        case "sha256" -> "SHA-256";
                        case "sha384" -> "SHA-384";
                        case "sha512" -> "SHA-512";
                        default ->
                            throw new NoSuchFileException(
                                    file.toString(), null, "unsupported RECORD hash " + algorithm);
                    });
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no " + algorithm + " in this JVM", e);
        }
        byte[] buffer = new byte[65536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }
}
