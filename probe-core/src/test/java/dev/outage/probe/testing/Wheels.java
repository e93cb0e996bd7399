package dev.outage.probe.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small pure-Python wheels for tests, so pip can install requirements we choose. */
public final class Wheels {

    private Wheels() {}

    /**
     * Writes {@code NAME-VERSION-py3-none-any.whl} with one module {@code NAME.py} and the given
     * {@code Requires-Dist} lines; returns its path.
     */
    public static Path write(Path dir, String name, String version, List<String> requiresDist) throws IOException {
        return write(dir, name, version, requiresDist, Map.of());
    }

    /**
     * Writes a wheel as {@link #write(Path, String, String, List)} does, with more files (path in the
     * wheel to text), each listed in its RECORD with its hash and size; returns its path.
     */
    public static Path write(
            Path dir, String name, String version, List<String> requiresDist, Map<String, String> extraFiles)
            throws IOException {
        String info = name + "-" + version + ".dist-info";
        StringBuilder metadata =
                new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        requiresDist.forEach(r -> metadata.append("Requires-Dist: ").append(r).append('\n'));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + ".py", "VERSION = '" + version + "'\n");
        files.putAll(extraFiles);
        files.put(info + "/METADATA", metadata.toString());
        files.put(
                info + "/WHEEL",
                "Wheel-Version: 1.0\nGenerator: outage-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        files.forEach((path, text) -> record.append(path)
                .append(",sha256=")
                .append(sha256(text))
                .append(',')
                .append(text.getBytes(StandardCharsets.UTF_8).length)
                .append('\n'));
        record.append(info).append("/RECORD,,\n");
        files.put(info + "/RECORD", record.toString());
        Path wheel = dir.resolve(name + "-" + version + "-py3-none-any.whl");
        try (OutputStream out = Files.newOutputStream(wheel);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return wheel;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
