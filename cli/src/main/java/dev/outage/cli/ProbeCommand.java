package dev.outage.cli;

import dev.outage.alerting.model.LabelSet;
import dev.outage.cli.probe.ResultPrinter;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.drift.VersionDriftProbe;
import dev.outage.probe.http.HttpHealthProbe;
import dev.outage.probe.http.JsonAssertion;
import dev.outage.probe.prometheus.AlertPathProbe;
import dev.outage.probe.python.VenvCheckProbe;
import dev.outage.probe.python.VenvImportProbe;
import dev.outage.probe.python.VenvInspector;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage probe}: runs one live probe and prints what it found. */
@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs one live check of a service: a venv's imports or integrity, an HTTP health endpoint, version"
                    + " drift, or the alert path from Prometheus to a notifier.",
            "Exit 0: healthy; 1: not healthy, with the cause on standard error; 2: bad usage or unreadable input."
        },
        subcommands = {
            ProbeCommand.Venv.class,
            ProbeCommand.VenvCheck.class,
            ProbeCommand.Http.class,
            ProbeCommand.Drift.class,
            ProbeCommand.AlertPath.class
        })
final class ProbeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw CliException.usage("missing subcommand: venv, venv-check, http, drift or alert-path (see --help)");
    }

    /** Builds the probe, runs it, prints it and returns the exit code. */
    static int run(CommandLine.Model.CommandSpec spec, Supplier<Probe> builder) {
        Probe probe;
        try {
            probe = builder.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.usage(e.getMessage());
        }
        ProbeResult result = probe.probe();
        PrintWriter out = spec.commandLine().getOut();
        ResultPrinter.print(out, result);
        out.flush();
        if (result.passed()) {
            return ExitCodes.OK;
        }
        throw new CliException(ExitCodes.FAILED, result.cause());
    }

    static URI url(String option, String text) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw CliException.usage(option + ": not an absolute URL: '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.usage(option + ": not a URL: " + e.getMessage());
        }
    }

    static Path venv(Path dir) {
        if (!Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
            throw CliException.usage("not a venv (no pyvenv.cfg): " + dir);
        }
        return dir;
    }

    static VenvImportProbe.Mode mode(String mode) {
        try {
            return VenvImportProbe.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--mode: expected isolated, service or both, got '" + mode + "'");
        }
    }

    @Command(
            name = "venv",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Imports each module with the venv's own interpreter, in one process, and reports for each"
                        + " whether it imported and from which file.",
                "--mode both also imports as the service runs (this environment, user site included) and"
                        + " reports differences as user-site leakage."
            })
    static final class Venv implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The venv directory (holding pyvenv.cfg).")
        Path dir;

        @Option(
                names = "--import",
                paramLabel = "MOD",
                split = ",",
                required = true,
                description = "Dotted module names to import; comma-separated or repeated.")
        List<String> modules;

        @Option(
                names = "--mode",
                paramLabel = "MODE",
                defaultValue = "isolated",
                description = "isolated (python -I), service (this environment) or both (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "60s",
                description = "Deadline for all imports (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            Path venv = venv(dir);
            VenvImportProbe.Mode m = mode(mode);
            return run(
                    spec,
                    () -> VenvImportProbe.builder(venv, modules)
                            .mode(m)
                            .timeout(ResultPrinter.parseDuration(timeout))
                            .build());
        }
    }

    @Command(
            name = "venv-check",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Reads the venv without starting Python: broken requirements (as pip check reports them), files"
                        + " that differ from their RECORD, duplicate installs and user-site shadowing."
            })
    static final class VenvCheck implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The venv directory (holding pyvenv.cfg).")
        Path dir;

        @Option(
                names = "--full-hash",
                description = "Hash every file listed in a RECORD (default: only files modified after their"
                        + " RECORD was written; sizes and presence are always checked).")
        boolean fullHash;

        @Override
        public Integer call() {
            Path venv = venv(dir);
            VenvInspector.RecordCheck check =
                    fullHash ? VenvInspector.RecordCheck.FULL : VenvInspector.RecordCheck.CHANGED;
            return run(
                    spec, () -> new VenvCheckProbe(VenvInspector.forVenv(venv).withRecordCheck(check)));
        }
    }

    @Command(
            name = "http",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "GETs a health endpoint and checks its status code and JSON values.")
    static final class Http implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "URL",
                description = "The health endpoint, such as http://127.0.0.1:8080/health.")
        String url;

        @Option(
                names = "--expect-status",
                paramLabel = "N",
                description = "Exact status code required (default: any 2xx).")
        Integer status;

        @Option(
                names = "--expect-json",
                paramLabel = "POINTER=VALUE",
                description = "A JSON pointer and the value it must have, such as /status=true; repeatable.")
        List<String> json = new ArrayList<>();

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "10s",
                description = "Deadline (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            URI uri = url("URL", url);
            return run(spec, () -> {
                HttpHealthProbe.Builder b = HttpHealthProbe.builder(uri).timeout(ResultPrinter.parseDuration(timeout));
                if (status != null) {
                    b.expectStatus(status);
                }
                json.forEach(j -> b.expectJson(JsonAssertion.parse(j)));
                return b.build();
            });
        }
    }

    @Command(
            name = "drift",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Compares the version a service reports while running with the installed one.",
                "--installed is a path (symlinks are resolved and the version is read from the path, as in a"
                        + " Homebrew Cellar) or a command line split at spaces, run without a shell."
            })
    static final class Drift implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--running",
                paramLabel = "URL#POINTER",
                required = true,
                description = "Version endpoint and JSON pointer, such as http://127.0.0.1:11434/api/version#/version.")
        String running;

        @Option(
                names = "--installed",
                paramLabel = "PATH|CMD",
                required = true,
                description = "Where the installed version is read.")
        String installed;

        @Option(
                names = "--installed-regex",
                paramLabel = "RE",
                description = "Regex whose group 1 is the installed version.")
        String regex;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "10s",
                description = "Deadline (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            return run(
                    spec,
                    () -> VersionDriftProbe.parse(running, installed, regex)
                            .timeout(ResultPrinter.parseDuration(timeout))
                            .build());
        }
    }

    @Command(
            name = "alert-path",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Checks that alerts reach a human: Prometheus has an active Alertmanager while alerts fire, and"
                        + " each Alertmanager has a notifier on its root route and no failing notifications.",
                "Without --alertmanager, the Alertmanagers Prometheus reports as active are checked."
            })
    static final class AlertPath implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--prometheus", paramLabel = "URL", required = true, description = "Prometheus base URL.")
        String prometheus;

        @Option(names = "--alertmanager", paramLabel = "URL", description = "Alertmanager base URL; repeatable.")
        List<String> alertmanagers = new ArrayList<>();

        @Option(
                names = "--smoke",
                description = "Also send a test alert (alertname=OutageSmokeTest) and wait for its notification.")
        boolean smoke;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                defaultValue = "30s",
                description = "Deadline (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        public Integer call() {
            URI p = url("--prometheus", prometheus);
            List<URI> ams =
                    alertmanagers.stream().map(a -> url("--alertmanager", a)).toList();
            return run(spec, () -> {
                AlertPathProbe.Builder b =
                        AlertPathProbe.builder().prometheus(p).timeout(ResultPrinter.parseDuration(timeout));
                ams.forEach(b::alertmanager);
                if (smoke) {
                    b.smokeTest(LabelSet.of("severity", "none"));
                }
                return b.build();
            });
        }
    }
}
