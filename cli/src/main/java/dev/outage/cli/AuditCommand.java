package dev.outage.cli;

import dev.outage.audit.AuditException;
import dev.outage.audit.AuditOptions;
import dev.outage.audit.AuditResult;
import dev.outage.audit.WorkspaceAudit;
import dev.outage.audit.report.ReportFormat;
import dev.outage.nix.finding.Severity;
import dev.outage.nix.module.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage audit}: finds every silent-failure trap in a configuration tree. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Audits Nix (nix-darwin, NixOS, home-manager), Prometheus and Alertmanager configuration"
                    + " for faults that make services fail silently.",
            "Exit 0: no finding at or above --fail-on; 1: findings reached it; 2: bad usage or unreadable input."
        })
final class AuditCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Directories or files to audit (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "outage.yml to use (default: PATH/outage.yml).")
    Path config;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json, sarif or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path output;

    @Option(
            names = "--platform",
            paramLabel = "PLATFORM",
            defaultValue = "auto",
            description = "auto, darwin, nixos or home-manager (default: ${DEFAULT-VALUE}: from the module graph).")
    String platform;

    @Option(
            names = "--activate-script",
            paramLabel = "FILE",
            description = "A built nix-darwin activate script (e.g. result/activate) to check snippets against.")
    Path activateScript;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "error",
            description = "error, warning or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--live", description = "Also run the live probes declared in outage.yml.")
    boolean live;

    @Override
    public Integer call() {
        ReportFormat reportFormat = parse(() -> ReportFormat.parse(format));
        Platform chosen = parse(() -> Platform.parse(platform));
        Optional<Severity> threshold =
                failOn.equalsIgnoreCase("never") ? Optional.empty() : Optional.of(parse(() -> Severity.parse(failOn)));
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        AuditOptions options =
                new AuditOptions(roots, Optional.ofNullable(config), chosen, Optional.ofNullable(activateScript), live);
        AuditResult result;
        try {
            result = new WorkspaceAudit().audit(options);
        } catch (AuditException e) {
            throw CliException.usage(e.getMessage());
        }
        write(result, reportFormat);
        boolean failed = threshold.isPresent()
                && !result.report().atLeast(threshold.get()).isEmpty();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private void write(AuditResult result, ReportFormat reportFormat) {
        try {
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                reportFormat.writer().write(result.report(), out);
                out.flush();
            } else {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer out = Files.newBufferedWriter(output)) {
                    reportFormat.writer().write(result.report(), out);
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println(result.report().summaryLine() + "; report written to " + output);
                result.notes().forEach(err::println);
                err.flush();
            }
        } catch (IOException e) {
            throw CliException.usage("cannot write the report to " + (output == null ? "standard output" : output)
                    + ": " + e.getMessage());
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
