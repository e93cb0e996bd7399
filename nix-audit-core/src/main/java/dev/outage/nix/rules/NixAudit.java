package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.finding.SuppressionComments;
import dev.outage.nix.module.DarwinActivationPhases;
import dev.outage.nix.module.ModuleGraph;
import dev.outage.nix.module.NixModule;
import dev.outage.nix.module.Platform;
import dev.outage.nix.module.PlatformAssignment;
import dev.outage.nix.syntax.NixParser;
import dev.outage.nix.syntax.ParseResult;
import dev.outage.nix.syntax.SyntaxError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every Nix rule over the Nix files of one tree: parses them, builds the
 * {@link ModuleGraph} to learn each module's platform, and applies
 * {@code darwin-activation-script-never-runs}, {@code darwin-activation-deps-unsupported},
 * {@code activation-snippet-not-embedded} (with an activate script), {@code pip-user-install}
 * and the Prometheus rules over {@code services.prometheus}. A file with a syntax error is one
 * {@code file-unparsable} finding at the error and is otherwise skipped.
 *
 * <pre>{@code
 * NixAuditResult result = new NixAudit(NixAuditOptions.defaults())
 *         .audit(List.of(new NixSource("flake.nix", flakeText), new NixSource("darwin.nix", text)), List.of());
 * }</pre>
 *
 * <p>Suppression comments ({@code # outage: ignore <rule-id>} on the line or the line above)
 * are applied. Pure computation; the instance is immutable and thread-safe.
 */
public final class NixAudit {

    private final NixAuditOptions options;
    private final DarwinActivationScriptRule neverRuns = new DarwinActivationScriptRule();
    private final DarwinActivationDepsRule deps = new DarwinActivationDepsRule();
    private final ActivationSnippetRule snippets = new ActivationSnippetRule();
    private final PipUserInstallScan pipInNix = new PipUserInstallScan();
    private final PipUserInstallRule pip = new PipUserInstallRule();
    private final PrometheusNixRule prometheus = new PrometheusNixRule();

    /** Creates an audit with {@code options}. */
    public NixAudit(NixAuditOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Audits one tree.
     *
     * @param nixFiles the Nix files, with paths relative to the tree's root
     * @param shellFiles shell scripts and property lists, checked for {@code pip install --user}
     */
    public NixAuditResult audit(List<NixSource> nixFiles, List<NixSource> shellFiles) {
        List<Finding> findings = new ArrayList<>();
        Map<String, ParseResult> parsed = parse(nixFiles, findings);
        ModuleGraph graph = ModuleGraph.build(parsed);
        DarwinActivationPhases phases = DarwinActivationPhases.of(options.darwinRevision());
        Map<NixModule, PlatformAssignment> platforms = new IdentityHashMap<>();
        for (NixModule module : graph.modules()) {
            PlatformAssignment platform = platform(graph, module);
            platforms.put(module, platform);
            findings.addAll(neverRuns.check(module, platform, phases));
            findings.addAll(deps.check(module, platform));
        }
        findings.addAll(prometheus.check(graph.modules()));
        parsed.forEach((path, parse) -> findings.addAll(pipInNix.check(path, parse)));
        for (NixSource shell : shellFiles) {
            findings.addAll(
                    pip.check(shell.path(), shell.text(), 0, shell.text().length(), shell.path()));
        }
        List<String> notes = new ArrayList<>();
        if (options.activateScript().isPresent()) {
            ActivateScript script = options.activateScript().get();
            ActivationSnippetRule.Outcome outcome = snippets.check(platforms, script);
            findings.addAll(outcome.findings());
            notes.add(outcome.summary(script.path()));
        }
        return new NixAuditResult(suppress(findings, nixFiles, shellFiles), notes);
    }

    private PlatformAssignment platform(ModuleGraph graph, NixModule module) {
        if (options.platform() != Platform.UNKNOWN) {
            return new PlatformAssignment(
                    options.platform(), "platform set to " + options.platform().id() + " by --platform or outage.yml");
        }
        return graph.platformOf(module);
    }

    private static Map<String, ParseResult> parse(List<NixSource> files, List<Finding> findings) {
        Map<String, ParseResult> parsed = new LinkedHashMap<>();
        List<ParseResult> results = files.parallelStream()
                .map(f -> NixParser.parse(f.text(), Path.of(f.path())))
                .toList();
        for (int i = 0; i < files.size(); i++) {
            ParseResult result = results.get(i);
            String path = files.get(i).path();
            if (result.ok()) {
                parsed.put(path, result);
            } else {
                SyntaxError error = result.errors().get(0);
                findings.add(Rules.FILE_UNPARSABLE.at(
                        new Location(path, error.line(), error.column()),
                        "Nix rejects this file: " + error.message(),
                        "Fix the syntax (nix-instantiate --parse " + path + " shows the same error);"
                                + " nothing in this file was checked."));
            }
        }
        return parsed;
    }

    private static List<Finding> suppress(List<Finding> findings, List<NixSource> nix, List<NixSource> shell) {
        Map<String, String> texts = new LinkedHashMap<>();
        nix.forEach(s -> texts.put(s.path(), s.text()));
        shell.forEach(s -> texts.put(s.path(), s.text()));
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        findings.forEach(f -> byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>())
                .add(f));
        List<Finding> kept = new ArrayList<>();
        byFile.forEach(
                (file, list) -> kept.addAll(SuppressionComments.apply(file, texts.getOrDefault(file, ""), list)));
        return kept;
    }
}
