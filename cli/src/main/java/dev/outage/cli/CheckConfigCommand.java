package dev.outage.cli;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigError;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.config.TemplateFiles;
import dev.outage.alerting.model.MatcherSyntax;
import dev.outage.alerting.route.RouteTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage check-config}: validates alertmanager.yml files as {@code amtool check-config} does. */
@Command(
        name = "check-config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validates Alertmanager configuration files as Alertmanager 0.25 does, with its reasons and"
                    + " the file:line:column of each problem.",
            "Exit 0: every file is valid; 1: a file is invalid; 2: a file cannot be read."
        })
final class CheckConfigCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "alertmanager.yml files to check.")
    List<Path> files;

    @Option(
            names = "--matchers",
            paramLabel = "SYNTAX",
            defaultValue = "classic",
            description =
                    "Syntax of matchers: strings: classic (Alertmanager 0.25) or utf8 (default: ${DEFAULT-VALUE}).")
    String matchers;

    @Override
    public Integer call() {
        MatcherSyntax syntax = RoutesCommand.syntax(matchers);
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            ConfigLoadResult result;
            try {
                result = AlertmanagerConfigLoader.load(file, syntax);
            } catch (IOException e) {
                throw CliException.usage(e.getMessage());
            }
            if (result instanceof ConfigLoadResult.Rejected rejected) {
                failed++;
                printFailure(out, file, rejected.errors());
            } else if (!printSummary(out, file, result.orElseThrow())) {
                failed++;
            }
        }
        out.flush();
        if (failed > 0) {
            spec.commandLine().getErr().println("check-config: failed to validate " + failed + " file(s)");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static void printFailure(PrintWriter out, Path file, List<ConfigError> errors) {
        out.println("Checking '" + file + "'  FAILED: " + errors.get(0).message());
        for (ConfigError error : errors) {
            out.println("  " + error);
        }
        out.println();
    }

    /** Prints amtool's summary and the template verdict; returns false when a template is broken. */
    private static boolean printSummary(PrintWriter out, Path file, AlertmanagerConfig config) {
        out.println("Checking '" + file + "'  SUCCESS");
        out.println("Found:");
        out.println(" - global config");
        out.println(" - route (" + RouteTree.of(config).routes().size() + " routes in the tree)");
        out.println(" - " + config.inhibitRules().size() + " inhibit rules");
        out.println(" - " + config.receivers().size() + " receivers");
        out.println(" - " + config.templates().size() + " templates");
        boolean templatesOk = true;
        if (!config.templates().isEmpty()) {
            Optional<String> problem;
            try {
                problem = TemplateFiles.check(config);
            } catch (IOException e) {
                throw CliException.usage(e.getMessage());
            }
            out.println(problem.map(p -> "  FAILED: " + p).orElse("  SUCCESS"));
            templatesOk = problem.isEmpty();
        }
        out.println();
        return templatesOk;
    }
}
