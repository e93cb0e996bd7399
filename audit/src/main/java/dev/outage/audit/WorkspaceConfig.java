package dev.outage.audit;

import dev.outage.audit.internal.YamlNode;
import dev.outage.audit.internal.YamlReader;
import dev.outage.audit.internal.YamlSyntaxException;
import dev.outage.nix.module.Platform;
import dev.outage.probe.spec.ProbeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace configuration, {@code outage.yml}: the platform where it cannot be inferred,
 * suppressions by rule id and path, and live probes.
 *
 * <pre>{@code
 * platform: darwin
 * suppressions:
 *   - rule: pip-user-install
 *     path: "legacy/**"
 *     reason: retired next month
 * probes:
 *   venvs:
 *     - path: /opt/open-webui
 *       imports: [open_webui.main, greenlet]
 *       mode: both
 *   http:
 *     - url: http://127.0.0.1:8080/health
 *       expectStatus: 200
 *       expectJson: ["/status=true"]
 *   drift:
 *     - running: http://127.0.0.1:11434/api/version#/version
 *       installed: /opt/homebrew/bin/ollama
 *   alertPath:
 *     prometheus: http://127.0.0.1:9090
 *     alertmanagers: [http://127.0.0.1:9093]
 *   crashLoops:
 *     - manager: launchd
 *       service: gui/501/org.openwebui
 * }</pre>
 *
 * <p>Relative venv paths are resolved against the directory of {@code outage.yml}.
 *
 * @param platform the platform every module is evaluated by, or {@link Platform#UNKNOWN} to infer it
 * @param suppressions findings to drop
 * @param probes live probes to run with {@code --live}, in declaration order
 * @param file where the configuration was read from, as reports show it; empty for the defaults
 */
public record WorkspaceConfig(
        Platform platform, List<Suppression> suppressions, List<DeclaredProbe> probes, String file) {

    /** The file name looked up at the root of an audited tree. */
    public static final String FILE_NAME = "outage.yml";

    private static final Set<String> TOP_LEVEL = Set.of("platform", "suppressions", "probes");
    private static final Set<String> PROBE_KINDS = Set.of("venvs", "http", "drift", "alertPath", "crashLoops");

    /** Reads one probe declaration; may throw {@link IllegalArgumentException} from the spec. */
    private interface SpecReader {
        ProbeSpec read() throws WorkspaceConfigException;
    }

    /** Copies the suppressions. */
    public WorkspaceConfig {
        Objects.requireNonNull(platform, "platform");
        suppressions = List.copyOf(suppressions);
        probes = List.copyOf(probes);
        Objects.requireNonNull(file, "file");
    }

    /** Returns the configuration used when there is no {@code outage.yml}. */
    public static WorkspaceConfig defaults() {
        return new WorkspaceConfig(Platform.UNKNOWN, List.of(), List.of(), "");
    }

    /**
     * Reads {@code outage.yml} from {@code file}.
     *
     * @throws WorkspaceConfigException if the file cannot be read or is invalid; the message starts
     *     with {@code file:line:column}
     */
    public static WorkspaceConfig read(Path file) throws WorkspaceConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new WorkspaceConfigException(
                    "cannot read workspace configuration " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text, file.toAbsolutePath().getParent());
    }

    /**
     * Parses the text of an {@code outage.yml}; {@code name} is used in error messages.
     *
     * @throws WorkspaceConfigException if the text is invalid; the message starts with
     *     {@code name:line:column}
     */
    public static WorkspaceConfig parse(String name, String text) throws WorkspaceConfigException {
        return parse(name, text, Path.of(""));
    }

    private static WorkspaceConfig parse(String name, String text, Path base) throws WorkspaceConfigException {
        YamlNode root;
        try {
            root = YamlReader.read(text);
        } catch (YamlSyntaxException e) {
            throw new WorkspaceConfigException(name + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
        }
        return new Reader(name, base).config(root);
    }

    private record Reader(String name, Path base) {

        WorkspaceConfig config(YamlNode root) throws WorkspaceConfigException {
            YamlNode.Mapping top = mapping(root, "the top level");
            for (YamlNode.Entry entry : top.entries().values()) {
                if (!TOP_LEVEL.contains(entry.key())) {
                    throw error(
                            entry.line(),
                            entry.column(),
                            "unknown key '" + entry.key() + "': expected platform, suppressions or probes");
                }
            }
            Platform platform = Platform.UNKNOWN;
            Optional<YamlNode> platformNode = top.get("platform");
            if (platformNode.isPresent()) {
                try {
                    platform = Platform.parse(text(platformNode.get(), "platform"));
                } catch (IllegalArgumentException e) {
                    throw error(platformNode.get(), e.getMessage());
                }
            }
            List<Suppression> suppressions = new ArrayList<>();
            for (YamlNode item : list(top.get("suppressions"), "suppressions")) {
                suppressions.add(suppression(item));
            }
            List<DeclaredProbe> probes =
                    top.get("probes").isPresent() ? probes(top.get("probes").get()) : List.of();
            return new WorkspaceConfig(platform, suppressions, probes, name);
        }

        private Suppression suppression(YamlNode item) throws WorkspaceConfigException {
            YamlNode.Mapping map = mapping(item, "a suppression");
            YamlNode rule = map.get("rule").orElseThrow(() -> error(item, "a suppression needs 'rule'"));
            String path = map.get("path").isPresent() ? text(map.get("path").get(), "path") : "**";
            String reason =
                    map.get("reason").isPresent() ? text(map.get("reason").get(), "reason") : "";
            try {
                return new Suppression(text(rule, "rule"), path, reason);
            } catch (IllegalArgumentException e) {
                throw error(item, e.getMessage());
            }
        }

        private List<DeclaredProbe> probes(YamlNode node) throws WorkspaceConfigException {
            YamlNode.Mapping map = mapping(node, "probes");
            for (YamlNode.Entry entry : map.entries().values()) {
                if (!PROBE_KINDS.contains(entry.key())) {
                    throw error(
                            entry.line(),
                            entry.column(),
                            "unknown probe kind '" + entry.key()
                                    + "': expected venvs, http, drift, alertPath or crashLoops");
                }
            }
            List<DeclaredProbe> probes = new ArrayList<>();
            for (YamlNode item : list(map.get("venvs"), "venvs")) {
                probes.add(declared(item, () -> venv(mapping(item, "a venv probe"))));
            }
            for (YamlNode item : list(map.get("http"), "http")) {
                probes.add(declared(item, () -> http(mapping(item, "an http probe"))));
            }
            for (YamlNode item : list(map.get("drift"), "drift")) {
                probes.add(declared(item, () -> drift(mapping(item, "a drift probe"))));
            }
            if (map.get("alertPath").isPresent()) {
                YamlNode item = map.get("alertPath").get();
                probes.add(declared(item, () -> alertPath(mapping(item, "alertPath"))));
            }
            for (YamlNode item : list(map.get("crashLoops"), "crashLoops")) {
                probes.add(declared(item, () -> crashLoop(mapping(item, "a crash-loop probe"))));
            }
            return probes;
        }

        private DeclaredProbe declared(YamlNode item, SpecReader reader) throws WorkspaceConfigException {
            try {
                return new DeclaredProbe(reader.read(), item.line(), item.column());
            } catch (IllegalArgumentException e) {
                throw error(item, e.getMessage());
            }
        }

        private ProbeSpec venv(YamlNode.Mapping venv) throws WorkspaceConfigException {
            Path path = base.resolve(required(venv, "path", "a venv probe"));
            List<String> imports = texts(venv.get("imports"), "imports");
            String mode = optionalText(venv.get("mode"), "mode").orElse(null);
            boolean integrity = optionalText(venv.get("checkIntegrity"), "checkIntegrity")
                    .map(Boolean::parseBoolean)
                    .orElse(true);
            return new ProbeSpec.Venv(path, imports, mode, integrity, null, null);
        }

        private ProbeSpec http(YamlNode.Mapping check) throws WorkspaceConfigException {
            String url = required(check, "url", "an http probe");
            Integer status = null;
            if (check.get("expectStatus").isPresent()) {
                YamlNode statusNode = check.get("expectStatus").get();
                try {
                    status = Integer.valueOf(text(statusNode, "expectStatus"));
                } catch (NumberFormatException e) {
                    throw error(statusNode, "expectStatus must be a number");
                }
            }
            return new ProbeSpec.Http(url, status, texts(check.get("expectJson"), "expectJson"), null);
        }

        private ProbeSpec drift(YamlNode.Mapping pair) throws WorkspaceConfigException {
            return new ProbeSpec.Drift(
                    required(pair, "running", "a drift probe"),
                    required(pair, "installed", "a drift probe"),
                    optionalText(pair.get("installedRegex"), "installedRegex").orElse(null),
                    null);
        }

        private ProbeSpec alertPath(YamlNode.Mapping path) throws WorkspaceConfigException {
            return new ProbeSpec.AlertPath(
                    optionalText(path.get("prometheus"), "prometheus").orElse(null),
                    texts(path.get("alertmanagers"), "alertmanagers"),
                    optionalText(path.get("smoke"), "smoke")
                            .map(Boolean::parseBoolean)
                            .orElse(false),
                    null);
        }

        private ProbeSpec crashLoop(YamlNode.Mapping loop) throws WorkspaceConfigException {
            Integer max = null;
            if (loop.get("maxRestarts").isPresent()) {
                try {
                    max = Integer.valueOf(text(loop.get("maxRestarts").get(), "maxRestarts"));
                } catch (NumberFormatException e) {
                    throw error(loop.get("maxRestarts").get(), "maxRestarts must be a number");
                }
            }
            return new ProbeSpec.CrashLoop(
                    required(loop, "manager", "a crash-loop probe"),
                    required(loop, "service", "a crash-loop probe"),
                    max,
                    null);
        }

        private String required(YamlNode.Mapping map, String key, String what) throws WorkspaceConfigException {
            YamlNode node = map.get(key).orElseThrow(() -> error(map, what + " needs '" + key + "'"));
            return text(node, key);
        }

        private List<String> texts(Optional<YamlNode> node, String what) throws WorkspaceConfigException {
            List<String> texts = new ArrayList<>();
            for (YamlNode item : list(node, what)) {
                texts.add(text(item, what));
            }
            return texts;
        }

        private Optional<String> optionalText(Optional<YamlNode> node, String what) throws WorkspaceConfigException {
            return node.isPresent() ? Optional.of(text(node.get(), what)) : Optional.empty();
        }

        private YamlNode.Mapping mapping(YamlNode node, String what) throws WorkspaceConfigException {
            return node.asMapping().orElseThrow(() -> error(node, what + " must be a mapping"));
        }

        private List<YamlNode> list(Optional<YamlNode> node, String what) throws WorkspaceConfigException {
            if (node.isEmpty() || node.get() instanceof YamlNode.Scalar s && s.text() == null) {
                return List.of();
            }
            return node.get()
                    .asSequence()
                    .orElseThrow(() -> error(node.get(), what + " must be a list"))
                    .items();
        }

        private String text(YamlNode node, String what) throws WorkspaceConfigException {
            return node.asText().orElseThrow(() -> error(node, what + " must be a string"));
        }

        private WorkspaceConfigException error(YamlNode node, String reason) {
            return error(node.line(), node.column(), reason);
        }

        private WorkspaceConfigException error(int line, int column, String reason) {
            return new WorkspaceConfigException(name + ":" + line + ":" + column + ": " + reason);
        }
    }
}
