package dev.outage.alerting.notify.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Named template definitions ({@code {{ define "name" }}}) and the compiler of template texts
 * that may call them. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * TemplateSet set = TemplateSet.defaults().withFile("team.tmpl", Files.readString(path));
 * Template subject = set.compile("email_configs[0].headers.Subject", "{{ template \"email.default.subject\" . }}");
 * String text = subject.render(data);
 * }</pre>
 *
 * <p>The syntax is a subset of Go's text/template as Alertmanager 0.25 uses it: text and
 * {@code {{ }}} actions with {@code -} trim markers and comments; fields and method chains on
 * dot and variables ({@code .CommonLabels.alertname}, {@code .Alerts.Firing},
 * {@code .CommonLabels.Remove .GroupLabels.Names}); pipelines with {@code |}; parentheses;
 * string, integer and boolean constants; {@code $var :=} declarations; {@code if}/{@code else if}/
 * {@code else}, {@code with}, {@code range} (with {@code $i, $v :=}) and {@code else};
 * {@code define} and {@code template}. Functions: {@code and or not len index eq ne lt le gt ge
 * html urlquery print println printf} (verbs {@code %s %d %v %q}) and Alertmanager's
 * {@code toUpper toLower title trimSpace join match safeHtml reReplaceAll stringSlice}.
 * Everything else ({@code block}, {@code break}, {@code continue}, assignment with {@code =},
 * floats, characters, other functions, calls of undefined templates) is rejected by
 * {@link #compile} and {@link #withFile} with its position.
 */
public final class TemplateSet {

    private static final String DEFAULTS_RESOURCE = "default.tmpl";
    private static final TemplateSet DEFAULTS = loadDefaults();

    private final Map<String, List<Node>> definitions;

    private TemplateSet(Map<String, List<Node>> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    /**
     * Returns the built-in definitions: Alertmanager's {@code __subject} and
     * {@code email.default.subject} (the same text as Alertmanager 0.25), and this library's own
     * {@code email.default.text} and {@code email.default.html}.
     */
    public static TemplateSet defaults() {
        return DEFAULTS;
    }

    /** Returns an empty set. */
    public static TemplateSet empty() {
        return new TemplateSet(Map.of());
    }

    /**
     * Returns a copy with the definitions of a template file added; a definition with an
     * existing name replaces it, as in Alertmanager where later files win. Text outside
     * definitions is ignored.
     *
     * @param source the file name, for error positions
     * @throws TemplateException when the text is outside the subset or calls an unknown template
     */
    public TemplateSet withFile(String source, String text) throws TemplateException {
        Map<String, List<Node>> merged = new HashMap<>(definitions);
        Parser.parse(Objects.requireNonNull(source, "source"), Objects.requireNonNull(text, "text"), merged);
        TemplateSet set = new TemplateSet(merged);
        for (List<Node> body : merged.values()) {
            set.checkCalls(body);
        }
        return set;
    }

    /**
     * Compiles a template text (a header value, {@code text} or {@code html}) against these
     * definitions.
     *
     * @param source where the text comes from, such as {@code email_configs[0].html}
     * @throws TemplateException when the text is outside the subset, defines templates or calls an unknown template
     */
    public Template compile(String source, String text) throws TemplateException {
        Map<String, List<Node>> defined = new HashMap<>();
        List<Node> nodes =
                Parser.parse(Objects.requireNonNull(source, "source"), Objects.requireNonNull(text, "text"), defined);
        if (!defined.isEmpty()) {
            throw new TemplateException(
                    source, 1, 1, "{{define}} is not allowed in a field template; put it in a template file");
        }
        checkCalls(nodes);
        return new Template(source, nodes, definitions);
    }

    /**
     * Returns a copy with the definitions of every file matching the patterns added, as
     * Alertmanager reads its {@code templates} setting: each pattern is a glob over the file
     * names of one directory (such as {@code /etc/alertmanager/templates/*.tmpl}); files are read
     * in name order and a pattern that matches nothing is no error.
     *
     * @throws IOException when a directory or file cannot be read
     * @throws TemplateException when a file is outside the supported subset
     */
    public TemplateSet withGlobs(List<String> patterns) throws IOException, TemplateException {
        TemplateSet set = this;
        for (String pattern : patterns) {
            Path glob = Path.of(pattern);
            Path directory = glob.getParent() == null ? Path.of(".") : glob.getParent();
            if (!Files.isDirectory(directory)) {
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.filter(p -> matcher.matches(p.getFileName()) && Files.isRegularFile(p))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                set = set.withFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return set;
    }

    /** Returns whether a template of that name is defined. */
    public boolean isDefined(String name) {
        return definitions.containsKey(name);
    }

    private void checkCalls(List<Node> nodes) throws TemplateException {
        for (Node node : nodes) {
            if (node instanceof Node.Call call && !definitions.containsKey(call.name())) {
                throw call.position().error("no such template \"" + call.name() + "\"");
            } else if (node instanceof Node.If n) {
                checkCalls(n.then());
                checkCalls(n.otherwise());
            } else if (node instanceof Node.With n) {
                checkCalls(n.then());
                checkCalls(n.otherwise());
            } else if (node instanceof Node.Range n) {
                checkCalls(n.body());
                checkCalls(n.otherwise());
            }
        }
    }

    private static TemplateSet loadDefaults() {
        try (InputStream in = TemplateSet.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULTS_RESOURCE + " is missing from the jar");
            }
            return empty().withFile(DEFAULTS_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading built-in templates", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("built-in templates are invalid: " + e.getMessage(), e);
        }
    }
}
