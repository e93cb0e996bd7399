package dev.outage.probe.python;

import dev.outage.probe.ProbeProblem;
import dev.outage.probe.ProbeRules;
import java.nio.file.Path;
import java.util.Objects;

/** One problem {@link VenvInspector} found in a venv. */
public sealed interface VenvProblem {

    /** Returns the stable rule id the problem is reported under. */
    String ruleId();

    /** Returns what the problem is about: a project name or a file. */
    String subject();

    /** Returns one sentence for a person. */
    String message();

    /** Returns whether {@code pip check} reports this problem too. */
    default boolean reportedByPipCheck() {
        return false;
    }

    /** Returns the problem as a probe problem. */
    default ProbeProblem toProbeProblem() {
        return new ProbeProblem(ruleId(), subject(), message());
    }

    /**
     * A requirement that applies in this venv but whose project is not installed.
     *
     * @param project the canonical name of the requiring distribution
     * @param version its version as pip prints it
     * @param requirement the requirement
     */
    record MissingRequirement(String project, String version, Requirement requirement) implements VenvProblem {
        /** Checks presence. */
        public MissingRequirement {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(requirement, "requirement");
        }

        @Override
        public String ruleId() {
            return ProbeRules.VENV_BROKEN_REQUIREMENT;
        }

        @Override
        public String subject() {
            return project;
        }

        @Override
        public String message() {
            return project + " " + version + " requires " + requirement.canonicalName() + ", which is not installed.";
        }

        @Override
        public boolean reportedByPipCheck() {
            return true;
        }
    }

    /**
     * A requirement whose project is installed in a version the requirement does not accept.
     *
     * @param project the canonical name of the requiring distribution
     * @param version its version as pip prints it
     * @param requirement the requirement
     * @param installedVersion the version installed of the required project
     */
    record ConflictingRequirement(String project, String version, Requirement requirement, String installedVersion)
            implements VenvProblem {
        /** Checks presence. */
        public ConflictingRequirement {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(requirement, "requirement");
            Objects.requireNonNull(installedVersion, "installedVersion");
        }

        @Override
        public String ruleId() {
            return ProbeRules.VENV_BROKEN_REQUIREMENT;
        }

        @Override
        public String subject() {
            return project;
        }

        @Override
        public String message() {
            return project + " " + version + " has requirement " + requirement + ", but you have "
                    + requirement.canonicalName() + " " + installedVersion + ".";
        }

        @Override
        public boolean reportedByPipCheck() {
            return true;
        }
    }

    /**
     * METADATA that cannot be read or parsed; {@code pip check} warns and fails for it too.
     *
     * @param project the distribution's name, or its dist-info directory name
     * @param reason what is wrong
     */
    record UnreadableMetadata(String project, String reason) implements VenvProblem {
        /** Checks presence. */
        public UnreadableMetadata {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String ruleId() {
            return ProbeRules.VENV_BROKEN_REQUIREMENT;
        }

        @Override
        public String subject() {
            return project;
        }

        @Override
        public String message() {
            return "metadata cannot be parsed: " + reason;
        }
    }

    /**
     * A file listed in a RECORD that is missing, or whose size or sha256 differs from the RECORD.
     *
     * @param project the distribution's canonical name
     * @param file the file
     * @param reason {@code missing}, or what differs
     */
    record FileModified(String project, Path file, String reason) implements VenvProblem {
        /** Checks presence. */
        public FileModified {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String ruleId() {
            return ProbeRules.VENV_FILE_MODIFIED;
        }

        @Override
        public String subject() {
            return file.toString();
        }

        @Override
        public String message() {
            return "file of " + project + " " + reason + " (RECORD differs: something wrote over this install)";
        }
    }

    /**
     * Two dist-info directories of one project in one directory; which one Python sees is
     * decided by directory listing order.
     *
     * @param project the canonical name
     * @param first the dist-info seen first
     * @param second the other one
     */
    record DuplicateDistribution(String project, Path first, Path second) implements VenvProblem {
        /** Checks presence. */
        public DuplicateDistribution {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public String ruleId() {
            return ProbeRules.VENV_FILE_MODIFIED;
        }

        @Override
        public String subject() {
            return project;
        }

        @Override
        public String message() {
            return "installed twice: " + first.getFileName() + " and " + second.getFileName();
        }
    }

    /**
     * A distribution or top-level module of the user site that the venv sees, or that would shadow
     * the venv's own copy.
     *
     * @param name the project or module name
     * @param userSite the user site directory holding it
     * @param active true when the venv imports it from the user site now (it is not in the venv and
     *     {@code include-system-site-packages = true}); false when the venv has its own copy, which
     *     the user copy shadows once the user site comes first on {@code sys.path}
     */
    record UserSiteShadowing(String name, Path userSite, boolean active) implements VenvProblem {
        /** Checks presence. */
        public UserSiteShadowing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(userSite, "userSite");
        }

        @Override
        public String ruleId() {
            return ProbeRules.VENV_USER_SITE_SHADOWING;
        }

        @Override
        public String subject() {
            return name;
        }

        @Override
        public String message() {
            return active
                    ? "imported from the user site " + userSite
                            + ", not from the venv (include-system-site-packages = true):"
                            + " whatever 'pip install --user' does reaches this service"
                    : "a copy in the user site " + userSite + " shadows the venv's own when the user site comes first"
                            + " (PYTHONPATH, or the service started with the base interpreter)";
        }
    }
}
