package dev.outage.audit.internal;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the files an audit reads under a root: Nix files, {@code flake.lock}, Prometheus and
 * Alertmanager configurations (recognised by their top-level keys), shell scripts and launchd
 * property lists. Skips {@code .git}, {@code result} links, build output and dependencies, and
 * does not follow directory links.
 */
public final class WorkspaceWalker {

    /** Files larger than this are not read: no configuration is that big. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final Set<String> SKIPPED_DIRS =
            Set.of(".git", ".hg", ".svn", ".direnv", "result", "target", "node_modules", "build", ".venv", "venv");
    private static final Pattern PROMETHEUS_KEYS = Pattern.compile("(?m)^(scrape_configs|rule_files|alerting)\\s*:");
    private static final Pattern ROUTE_KEY = Pattern.compile("(?m)^route\\s*:");
    private static final Pattern RECEIVERS_KEY = Pattern.compile("(?m)^receivers\\s*:");

    /**
     * A file found under a root.
     *
     * @param path the file on disk
     * @param relativePath path relative to the root, with {@code /}
     * @param kind what it is
     * @param text its content (UTF-8)
     */
    public record Found(Path path, String relativePath, FileKind kind, String text) {}

    private WorkspaceWalker() {}

    /**
     * Walks {@code root} (a directory or a single file) and returns the files to audit, sorted by path.
     *
     * @throws IOException if the root cannot be listed
     */
    public static List<Found> walk(Path root) throws IOException {
        List<Found> found = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            Path name = root.getFileName();
            classify(root, name == null ? root.toString() : name.toString()).ifPresent(found::add);
            return found;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root)
                        && (SKIPPED_DIRS.contains(name) || name.startsWith("target-") || isResultLink(name));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && attrs.size() <= MAX_FILE_BYTES && !isResultLink(name)) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    classify(file, relative).ifPresent(found::add);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        return found;
    }

    /** Returns whether {@code name} is what nix build leaves behind: {@code result} or {@code result-N}. */
    private static boolean isResultLink(String name) {
        return name.equals("result") || name.matches("result-[A-Za-z0-9]+");
    }

    private static Optional<Found> classify(Path file, String relative) throws IOException {
        String name = file.getFileName().toString();
        Optional<FileKind> byName = kindByName(name);
        if (byName.isEmpty() && !name.endsWith(".yml") && !name.endsWith(".yaml")) {
            return Optional.empty();
        }
        Optional<String> text = read(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<FileKind> kind = byName.isPresent() ? byName : kindByContent(text.get());
        return kind.map(k -> new Found(file, relative, k, text.get()));
    }

    private static Optional<FileKind> kindByName(String name) {
        if (name.endsWith(".nix")) {
            return Optional.of(FileKind.NIX);
        }
        if (name.equals("flake.lock")) {
            return Optional.of(FileKind.FLAKE_LOCK);
        }
        if (name.endsWith(".sh") || name.endsWith(".plist")) {
            return Optional.of(FileKind.SHELL);
        }
        return Optional.empty();
    }

    /** Returns the kind of a YAML file from its top-level keys, or empty when it is neither config. */
    static Optional<FileKind> kindByContent(String content) {
        // Editors on Windows often start a UTF-8 file with a byte order mark; it hides a first key.
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (ROUTE_KEY.matcher(text).find() && RECEIVERS_KEY.matcher(text).find()) {
            return Optional.of(FileKind.ALERTMANAGER);
        }
        if (PROMETHEUS_KEYS.matcher(text).find()) {
            return Optional.of(FileKind.PROMETHEUS);
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return Optional.empty();
        }
    }
}
