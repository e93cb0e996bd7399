package dev.outage.cli;

import picocli.CommandLine;

/** Prints a bad argument as one line plus a pointer to {@code --help}, and exits with 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        commandLine.getErr().println(commandLine.getCommandName() + ": " + exception.getMessage());
        commandLine
                .getErr()
                .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }
}
