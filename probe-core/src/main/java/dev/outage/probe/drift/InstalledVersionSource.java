package dev.outage.probe.drift;

import dev.outage.probe.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the installed version of a service is read from. */
public sealed interface InstalledVersionSource {

    /** The version text found and a description of where it was found. */
    record Found(String version, String from) {}

    /**
     * Reads the installed version.
     *
     * @throws IOException naming the path or command when it cannot be read or holds no version
     * @throws InterruptedException when interrupted while a command runs
     */
    Found read(CommandRunner runner, Duration timeout) throws IOException, InterruptedException;

    /**
     * The version read from a path after resolving its symlinks, e.g. {@code /opt/homebrew/bin/ollama}
     * resolving to {@code /opt/homebrew/Cellar/ollama/0.21.2/bin/ollama}.
     *
     * @param path the path to resolve
     * @param pattern a regex whose group 1 (or whole match) is the version, searched in the resolved
     *     path; null to take the last path element that looks like a version
     */
    record FromPath(Path path, Pattern pattern) implements InstalledVersionSource {
        private static final Pattern ELEMENT = Pattern.compile("v?\\d+(?:\\.\\d+)+(?:[-+.~_][0-9A-Za-z.+~_-]*)?");

        /** Checks the path is present. */
        public FromPath {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Found read(CommandRunner runner, Duration timeout) throws IOException {
            Path real = resolve(path);
            if (pattern != null) {
                return new Found(group(pattern.matcher(real.toString()), "path " + real), "path " + real);
            }
            for (int i = real.getNameCount() - 1; i >= 0; i--) {
                String element = real.getName(i).toString();
                if (ELEMENT.matcher(element).matches()) {
                    return new Found(element, "path " + real);
                }
            }
            throw new IOException("no version in the path " + real + " (resolved from " + path + ")");
        }

        private static Path resolve(Path path) throws IOException {
            try {
                return path.toRealPath();
            } catch (NoSuchFileException e) {
                throw new IOException("the installed path " + path + " does not exist (or a link in it is broken)", e);
            }
        }
    }

    /**
     * The version printed by a command, e.g. {@code ollama --version}.
     *
     * @param command the program and its arguments; no shell is involved
     * @param pattern a regex whose group 1 (or whole match) is the version; null for the first
     *     dotted number
     */
    record FromCommand(List<String> command, Pattern pattern) implements InstalledVersionSource {
        private static final Pattern DEFAULT = Pattern.compile("(\\d+(?:\\.\\d+)+(?:[-+~][0-9A-Za-z.]+)?)");

        /** Checks the command is not empty. */
        public FromCommand {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command for the installed version");
            }
        }

        @Override
        public Found read(CommandRunner runner, Duration timeout) throws IOException, InterruptedException {
            String shown = String.join(" ", command);
            CommandRunner.Output output = runner.run(CommandRunner.Invocation.of(command, timeout));
            if (output.timedOut()) {
                throw new IOException("'" + shown + "' did not finish within " + timeout.toMillis() + " ms");
            }
            if (output.exitCode() != 0) {
                throw new IOException("'" + shown + "' exited with " + output.exitCode());
            }
            String text = output.stdout() + "\n" + output.stderr();
            return new Found(
                    group((pattern != null ? pattern : DEFAULT).matcher(text), "output of '" + shown + "'"),
                    "command '" + shown + "'");
        }
    }

    private static String group(Matcher m, String where) throws IOException {
        if (!m.find()) {
            throw new IOException("no version matching /" + m.pattern() + "/ in the " + where);
        }
        return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
    }

    /**
     * Returns the source a command line argument names: a path when the text has no whitespace and
     * is absolute or exists, else a command split at whitespace (no quoting, no shell).
     *
     * @param text a path or a command line such as {@code ollama --version}
     * @param regex the version regex, or null for the default
     * @throws IllegalArgumentException when the text is blank or the regex does not compile
     */
    static InstalledVersionSource parse(String text, String regex) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("installed version source is blank");
        }
        Pattern pattern;
        try {
            pattern = regex == null ? null : Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("bad version regex '" + regex + "': " + e.getDescription(), e);
        }
        String stripped = text.strip();
        if (!stripped.contains(" ") && (stripped.startsWith("/") || Files.exists(Path.of(stripped)))) {
            return new FromPath(Path.of(stripped), pattern);
        }
        return new FromCommand(List.of(stripped.split("\\s+")), pattern);
    }
}
