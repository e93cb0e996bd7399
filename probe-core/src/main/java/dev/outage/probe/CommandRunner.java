package dev.outage.probe;

import dev.outage.probe.internal.SystemCommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a command given as an argument list, never through a shell; probes take one so that tests
 * can replay captured outputs of tools that do not run on the test machine.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs the command and blocks until it exits or the timeout passes; on timeout the process
     * and its descendants are killed and the output so far is returned with {@code timedOut} set.
     *
     * @param command the program and its arguments; the program is looked up on the PATH
     * @throws IOException when the program cannot be started (e.g. not installed)
     * @throws InterruptedException when the waiting thread is interrupted; the process is killed
     */
    Output run(Invocation command) throws IOException, InterruptedException;

    /** Returns the runner that starts real processes with {@link ProcessBuilder}. */
    static CommandRunner system() {
        return SystemCommandRunner.INSTANCE;
    }

    /**
     * One command to run.
     *
     * @param command the program and its arguments, at least one element
     * @param environment replaces the inherited environment when not null
     * @param directory the working directory, or null for the current one
     * @param stdin text written to the process's standard input, or null for none
     * @param timeout how long to wait for exit; positive
     */
    record Invocation(
            List<String> command, Map<String, String> environment, Path directory, String stdin, Duration timeout) {

        /** Checks that the command is not empty and the timeout positive; copies collections. */
        public Invocation {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("command is empty");
            }
            environment = environment == null ? null : Map.copyOf(environment);
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
        }

        /** Returns an invocation of the command with the inherited environment. */
        public static Invocation of(List<String> command, Duration timeout) {
            return new Invocation(command, null, null, null, timeout);
        }
    }

    /**
     * What a command printed and how it ended.
     *
     * @param exitCode the exit status, or -1 when it timed out
     * @param stdout standard output decoded as UTF-8
     * @param stderr standard error decoded as UTF-8
     * @param timedOut whether the process was killed at the timeout
     */
    record Output(int exitCode, String stdout, String stderr, boolean timedOut) {

        /** Checks that both texts are present. */
        public Output {
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
        }
    }
}
