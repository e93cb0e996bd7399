package dev.outage.probe.gate;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a restart command only when every probe passes; otherwise leaves the running service alone
 * and says why. The "import probe before kickstart" of a service update, made reusable.
 *
 * <pre>{@code
 * GateOutcome outcome = RestartGate.builder(List.of("launchctl", "kickstart", "-k", "gui/501/org.openwebui"))
 *         .probe(VenvImportProbe.builder(venv, List.of("open_webui.main", "greenlet")).build())
 *         .probe(VenvCheckProbe.of(venv))
 *         .build()
 *         .run();
 * System.exit(outcome.exitCode());
 * }</pre>
 *
 * <p>Every probe runs, in order, even after one fails, so the report names every reason. The
 * command is started with {@link ProcessBuilder} (no shell); its output is captured.
 */
public final class RestartGate {

    private final List<Probe> probes;
    private final List<String> command;
    private final Duration commandTimeout;
    private final CommandRunner runner;

    private RestartGate(Builder b) {
        this.probes = List.copyOf(b.probes);
        this.command = List.copyOf(b.command);
        this.commandTimeout = b.commandTimeout;
        this.runner = b.runner;
    }

    /**
     * Returns a builder for a gate in front of the command.
     *
     * @throws IllegalArgumentException when the command is empty
     */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /** Returns the command the gate guards. */
    public List<String> command() {
        return command;
    }

    /**
     * Runs every probe and, when all pass, the command; blocks until done.
     *
     * @throws InterruptedException when interrupted while the command runs (it is killed)
     */
    public GateOutcome run() throws InterruptedException {
        List<ProbeResult> results = new ArrayList<>();
        for (Probe probe : probes) {
            results.add(probe.probe());
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while probing " + probe.describe());
            }
        }
        if (!results.stream().allMatch(ProbeResult::passed)) {
            return new GateOutcome.Blocked(results);
        }
        try {
            return new GateOutcome.Restarted(results, runner.run(CommandRunner.Invocation.of(command, commandTimeout)));
        } catch (IOException e) {
            return new GateOutcome.NotStarted(results, "cannot start " + command.get(0) + ": " + e.getMessage());
        }
    }

    /** Configures a {@link RestartGate}; not thread-safe. */
    public static final class Builder {
        private final List<String> command;
        private final List<Probe> probes = new ArrayList<>();
        private Duration commandTimeout = Duration.ofMinutes(5);
        private CommandRunner runner = CommandRunner.system();

        private Builder(List<String> command) {
            this.command = List.copyOf(command);
            if (this.command.isEmpty()) {
                throw new IllegalArgumentException("restart command is empty");
            }
        }

        /** Adds a probe that must pass. */
        public Builder probe(Probe probe) {
            probes.add(Objects.requireNonNull(probe, "probe"));
            return this;
        }

        /** Sets how long the command may run before it is killed; default 5 minutes. */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            this.commandTimeout = timeout;
            return this;
        }

        /** Sets the command runner; default {@link CommandRunner#system()}. */
        public Builder runner(CommandRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** Returns the gate. */
        public RestartGate build() {
            return new RestartGate(this);
        }
    }
}
