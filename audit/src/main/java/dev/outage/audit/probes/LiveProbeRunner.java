package dev.outage.audit.probes;

import dev.outage.audit.DeclaredProbe;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rule;
import dev.outage.nix.finding.Rules;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeProblem;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.spec.ProbeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the live probes declared in {@code outage.yml} and turns every failed result into a
 * finding located at the probe's declaration: a probe's problems keep their rule ids
 * ({@code venv-import-failed}, {@code service-unhealthy}, {@code version-drift}, ...); a
 * failure without problems (a timeout, an unreachable target) gets the rule of its kind.
 *
 * <p>Blocks while the probes run, one after another; each probe has its own timeout.
 * Thread-safe.
 */
public final class LiveProbeRunner {

    /**
     * Runs every probe and returns the findings.
     *
     * @param probes the declared probes
     * @param configFile the path reports show for {@code outage.yml}
     */
    public List<Finding> run(List<DeclaredProbe> probes, String configFile) {
        List<Finding> findings = new ArrayList<>();
        for (DeclaredProbe declared : probes) {
            Location at = new Location(configFile, declared.line(), declared.column());
            Rule fallback = defaultRule(declared.spec());
            for (Probe probe : declared.spec().toProbes()) {
                ProbeResult result;
                try {
                    result = probe.probe();
                } catch (RuntimeException e) {
                    // A probe must not throw; if one does, the audit still reports every other probe.
                    findings.add(fallback.at(
                            at,
                            probe.describe() + ": the probe itself failed ("
                                    + e.getClass().getSimpleName() + ")",
                            "This is a bug in outage's probe; the target was not checked."));
                    continue;
                }
                findings.addAll(findings(probe.describe(), result, fallback, at));
            }
        }
        return findings;
    }

    static List<Finding> findings(String described, ProbeResult result, Rule fallback, Location at) {
        List<Finding> findings = new ArrayList<>();
        if (result.passed()) {
            return findings;
        }
        String hint = "Probe: " + described + " (" + result.status().name().toLowerCase(java.util.Locale.ROOT) + ").";
        if (result.problems().isEmpty()) {
            findings.add(fallback.at(at, described + ": " + result.cause(), hint));
            return findings;
        }
        for (ProbeProblem problem : result.problems()) {
            Rule rule = Rules.byId(problem.ruleId()).orElse(fallback);
            findings.add(rule.at(at, problem.subject() + ": " + problem.message(), hint));
        }
        return findings;
    }

    private static Rule defaultRule(ProbeSpec spec) {
        if (spec instanceof ProbeSpec.Venv) {
            return Rules.require("venv-import-failed");
        }
        if (spec instanceof ProbeSpec.Http) {
            return Rules.require("service-unhealthy");
        }
        if (spec instanceof ProbeSpec.Drift) {
            return Rules.require("version-drift");
        }
        if (spec instanceof ProbeSpec.AlertPath) {
            return Rules.require("alerts-firing-without-alertmanager");
        }
        return Rules.require("crash-loop");
    }
}
