package dev.outage.cli;

import dev.outage.cli.probe.ResultPrinter;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.drift.VersionDriftProbe;
import dev.outage.probe.gate.GateOutcome;
import dev.outage.probe.gate.RestartGate;
import dev.outage.probe.http.HttpHealthProbe;
import dev.outage.probe.http.JsonAssertion;
import dev.outage.probe.python.VenvCheckProbe;
import dev.outage.probe.python.VenvImportProbe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage gate}: runs a restart command only when every probe passes. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs every probe; only when all pass, runs COMMAND (without a shell). Otherwise leaves the running"
                    + " service alone and says why.",
            "A --venv probe imports its modules with the venv's interpreter and checks its requirements and"
                    + " RECORD files.",
            "Exit: COMMAND's status when it ran (124 when killed at --command-timeout, 127 when it cannot start);"
                    + " 1 when a probe failed; 2 on bad usage."
        })
final class GateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One --venv with its --import list. */
    static final class VenvGroup {
        @Option(names = "--venv", paramLabel = "DIR", required = true, description = "A venv directory.")
        Path dir;

        @Option(
                names = "--import",
                paramLabel = "MOD",
                split = ",",
                required = true,
                description = "Modules the venv must import; comma-separated or repeated.")
        List<String> modules;
    }

    /** One --http with its --expect-json assertions. */
    static final class HttpGroup {
        @Option(
                names = "--http",
                paramLabel = "URL",
                required = true,
                description = "A health endpoint that must answer 2xx.")
        String url;

        @Option(
                names = "--expect-json",
                paramLabel = "POINTER=VALUE",
                description = "A JSON value the endpoint must report.")
        List<String> json = new ArrayList<>();
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<VenvGroup> venvs = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<HttpGroup> https = new ArrayList<>();

    @Option(
            names = "--drift",
            paramLabel = "RUNNING_URL#POINTER=INSTALLED_PATH",
            description = "Running version and installed path that must agree; repeatable.")
    List<String> drifts = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "Deadline of each probe (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(
            names = "--command-timeout",
            paramLabel = "DURATION",
            defaultValue = "5m",
            description = "How long COMMAND may run before it is killed (default: ${DEFAULT-VALUE}).")
    String commandTimeout;

    @Parameters(
            paramLabel = "COMMAND",
            arity = "1..*",
            description = "The restart command and its arguments, after --.")
    List<String> command;

    @Override
    public Integer call() throws InterruptedException {
        RestartGate gate = build();
        GateOutcome outcome = gate.run();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        outcome.results().forEach(r -> ResultPrinter.print(out, r));
        out.flush();
        if (outcome instanceof GateOutcome.Restarted restarted) {
            out.print(restarted.output().stdout());
            out.flush();
            err.print(restarted.output().stderr());
            if (restarted.output().timedOut()) {
                err.println("gate: " + command.get(0) + " did not finish within " + commandTimeout + " and was killed");
            }
        } else if (outcome instanceof GateOutcome.Blocked blocked) {
            ProbeResult first = blocked.failures().get(0);
            int more = blocked.failures().size() - 1;
            err.println("gate: not running " + command.get(0) + ", the service was left alone: " + first.cause()
                    + (more > 0 ? " (and " + more + " more failed probe(s))" : ""));
        } else if (outcome instanceof GateOutcome.NotStarted notStarted) {
            err.println("gate: " + notStarted.reason());
        }
        err.flush();
        return outcome.exitCode();
    }

    private RestartGate build() {
        try {
            java.time.Duration probeTimeout = ResultPrinter.parseDuration(timeout);
            RestartGate.Builder b =
                    RestartGate.builder(command).commandTimeout(ResultPrinter.parseDuration(commandTimeout));
            for (VenvGroup venv : venvs) {
                Path dir = ProbeCommand.venv(venv.dir);
                b.probe(VenvImportProbe.builder(dir, venv.modules)
                        .timeout(probeTimeout)
                        .build());
                b.probe(VenvCheckProbe.of(dir));
            }
            for (HttpGroup http : https) {
                HttpHealthProbe.Builder h = HttpHealthProbe.builder(ProbeCommand.url("--http", http.url))
                        .timeout(probeTimeout);
                http.json.forEach(j -> h.expectJson(JsonAssertion.parse(j)));
                b.probe(h.build());
            }
            for (String drift : drifts) {
                int eq = drift.lastIndexOf('=');
                if (eq < 0) {
                    throw CliException.usage(
                            "--drift: expected RUNNING_URL#POINTER=INSTALLED_PATH, got '" + drift + "'");
                }
                b.probe(VersionDriftProbe.parse(drift.substring(0, eq), drift.substring(eq + 1), null)
                        .timeout(probeTimeout)
                        .build());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
