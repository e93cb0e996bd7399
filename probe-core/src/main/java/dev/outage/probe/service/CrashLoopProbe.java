package dev.outage.probe.service;

import dev.outage.probe.CommandRunner;
import dev.outage.probe.Probe;
import dev.outage.probe.ProbeResult;
import dev.outage.probe.ProbeRules;
import dev.outage.probe.ProbeStatus;
import dev.outage.probe.internal.ResultBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds a service that keeps crashing and being restarted, from systemd ({@code systemctl show})
 * or launchd ({@code launchctl print}).
 *
 * <p>Service managers count restarts since the service was loaded, not within a window, so the
 * probe remembers what it saw: from its second run on, it fails when the count grew by more than
 * {@code maxRestarts} within the window. On its first run it fails only when the service is down
 * right now after an abnormal exit (systemd {@code auto-restart} or {@code failed}, launchd not
 * running with a non-zero exit) and the count already exceeds {@code maxRestarts}, or when systemd
 * gave up ({@code start-limit-hit}).
 *
 * <pre>{@code
 * CrashLoopProbe probe = CrashLoopProbe.systemd("open-webui.service", false).maxRestarts(3)
 *         .window(Duration.ofMinutes(10)).build();
 * ProbeResult first = probe.probe();   // keep the instance and run it again later
 * }</pre>
 *
 * <p>Thread-safe: runs of one instance are serialised.
 */
public final class CrashLoopProbe implements Probe {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9@._:/-]+");

    private record Seen(Instant at, long restarts) {}

    private final String manager;
    private final String service;
    private final List<String> command;
    private final Function<String, ServiceObservation> parser;
    private final int maxRestarts;
    private final Duration window;
    private final Duration timeout;
    private final Clock clock;
    private final CommandRunner runner;
    private final Deque<Seen> history = new ArrayDeque<>();

    private CrashLoopProbe(Builder b) {
        this.manager = b.manager;
        this.service = b.service;
        this.command = List.copyOf(b.command);
        this.parser = b.parser;
        this.maxRestarts = b.maxRestarts;
        this.window = b.window;
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.runner = b.runner;
    }

    /**
     * Returns a builder for a systemd unit, asked with {@code systemctl [--user] show UNIT
     * --property=...}.
     *
     * @throws IllegalArgumentException when the unit name has characters outside {@code
     *     [A-Za-z0-9@._:/-]}
     */
    public static Builder systemd(String unit, boolean user) {
        checkName(unit);
        List<String> command = new ArrayList<>(List.of("systemctl"));
        if (user) {
            command.add("--user");
        }
        command.addAll(List.of("show", unit, "--property=" + String.join(",", SystemdShowParser.PROPERTIES)));
        return new Builder("systemd", unit, command, SystemdShowParser::parse);
    }

    /**
     * Returns a builder for a launchd service target such as {@code gui/501/org.openwebui} or
     * {@code system/com.example.daemon}, asked with {@code launchctl print TARGET}.
     *
     * @throws IllegalArgumentException when the target has characters outside {@code
     *     [A-Za-z0-9@._:/-]}
     */
    public static Builder launchd(String serviceTarget) {
        checkName(serviceTarget);
        return new Builder(
                "launchd", serviceTarget, List.of("launchctl", "print", serviceTarget), LaunchctlPrintParser::parse);
    }

    private static void checkName(String name) {
        if (name == null || !LABEL.matcher(name).matches() || name.startsWith("-")) {
            throw new IllegalArgumentException("not a service name: '" + name + "'");
        }
    }

    @Override
    public String describe() {
        return "crash-loop " + manager + " " + service;
    }

    @Override
    public synchronized ProbeResult probe() {
        ResultBuilder result = new ResultBuilder("crash-loop", manager + " " + service);
        CommandRunner.Output output;
        try {
            output = runner.run(CommandRunner.Invocation.of(command, timeout));
        } catch (IOException e) {
            return error(result, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.build(ProbeStatus.ERROR, "interrupted");
        }
        if (output.timedOut()) {
            String cause = command.get(0) + " did not answer within " + timeout.toMillis() + " ms";
            result.problem(ProbeRules.CRASH_LOOP, service, cause);
            return result.build(ProbeStatus.TIMED_OUT, cause);
        }
        if (output.exitCode() != 0) {
            String stderr = output.stderr().strip();
            return error(
                    result,
                    command.get(0) + " exited with " + output.exitCode()
                            + (stderr.isEmpty() ? "" : ": " + stderr.split("\\R")[0]));
        }
        ServiceObservation seen;
        try {
            seen = parser.apply(output.stdout());
        } catch (IllegalArgumentException e) {
            return error(result, e.getMessage());
        }
        judge(seen, result);
        return result.finish(service + " is not crash-looping");
    }

    private ProbeResult error(ResultBuilder result, String cause) {
        result.problem(ProbeRules.CRASH_LOOP, service, cause);
        return result.build(ProbeStatus.ERROR, cause);
    }

    private void judge(ServiceObservation seen, ResultBuilder result) {
        Instant now = clock.instant();
        result.fact("restarts", seen.restarts()).fact("state", seen.state());
        if (seen.lastExit() != null) {
            result.fact("last-exit", seen.lastExit());
        }
        if (seen.lastStart() != null) {
            result.fact(
                    "up-for-seconds",
                    Math.max(0, Duration.between(seen.lastStart(), now).toSeconds()));
        }
        while (!history.isEmpty() && history.peekFirst().at().isBefore(now.minus(window))) {
            history.removeFirst();
        }
        Seen baseline = history.peekFirst();
        history.addLast(new Seen(now, seen.restarts()));
        if (seen.gaveUp()) {
            result.problem(
                    ProbeRules.CRASH_LOOP,
                    service,
                    manager + " gave up restarting it after " + seen.restarts() + " restarts (start-limit-hit)"
                            + exit(seen));
            return;
        }
        if (baseline != null) {
            long grew =
                    baseline.restarts() <= seen.restarts() ? seen.restarts() - baseline.restarts() : seen.restarts();
            result.fact("restarts-in-window", grew);
            if (grew > maxRestarts) {
                result.problem(
                        ProbeRules.CRASH_LOOP,
                        service,
                        grew + " restarts within "
                                + Duration.between(baseline.at(), now).toSeconds() + " s (allowed " + maxRestarts
                                + " within "
                                + window.toSeconds() + " s)" + exit(seen));
            }
            return;
        }
        if (seen.restarting() && seen.lastExitAbnormal() && seen.restarts() > maxRestarts) {
            result.problem(
                    ProbeRules.CRASH_LOOP,
                    service,
                    "down after an abnormal exit and restarted " + seen.restarts()
                            + " times since it was loaded (state " + seen.state() + ")" + exit(seen));
        }
    }

    private static String exit(ServiceObservation seen) {
        return seen.lastExit() == null ? "" : "; last exit: " + seen.lastExit();
    }

    /** Configures a {@link CrashLoopProbe}; not thread-safe. */
    public static final class Builder {
        private final String manager;
        private final String service;
        private final List<String> command;
        private final Function<String, ServiceObservation> parser;
        private int maxRestarts = 3;
        private Duration window = Duration.ofMinutes(10);
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private CommandRunner runner = CommandRunner.system();

        private Builder(
                String manager, String service, List<String> command, Function<String, ServiceObservation> parser) {
            this.manager = manager;
            this.service = service;
            this.command = command;
            this.parser = parser;
        }

        /** Sets how many restarts within the window are tolerated; default 3. */
        public Builder maxRestarts(int maxRestarts) {
            if (maxRestarts < 0) {
                throw new IllegalArgumentException("maxRestarts is negative: " + maxRestarts);
            }
            this.maxRestarts = maxRestarts;
            return this;
        }

        /** Sets the window restarts are counted in; default 10 minutes. */
        public Builder window(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window is not positive: " + window);
            }
            this.window = window;
            return this;
        }

        /** Sets how long the service manager's command may take; default 10 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Sets the clock; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the command runner, e.g. one replaying captured outputs; default {@link CommandRunner#system()}. */
        public Builder runner(CommandRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** Returns the probe. */
        public CrashLoopProbe build() {
            return new CrashLoopProbe(this);
        }
    }
}
