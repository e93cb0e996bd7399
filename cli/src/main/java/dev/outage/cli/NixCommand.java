package dev.outage.cli;

import dev.outage.nix.syntax.NixParser;
import dev.outage.nix.syntax.NixPrinter;
import dev.outage.nix.syntax.ParseResult;
import dev.outage.nix.syntax.SyntaxError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage nix}: Nix tools; {@code outage nix parse} reads files as Nix 2.8 reads them. */
@Command(
        name = "nix",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Nix tools.",
        subcommands = {NixCommand.Parse.class})
final class NixCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code outage nix parse FILE... [--print]}. */
    @Command(
            name = "parse",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Parses Nix files as Nix 2.8 does and reports every syntax error as file:line:column: error: ...",
                "With --print, prints one line per file: the same text as `nix-instantiate --parse`.",
                "Exit 0: every file parses; 1: a file has errors; 2: a file cannot be read."
            })
    static final class Parse implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Nix files to parse.")
        List<Path> files;

        @Option(
                names = "--print",
                description = "Print each parsed file as `nix-instantiate --parse` prints it, one line per file.")
        boolean print;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            // files are independent: parse them on all cores, then report in the given order
            List<Object> results =
                    files.parallelStream().map(Parse::parseOrFailure).toList();
            boolean failed = false;
            for (Object outcome : results) {
                if (outcome instanceof IOException e) {
                    out.flush();
                    throw CliException.usage(e.getMessage());
                }
                ParseResult result = (ParseResult) outcome;
                if (!result.ok()) {
                    failed = true;
                    for (SyntaxError error : result.errors()) {
                        err.println(error.format());
                    }
                } else if (print) {
                    out.println(NixPrinter.print(result));
                }
            }
            out.flush();
            err.flush();
            return failed ? ExitCodes.FAILED : ExitCodes.OK;
        }

        private static Object parseOrFailure(Path file) {
            try {
                return NixParser.parse(file);
            } catch (IOException e) {
                return e;
            }
        }
    }
}
