package dev.outage.probe.python;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link VenvInspector} read from a venv and the problems it found.
 *
 * @param venv the venv directory
 * @param config its {@code pyvenv.cfg}
 * @param sitePackages the venv's own site-packages directory
 * @param distributions the distributions Python would see, in path order, the first of each project
 * @param problems every problem found, {@code pip check}'s first, in a stable order
 */
public record VenvInspection(
        Path venv,
        PyvenvConfig config,
        Path sitePackages,
        List<InstalledDistribution> distributions,
        List<VenvProblem> problems) {

    /** Checks presence and copies the lists. */
    public VenvInspection {
        Objects.requireNonNull(venv, "venv");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sitePackages, "sitePackages");
        distributions = List.copyOf(distributions);
        problems = List.copyOf(problems);
    }

    /** Returns the problems {@code pip check} reports as well: missing and conflicting requirements. */
    public List<VenvProblem> pipCheckProblems() {
        return problems.stream().filter(VenvProblem::reportedByPipCheck).toList();
    }

    /** Returns whether no problem was found. */
    public boolean healthy() {
        return problems.isEmpty();
    }
}
