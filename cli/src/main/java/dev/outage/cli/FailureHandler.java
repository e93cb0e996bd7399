package dev.outage.cli;

import picocli.CommandLine;

/**
 * Turns an exception from a command into a one-line reason and an exit code.
 *
 * <p>A {@link CliException} carries its own code; anything else is an internal failure (exit 2),
 * reported by type and message so a user can file it. The stack trace is shown with
 * {@code --verbose} only.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String name = commandLine.getCommandName();
        if (exception instanceof CliException cli) {
            commandLine.getErr().println(name + ": " + cli.getMessage());
            return cli.exitCode();
        }
        commandLine.getErr().println(name + ": " + describe(exception));
        if ("debug".equals(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"))) {
            exception.printStackTrace(commandLine.getErr());
        }
        return ExitCodes.USAGE;
    }

    private static String describe(Throwable exception) {
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
