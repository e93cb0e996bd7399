package dev.outage.alerting.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds the template files of a configuration and checks that their Go template actions are
 * well-formed, as {@code amtool check-config} does before it reports success.
 *
 * <pre>{@code
 * Optional<String> problem = TemplateFiles.check(config);
 * problem.ifPresent(System.err::println); // template: mail.tmpl:3: unexpected {{end}}
 * }</pre>
 *
 * <p>The check covers what makes Go refuse to load a template: unclosed actions, comments and
 * quoted strings, and {@code if}/{@code range}/{@code with}/{@code define}/{@code block} blocks
 * that are not closed by {@code end} (or an {@code end} or {@code else} with no open block). It
 * does not type-check expressions or resolve template names; Go reports more problems than these,
 * in its own words. Blocking: reads files; thread-safe.
 */
public final class TemplateFiles {

    private TemplateFiles() {}

    /**
     * Returns the files the configuration's template patterns match, in pattern order; a pattern
     * matching nothing contributes nothing, as in Alertmanager.
     *
     * @throws IOException if a directory of a pattern cannot be listed; the message names it
     */
    public static List<Path> resolve(AlertmanagerConfig config) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String pattern : config.templates()) {
            Path glob = Path.of(pattern);
            Path dir = glob.getParent() == null ? Path.of(".") : glob.getParent();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> matches =
                    Files.newDirectoryStream(dir, glob.getFileName().toString())) {
                List<Path> sorted = new ArrayList<>();
                matches.forEach(sorted::add);
                sorted.sort(null);
                files.addAll(sorted);
            } catch (IOException e) {
                throw new IOException("cannot list template directory " + dir + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /**
     * Returns the first problem of the configuration's template files in Go's form
     * ({@code template: NAME:LINE: reason}), or empty when they all look well-formed.
     *
     * @throws IOException if a template file cannot be read; the message names it
     */
    public static Optional<String> check(AlertmanagerConfig config) throws IOException {
        for (Path file : resolve(config)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException("cannot read template " + file + ": " + e.getMessage(), e);
            }
            Optional<String> problem = checkText(file.getFileName().toString(), text);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Returns the first structural problem of one template text, or empty. */
    public static Optional<String> checkText(String name, String text) {
        Deque<String> blocks = new ArrayDeque<>();
        int line = 1;
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                break;
            }
            line += count(text, i, open);
            int close = actionEnd(text, open + 2);
            if (close < 0) {
                int end = line + count(text, open, text.length());
                String reason = closeProblem(text, open + 2);
                return reason.equals("unclosed action")
                        ? problem(name, end, "unclosed action started at " + name + ":" + line)
                        : problem(name, line, reason);
            }
            String action = trimAction(text.substring(open + 2, close));
            String reason = nest(blocks, action);
            if (reason != null) {
                return problem(name, line, reason);
            }
            line += count(text, open, close);
            i = close + 2;
        }
        line += count(text, i, text.length());
        return blocks.isEmpty() ? Optional.empty() : problem(name, line, "unexpected EOF");
    }

    private static Optional<String> problem(String name, int line, String reason) {
        return Optional.of("template: " + name + ":" + line + ": " + reason);
    }

    /** Returns the index of the {@code }}} closing the action, skipping quoted text and comments; -1 if none. */
    private static int actionEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2;
            } else if (c == '"' || c == '`' || c == '\'') {
                int end = quotedEnd(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else if (text.startsWith("}}", i)) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int quotedEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' && quote != '`') {
                return -1;
            }
        }
        return -1;
    }

    private static String closeProblem(String text, int from) {
        String rest = text.substring(from);
        if (rest.strip().startsWith("/*") && !rest.contains("*/")) {
            return "unclosed comment";
        }
        return rest.contains("\"") || rest.contains("`") ? "unterminated quoted string" : "unclosed action";
    }

    private static String trimAction(String action) {
        String s = action;
        if (s.startsWith("- ")) {
            s = s.substring(2);
        }
        if (s.endsWith(" -")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.strip();
    }

    /** Tracks block nesting; returns Go's reason when the action does not fit, else null. */
    private static String nest(Deque<String> blocks, String action) {
        String keyword = action.split("[\\s(]", 2)[0];
        switch (keyword) {
            case "if", "range", "with", "define", "block" -> blocks.push(keyword);
            case "end" -> {
                if (blocks.isEmpty()) {
                    return "unexpected {{end}}";
                }
                blocks.pop();
            }
            case "else" -> {
                String top = blocks.peek();
                if (top == null) {
                    return "unexpected {{else}}";
                }
                if (top.equals("define") || top.equals("block")) {
                    return "unexpected {{else}} in " + top + " clause";
                }
            }
            default -> {
                // Expressions, template calls, comments and variables need no nesting.
            }
        }
        return null;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
