package dev.outage.probe.service;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code Key=Value} lines of {@code systemctl show UNIT} into a {@link
 * ServiceObservation}.
 *
 * <p>Used: {@code NRestarts}, {@code ActiveState}, {@code SubState}, {@code Result}, {@code
 * ActiveEnterTimestamp} (falling back to {@code ExecMainStartTimestamp}), {@code ExecMainCode} and
 * {@code ExecMainStatus}. Timestamps are systemd's {@code Thu 2026-04-23 10:15:02 UTC} form; a
 * timestamp in a zone abbreviation Java does not know is treated as unknown.
 */
public final class SystemdShowParser {

    /** The properties to ask {@code systemctl show --property=} for. */
    public static final List<String> PROPERTIES = List.of(
            "Id",
            "NRestarts",
            "ActiveState",
            "SubState",
            "Result",
            "ActiveEnterTimestamp",
            "ExecMainStartTimestamp",
            "ExecMainCode",
            "ExecMainStatus",
            "LoadState");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss z", Locale.US);

    private SystemdShowParser() {}

    /**
     * Parses the output.
     *
     * @throws IllegalArgumentException when the unit is not loaded ({@code LoadState=not-found}) or
     *     {@code NRestarts} is missing or not a number
     */
    public static ServiceObservation parse(String output) {
        Map<String, String> p = properties(output);
        if ("not-found".equals(p.get("LoadState"))) {
            throw new IllegalArgumentException(
                    "systemd unit " + p.getOrDefault("Id", "") + " is not loaded (LoadState=not-found)");
        }
        String count = p.get("NRestarts");
        long restarts;
        try {
            restarts = Long.parseLong(count == null ? "" : count.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "systemctl show printed no numeric NRestarts (systemd 235 or later has it): '" + count + "'");
        }
        String active = p.getOrDefault("ActiveState", "");
        String sub = p.getOrDefault("SubState", "");
        String result = p.getOrDefault("Result", "");
        boolean gaveUp = result.equals("start-limit-hit");
        boolean restarting = sub.equals("auto-restart")
                || active.equals("failed")
                || active.equals("activating") && !sub.equals("start");
        Instant lastStart = timestamp(p.get("ActiveEnterTimestamp"));
        if (lastStart == null) {
            lastStart = timestamp(p.get("ExecMainStartTimestamp"));
        }
        String code = p.getOrDefault("ExecMainCode", "");
        String status = p.getOrDefault("ExecMainStatus", "");
        // ExecMainCode is a CLD_* number: 1 exited, 2 killed, 3 dumped core; 0 means never exited.
        boolean exited = !code.isEmpty() && !code.equals("0");
        boolean abnormal = exited && (!code.equals("1") || !status.equals("0"));
        String lastExit = exited ? (code.equals("1") ? "status " + status : "signal " + status) : null;
        return new ServiceObservation(
                restarts, active + "/" + sub, restarting || gaveUp, gaveUp, lastStart, lastExit, abnormal);
    }

    static Map<String, String> properties(String output) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                p.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return p;
    }

    static Instant timestamp(String text) {
        if (text == null || text.isBlank() || text.equals("n/a")) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
