package dev.outage.probe.gate;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.ProbeResult;
import java.util.List;
import java.util.Objects;

/** How a {@link RestartGate} run ended. */
public sealed interface GateOutcome {

    /** Returns the result of every probe, in the order they ran. */
    List<ProbeResult> results();

    /** Returns the exit status a command line tool should end with. */
    int exitCode();

    /**
     * Every probe passed and the restart command ran.
     *
     * @param results the probe results
     * @param output the command's exit status and output
     */
    record Restarted(List<ProbeResult> results, CommandRunner.Output output) implements GateOutcome {
        /** Copies the results. */
        public Restarted {
            results = List.copyOf(results);
            Objects.requireNonNull(output, "output");
        }

        /** Returns the command's exit status, or 124 when it was killed at its timeout. */
        @Override
        public int exitCode() {
            return output.timedOut() ? 124 : output.exitCode();
        }
    }

    /**
     * A probe did not pass, so the command did not run and the service was left alone.
     *
     * @param results the probe results, at least one not passed
     */
    record Blocked(List<ProbeResult> results) implements GateOutcome {
        /** Copies the results. */
        public Blocked {
            results = List.copyOf(results);
        }

        /** Returns the results that did not pass. */
        public List<ProbeResult> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }

        /** Returns 1. */
        @Override
        public int exitCode() {
            return 1;
        }
    }

    /**
     * Every probe passed but the command could not be started (e.g. not installed).
     *
     * @param results the probe results
     * @param reason why it could not start
     */
    record NotStarted(List<ProbeResult> results, String reason) implements GateOutcome {
        /** Copies the results. */
        public NotStarted {
            results = List.copyOf(results);
            Objects.requireNonNull(reason, "reason");
        }

        /** Returns 127, as a shell does for a command it cannot run. */
        @Override
        public int exitCode() {
            return 127;
        }
    }
}
