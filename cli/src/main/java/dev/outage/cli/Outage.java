package dev.outage.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code outage} command: finds the faults that make a service stack fail silently.
 *
 * <p>Exit codes everywhere: 0 ok, 1 a check failed or findings reached the threshold, 2 bad usage
 * or unreadable input, with a one-line reason on standard error.
 */
@Command(
        name = "outage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds the faults that make self-hosted service stacks fail silently.",
        subcommands = {
            CommandLine.HelpCommand.class,
            AuditCommand.class,
            SendCommand.class,
            CheckConfigCommand.class,
            RoutesCommand.class,
            NotifyCommand.class,
            NixCommand.class,
            ProbeCommand.class,
            GateCommand.class,
        })
public final class Outage implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log wire and process detail to standard error.",
            scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean verbose) {
        Logging.verbose(verbose);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.configureDefaults();
        CommandLine commandLine = new CommandLine(new Outage())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine.execute(args);
    }
}
