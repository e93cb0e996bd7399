package dev.outage.probe.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code launchctl print DOMAIN/LABEL} (macOS 10.10 and later) into a {@link
 * ServiceObservation}.
 *
 * <p>Used: {@code state}, {@code runs}, {@code last exit code} and {@code last terminating signal}
 * of the service's top-level block. launchd prints no start time, so {@link
 * ServiceObservation#lastStart()} is null and a window needs two observations.
 */
public final class LaunchctlPrintParser {

    private static final Pattern FIELD = Pattern.compile("^\\t([a-z][a-z ]*[a-z]) = (.*)$", Pattern.MULTILINE);

    private LaunchctlPrintParser() {}

    /**
     * Parses the output.
     *
     * @throws IllegalArgumentException when the output has no {@code runs} or {@code state} line
     *     (e.g. {@code Could not find service})
     */
    public static ServiceObservation parse(String output) {
        String state = null;
        String runs = null;
        String exitCode = null;
        String signal = null;
        Matcher m = FIELD.matcher(output);
        while (m.find()) {
            String value = m.group(2).strip();
            switch (m.group(1)) {
                case "state" -> state = state == null ? value : state;
                case "runs" -> runs = runs == null ? value : runs;
                case "last exit code" -> exitCode = exitCode == null ? value : exitCode;
                case "last terminating signal" -> signal = signal == null ? value : signal;
                default -> {
                    // other fields are not needed
                }
            }
        }
        if (state == null || runs == null) {
            String first =
                    output.strip().isEmpty() ? "no output" : output.strip().split("\\R")[0];
            throw new IllegalArgumentException("not a launchctl print of a service: " + first);
        }
        long count;
        try {
            count = Long.parseLong(runs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("launchctl print has a non-numeric 'runs = " + runs + "'");
        }
        boolean neverExited = exitCode == null || exitCode.startsWith("(never exited)");
        boolean abnormal = signal != null || !neverExited && !exitCode.equals("0");
        String lastExit = signal != null ? "signal " + signal : neverExited ? null : "status " + exitCode;
        boolean restarting = !state.equals("running") && abnormal;
        return new ServiceObservation(count, state, restarting, false, null, lastExit, abnormal);
    }
}
