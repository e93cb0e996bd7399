package dev.outage.maven;

import dev.outage.audit.AuditException;
import dev.outage.audit.AuditOptions;
import dev.outage.audit.AuditResult;
import dev.outage.audit.WorkspaceAudit;
import dev.outage.audit.report.Report;
import dev.outage.audit.report.ReportFormat;
import dev.outage.maven.internal.ReportFiles;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Severity;
import dev.outage.nix.module.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Audits the project's configuration tree with every outage rule, the checks of
 * {@code outage audit}, and fails the build with one exception listing every finding at or
 * above {@link #failOn}. Reports in every requested format are written to
 * {@link #outputDirectory} first, so CI can upload them even when the build fails.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.outage</groupId>
 *   <artifactId>outage-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>audit</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class AuditMojo extends AbstractMojo {

    /**
     * Skips the audit. User property {@code outage.skip}; default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Directories or files to audit; paths in reports are relative to each. User property
     * {@code outage.roots} (comma-separated); default the project's base directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.roots")
    private List<File> roots;

    /**
     * The workspace configuration ({@code outage.yml}). User property {@code outage.config};
     * default {@code outage.yml} in the first root, when present.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.config")
    private File config;

    /**
     * The platform of every Nix module: {@code auto}, {@code darwin}, {@code nixos} or
     * {@code home-manager}. User property {@code outage.platform}; default {@code auto} (from
     * the module graph and {@code outage.yml}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.platform", defaultValue = "auto")
    private String platform;

    /**
     * A built nix-darwin {@code activate} script to check declared activation snippets against.
     * User property {@code outage.activateScript}; no default (the check is off).
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.activateScript")
    private File activateScript;

    /**
     * The lowest severity that fails the build: {@code error}, {@code warning} or {@code never}.
     * User property {@code outage.failOn}; default {@code error}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.failOn", defaultValue = "error")
    private String failOn;

    /**
     * Report formats to write: any of {@code text}, {@code json}, {@code sarif}, {@code html}.
     * User property {@code outage.formats} (comma-separated); default {@code text,sarif}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.formats", defaultValue = "text,sarif")
    private List<String> formats;

    /**
     * Where reports are written, as {@code outage.txt}, {@code outage.json}, {@code outage.sarif}
     * and {@code outage.html}. User property {@code outage.outputDirectory}; default
     * {@code ${project.build.directory}/outage}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.outputDirectory", defaultValue = "${project.build.directory}/outage")
    private File outputDirectory;

    /**
     * Also runs the live probes declared in {@code outage.yml}. User property {@code outage.live};
     * default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.live", defaultValue = "false")
    private boolean live;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("outage audit skipped (outage.skip)");
            return;
        }
        AuditOptions options = options();
        List<ReportFormat> reportFormats = formats();
        Optional<Severity> threshold = threshold();
        AuditResult result;
        try {
            result = new WorkspaceAudit().audit(options);
        } catch (AuditException e) {
            throw new MojoExecutionException("outage audit cannot run: " + e.getMessage(), e);
        }
        Report report = result.report();
        try {
            for (ReportFormat format : reportFormats) {
                ReportFiles.write(report, format, outputDirectory.toPath());
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "cannot write outage reports to " + outputDirectory + ": " + e.getMessage(), e);
        }
        log(result);
        List<Finding> failing = threshold.map(report::atLeast).orElse(List.of());
        if (!failing.isEmpty()) {
            throw new MojoFailureException(failureMessage(report, failing));
        }
    }

    private AuditOptions options() throws MojoExecutionException {
        List<Path> paths = new ArrayList<>();
        if (roots == null || roots.isEmpty()) {
            paths.add(basedir.toPath());
        } else {
            roots.forEach(root -> paths.add(resolve(root)));
        }
        try {
            return new AuditOptions(
                    paths,
                    Optional.ofNullable(config).map(this::resolve),
                    Platform.parse(platform),
                    Optional.ofNullable(activateScript).map(this::resolve),
                    live);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("bad outage.platform: " + e.getMessage(), e);
        }
    }

    private Path resolve(File file) {
        return file.isAbsolute() ? file.toPath() : basedir.toPath().resolve(file.toPath());
    }

    private List<ReportFormat> formats() throws MojoExecutionException {
        List<ReportFormat> parsed = new ArrayList<>();
        try {
            for (String format : formats == null ? List.of("text") : formats) {
                for (String name : format.split(",")) {
                    if (!name.isBlank() && !parsed.contains(ReportFormat.parse(name))) {
                        parsed.add(ReportFormat.parse(name));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("bad outage.formats: " + e.getMessage(), e);
        }
        return parsed;
    }

    private Optional<Severity> threshold() throws MojoExecutionException {
        if (failOn.equalsIgnoreCase("never")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Severity.parse(failOn));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("bad outage.failOn: " + e.getMessage() + " (or never)", e);
        }
    }

    private void log(AuditResult result) {
        for (Finding finding : result.report().findings()) {
            if (finding.severity() == Severity.ERROR) {
                getLog().error(finding.toString());
            } else if (finding.severity() == Severity.WARNING) {
                getLog().warn(finding.toString());
            } else {
                getLog().info(finding.toString());
            }
        }
        result.notes().forEach(getLog()::info);
        getLog().info("outage audit: " + result.report().summaryLine() + "; reports in " + outputDirectory);
    }

    private static String failureMessage(Report report, List<Finding> failing) {
        StringBuilder message = new StringBuilder("outage audit found ")
                .append(failing.size())
                .append(failing.size() == 1 ? " problem" : " problems")
                .append(" (")
                .append(report.summaryLine())
                .append("):");
        for (Finding finding : failing) {
            message.append("\n  ").append(finding);
        }
        return message.toString();
    }
}
