package dev.outage.audit;

import dev.outage.audit.internal.YamlNode;
import dev.outage.audit.internal.YamlReader;
import dev.outage.audit.internal.YamlSyntaxException;
import dev.outage.nix.module.Platform;
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
 *   http:
 *     - url: http://127.0.0.1:8080/health
 *       expectStatus: 200
 *   drift:
 *     - running: http://127.0.0.1:11434/api/version#/version
 *       installed: /opt/homebrew/bin/ollama
 *   prometheus: http://127.0.0.1:9090
 *   alertmanager: http://127.0.0.1:9093
 * }</pre>
 *
 * @param platform the platform every module is evaluated by, or {@link Platform#UNKNOWN} to infer it
 * @param suppressions findings to drop
 * @param probes live probes to run with {@code --live}
 */
public record WorkspaceConfig(Platform platform, List<Suppression> suppressions, LiveProbes probes) {

    /** The file name looked up at the root of an audited tree. */
    public static final String FILE_NAME = "outage.yml";

    private static final Set<String> TOP_LEVEL = Set.of("platform", "suppressions", "probes");

    /** Copies the suppressions. */
    public WorkspaceConfig {
        Objects.requireNonNull(platform, "platform");
        suppressions = List.copyOf(suppressions);
        Objects.requireNonNull(probes, "probes");
    }

    /** Returns the configuration used when there is no {@code outage.yml}. */
    public static WorkspaceConfig defaults() {
        return new WorkspaceConfig(Platform.UNKNOWN, List.of(), LiveProbes.none());
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
        return parse(file.toString(), text);
    }

    /**
     * Parses the text of an {@code outage.yml}; {@code name} is used in error messages.
     *
     * @throws WorkspaceConfigException if the text is invalid; the message starts with
     *     {@code name:line:column}
     */
    public static WorkspaceConfig parse(String name, String text) throws WorkspaceConfigException {
        YamlNode root;
        try {
            root = YamlReader.read(text);
        } catch (YamlSyntaxException e) {
            throw new WorkspaceConfigException(name + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
        }
        return new Reader(name).config(root);
    }

    private record Reader(String name) {

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
            LiveProbes probes =
                    top.get("probes").isPresent() ? probes(top.get("probes").get()) : LiveProbes.none();
            return new WorkspaceConfig(platform, suppressions, probes);
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

        private LiveProbes probes(YamlNode node) throws WorkspaceConfigException {
            YamlNode.Mapping map = mapping(node, "probes");
            List<LiveProbes.Venv> venvs = new ArrayList<>();
            for (YamlNode item : list(map.get("venvs"), "venvs")) {
                YamlNode.Mapping venv = mapping(item, "a venv probe");
                YamlNode path = venv.get("path").orElseThrow(() -> error(item, "a venv probe needs 'path'"));
                List<String> imports = new ArrayList<>();
                for (YamlNode module : list(venv.get("imports"), "imports")) {
                    imports.add(text(module, "imports"));
                }
                venvs.add(new LiveProbes.Venv(text(path, "path"), imports));
            }
            List<LiveProbes.Http> http = new ArrayList<>();
            for (YamlNode item : list(map.get("http"), "http")) {
                YamlNode.Mapping check = mapping(item, "an http probe");
                YamlNode url = check.get("url").orElseThrow(() -> error(item, "an http probe needs 'url'"));
                int status = 200;
                if (check.get("expectStatus").isPresent()) {
                    YamlNode statusNode = check.get("expectStatus").get();
                    try {
                        status = Integer.parseInt(text(statusNode, "expectStatus"));
                    } catch (NumberFormatException e) {
                        throw error(statusNode, "expectStatus must be a number");
                    }
                }
                http.add(new LiveProbes.Http(text(url, "url"), status));
            }
            List<LiveProbes.Drift> drift = new ArrayList<>();
            for (YamlNode item : list(map.get("drift"), "drift")) {
                YamlNode.Mapping pair = mapping(item, "a drift probe");
                YamlNode running = pair.get("running").orElseThrow(() -> error(item, "a drift probe needs 'running'"));
                YamlNode installed =
                        pair.get("installed").orElseThrow(() -> error(item, "a drift probe needs 'installed'"));
                drift.add(new LiveProbes.Drift(text(running, "running"), text(installed, "installed")));
            }
            Optional<String> prometheus = optionalText(map.get("prometheus"), "prometheus");
            Optional<String> alertmanager = optionalText(map.get("alertmanager"), "alertmanager");
            return new LiveProbes(venvs, http, drift, prometheus, alertmanager);
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
