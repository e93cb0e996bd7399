package dev.outage.cli.probe;

import dev.outage.probe.ProbeProblem;
import dev.outage.probe.ProbeResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Prints probe results for people: a status line, one line a problem, then the facts. */
public final class ResultPrinter {

    private ResultPrinter() {}

    /**
     * Prints one result.
     *
     * <pre>
     * FAILED drift http://127.0.0.1:11434/api/version#/version (14 ms)
     *   version-drift: ...: running 0.20.4, installed 0.21.2: the running version is older (minor differs)
     *   running: 0.20.4
     * </pre>
     */
    public static void print(PrintWriter out, ProbeResult result) {
        out.println(result.status() + " " + result.probe() + " " + result.target() + " ("
                + result.duration().toMillis() + " ms)");
        if (result.passed()) {
            out.println("  " + result.cause());
        }
        for (ProbeProblem problem : result.problems()) {
            out.println("  " + problem.ruleId() + ": " + problem.subject() + ": " + problem.message());
        }
        for (Map.Entry<String, String> fact : result.facts().entrySet()) {
            out.println("  " + fact.getKey() + ": " + fact.getValue());
        }
    }

    /**
     * Parses a duration written {@code 500ms}, {@code 30s}, {@code 2m} or as plain seconds.
     *
     * @throws IllegalArgumentException naming the text when it is none of these or not positive
     */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration is not positive: '" + text + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration (like 500ms, 30s, 2m): '" + text + "'", e);
        }
    }
}
