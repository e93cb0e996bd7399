package dev.outage.audit;

import dev.outage.audit.alertmanager.AlertmanagerConfigCheck;
import dev.outage.audit.alertmanager.AlertmanagerYamlCheck;
import dev.outage.audit.internal.FileKind;
import dev.outage.audit.internal.FlakeLocks;
import dev.outage.audit.internal.WorkspaceWalker;
import dev.outage.audit.internal.YamlNode;
import dev.outage.audit.internal.YamlReader;
import dev.outage.audit.internal.YamlSyntaxException;
import dev.outage.audit.probes.LiveProbeRunner;
import dev.outage.audit.prometheus.PrometheusConfigCheck;
import dev.outage.audit.report.Report;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rule;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.finding.SuppressionComments;
import dev.outage.nix.module.DarwinRevision;
import dev.outage.nix.module.Platform;
import dev.outage.nix.rules.ActivateScript;
import dev.outage.nix.rules.NixAudit;
import dev.outage.nix.rules.NixAuditOptions;
import dev.outage.nix.rules.NixAuditResult;
import dev.outage.nix.rules.NixSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Audits a workspace: walks the roots, runs every rule over the Nix files, {@code flake.lock},
 * Prometheus and Alertmanager configurations and shell scripts it finds, applies suppressions,
 * and returns one {@link Report}.
 *
 * <pre>{@code
 * AuditResult result = new WorkspaceAudit().audit(AuditOptions.of(Path.of("examples/postmortem")));
 * ReportFormat.TEXT.writer().write(result.report(), new PrintWriter(System.out));
 * }</pre>
 *
 * <p>A file that cannot be parsed becomes a finding with its position; the audit never stops at
 * one. Blocks while reading files; the instance is stateless and thread-safe.
 */
public final class WorkspaceAudit {

    private final PrometheusConfigCheck prometheus = new PrometheusConfigCheck();
    private final AlertmanagerYamlCheck alertmanager = new AlertmanagerYamlCheck();
    private final AlertmanagerConfigCheck alertmanagerConfig = new AlertmanagerConfigCheck();

    /**
     * Runs the audit.
     *
     * @throws AuditException if a root, the activate script or {@code outage.yml} cannot be read,
     *     or {@code outage.yml} is invalid
     */
    public AuditResult audit(AuditOptions options) throws AuditException {
        WorkspaceConfig config = config(options);
        Platform platform = options.platform() != Platform.UNKNOWN ? options.platform() : config.platform();
        Optional<ActivateScript> activateScript = activateScript(options);
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int filesScanned = 0;
        for (Path root : options.roots()) {
            List<WorkspaceWalker.Found> files = walk(root);
            filesScanned += files.size();
            NixAuditOptions nixOptions = new NixAuditOptions(platform, darwinRevision(files), activateScript);
            auditRoot(files, nixOptions, findings, notes);
        }
        if (options.live()) {
            List<Finding> live = new LiveProbeRunner().run(config.probes(), configDisplay(config, options));
            findings.addAll(live);
            notes.add("live probes: " + config.probes().size() + " declared in " + configDisplay(config, options) + ", "
                    + live.size() + (live.size() == 1 ? " finding" : " findings"));
        }
        List<Finding> kept = findings.stream()
                .filter(f -> config.suppressions().stream().noneMatch(s -> s.suppresses(f)))
                .toList();
        return new AuditResult(new Report(version(), kept, filesScanned, notes), config);
    }

    private void auditRoot(
            List<WorkspaceWalker.Found> files, NixAuditOptions nixOptions, List<Finding> findings, List<String> notes) {
        List<NixSource> nix = new ArrayList<>();
        List<NixSource> shell = new ArrayList<>();
        List<Finding> rootFindings = new ArrayList<>();
        for (WorkspaceWalker.Found file : files) {
            switch (file.kind()) {
                case NIX -> nix.add(new NixSource(file.relativePath(), file.text()));
                case SHELL -> shell.add(new NixSource(file.relativePath(), file.text()));
                case PROMETHEUS ->
                    yaml(file, Rules.FILE_UNPARSABLE, rootFindings)
                            .ifPresent(root ->
                                    rootFindings.addAll(prometheus.check(file.path(), file.relativePath(), root)));
                case ALERTMANAGER -> {
                    rootFindings.addAll(alertmanagerConfig.check(file.path(), file.relativePath()));
                    yaml(file, Rules.ALERTMANAGER_CONFIG_INVALID, new ArrayList<>())
                            .ifPresent(root -> rootFindings.addAll(alertmanager.check(file.relativePath(), root)));
                }
                case FLAKE_LOCK -> {}
            }
        }
        NixAuditResult nixResult = new NixAudit(nixOptions).audit(nix, shell);
        rootFindings.addAll(nixResult.findings());
        notes.addAll(nixResult.notes());
        Map<String, String> texts = files.stream()
                .collect(Collectors.toMap(
                        WorkspaceWalker.Found::relativePath, WorkspaceWalker.Found::text, (a, b) -> a));
        Map<String, List<Finding>> byFile = rootFindings.stream()
                .collect(Collectors.groupingBy(f -> f.location().file()));
        for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
            String text = texts.getOrDefault(entry.getKey(), "");
            findings.addAll(SuppressionComments.apply(entry.getKey(), text, entry.getValue()));
        }
    }

    private static Optional<YamlNode> yaml(WorkspaceWalker.Found file, Rule rule, List<Finding> findings) {
        try {
            return Optional.of(YamlReader.read(file.text()));
        } catch (YamlSyntaxException e) {
            findings.add(rule.at(
                    new Location(file.relativePath(), e.line(), e.column()),
                    "not valid YAML: " + e.getMessage(),
                    "Fix the syntax; nothing in this file was checked."));
            return Optional.empty();
        }
    }

    private static String configDisplay(WorkspaceConfig config, AuditOptions options) {
        if (config.file().isEmpty()) {
            return WorkspaceConfig.FILE_NAME;
        }
        Path file = Path.of(config.file()).toAbsolutePath().normalize();
        Path root = options.roots().get(0).toAbsolutePath().normalize();
        return file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : config.file();
    }

    private static DarwinRevision darwinRevision(List<WorkspaceWalker.Found> files) {
        return files.stream()
                .filter(f -> f.kind() == FileKind.FLAKE_LOCK)
                .sorted((a, b) -> Integer.compare(depth(a.relativePath()), depth(b.relativePath())))
                .map(f -> FlakeLocks.darwinRevision(f.text()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(DarwinRevision.unknown());
    }

    private static int depth(String relativePath) {
        return (int) relativePath.chars().filter(c -> c == '/').count();
    }

    private static List<WorkspaceWalker.Found> walk(Path root) throws AuditException {
        if (!Files.exists(root)) {
            throw new AuditException("cannot audit " + root + ": no such file or directory", null);
        }
        try {
            return WorkspaceWalker.walk(root);
        } catch (IOException e) {
            throw new AuditException("cannot walk " + root + ": " + e.getMessage(), e);
        }
    }

    private static WorkspaceConfig config(AuditOptions options) throws AuditException {
        Optional<Path> file = options.config()
                .or(() -> Optional.of(options.roots().get(0))
                        .filter(Files::isDirectory)
                        .map(root -> root.resolve(WorkspaceConfig.FILE_NAME))
                        .filter(Files::isRegularFile));
        if (file.isEmpty()) {
            return WorkspaceConfig.defaults();
        }
        try {
            return WorkspaceConfig.read(file.get());
        } catch (WorkspaceConfigException e) {
            throw new AuditException(e.getMessage(), e);
        }
    }

    private static Optional<ActivateScript> activateScript(AuditOptions options) throws AuditException {
        if (options.activateScript().isEmpty()) {
            return Optional.empty();
        }
        Path path = options.activateScript().get();
        try {
            return Optional.of(new ActivateScript(path.toString(), Files.readString(path)));
        } catch (IOException | RuntimeException e) {
            throw new AuditException("cannot read activate script " + path + ": " + e.getMessage(), e);
        }
    }

    /** Returns the version of outage that runs, such as {@code 0.1.0}. */
    public static String version() {
        try (InputStream in = WorkspaceAudit.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
