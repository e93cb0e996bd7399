package dev.outage.probe.prometheus;

import dev.outage.alerting.model.LabelSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4): {@code # HELP} and {@code # TYPE}
 * lines, samples with optional labels and timestamp, escapes in label values, and the special
 * values {@code NaN}, {@code +Inf} and {@code -Inf}.
 *
 * <p>Like a lenient scraper it never throws on bad input: a line it cannot read becomes a {@link
 * MetricsSyntaxError} with line and column, and parsing goes on with the next line.
 *
 * <pre>{@code
 * MetricsSnapshot metrics = PrometheusTextParser.parse(body);
 * double failed = metrics.sum("alertmanager_notifications_failed_total", LabelSet.empty());
 * }</pre>
 *
 * <p>Limitations: OpenMetrics-only syntax (exemplars after {@code #}, {@code # EOF}, {@code
 * # UNIT}) is skipped as comments or reported as errors; UTF-8 quoted metric names are not read.
 */
public final class PrometheusTextParser {

    private final String text;
    private final List<MetricSample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<MetricsSyntaxError> errors = new ArrayList<>();
    private String line;
    private int lineNumber;
    private int pos;

    private PrometheusTextParser(String text) {
        this.text = text;
    }

    /** Parses a whole exposition; never throws for bad content. */
    public static MetricsSnapshot parse(String text) {
        PrometheusTextParser parser = new PrometheusTextParser(java.util.Objects.requireNonNull(text, "text"));
        parser.run();
        return new MetricsSnapshot(parser.samples, parser.types, parser.errors);
    }

    private void run() {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            lineNumber = i + 1;
            pos = 0;
            try {
                readLine();
            } catch (SyntaxException e) {
                errors.add(new MetricsSyntaxError(lineNumber, e.column, e.getMessage()));
            }
        }
    }

    private void readLine() throws SyntaxException {
        skipBlanks();
        if (pos == line.length()) {
            return;
        }
        if (line.charAt(pos) == '#') {
            readComment();
            return;
        }
        String name = readName("a metric name");
        LabelSet labels = LabelSet.empty();
        skipBlanks();
        if (pos < line.length() && line.charAt(pos) == '{') {
            labels = readLabels();
        }
        skipBlanks();
        double value = readValue();
        Long timestamp = null;
        skipBlanks();
        if (pos < line.length()) {
            timestamp = readTimestamp();
            skipBlanks();
            if (pos < line.length()) {
                throw new SyntaxException(pos, "unexpected text after the timestamp");
            }
        }
        samples.add(new MetricSample(name, labels, value, timestamp));
    }

    private void readComment() throws SyntaxException {
        pos++;
        skipBlanks();
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        String keyword = line.substring(start, pos);
        if (!keyword.equals("TYPE")) {
            return;
        }
        skipBlanks();
        String name = readName("a metric name after TYPE");
        skipBlanks();
        String type = line.substring(pos).strip();
        if (!List.of("counter", "gauge", "histogram", "summary", "untyped").contains(type)) {
            throw new SyntaxException(pos, "unknown metric type '" + type + "'");
        }
        if (types.putIfAbsent(name, type) != null) {
            throw new SyntaxException(pos, "second TYPE line for " + name);
        }
    }

    private LabelSet readLabels() throws SyntaxException {
        pos++;
        Map<String, String> labels = new LinkedHashMap<>();
        while (true) {
            skipBlanks();
            if (pos < line.length() && line.charAt(pos) == '}') {
                pos++;
                return LabelSet.of(labels);
            }
            int at = pos;
            String name = readName("a label name");
            skipBlanks();
            expect('=');
            skipBlanks();
            String value = readQuoted();
            if (labels.put(name, value) != null) {
                throw new SyntaxException(at, "label " + name + " appears twice");
            }
            skipBlanks();
            if (pos < line.length() && line.charAt(pos) == ',') {
                pos++;
            } else if (pos >= line.length() || line.charAt(pos) != '}') {
                throw new SyntaxException(pos, "expected ',' or '}' in the label set");
            }
        }
    }

    private String readQuoted() throws SyntaxException {
        int start = pos;
        expect('"');
        StringBuilder out = new StringBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < line.length()) {
                char e = line.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case '\\' -> out.append('\\');
                    case '"' -> out.append('"');
                    default -> out.append('\\').append(e);
                }
            } else {
                out.append(c);
            }
        }
        throw new SyntaxException(start, "unterminated label value");
    }

    private double readValue() throws SyntaxException {
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        String token = line.substring(start, pos);
        if (token.isEmpty()) {
            throw new SyntaxException(start, "expected a sample value");
        }
        switch (token) {
            case "NaN":
                return Double.NaN;
            case "+Inf", "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    if (!token.matches(
                            "[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?0[xX][0-9a-fA-F]+")) {
                        throw new NumberFormatException(token);
                    }
                    return token.startsWith("0x") || token.startsWith("0X") || token.matches("[-+]0[xX].*")
                            ? (double) Long.decode(token)
                            : Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw new SyntaxException(start, "not a number: '" + token + "'");
                }
        }
    }

    private Long readTimestamp() throws SyntaxException {
        int start = pos;
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        try {
            return Long.parseLong(line.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new SyntaxException(start, "not a timestamp: '" + line.substring(start, pos) + "'");
        }
    }

    private String readName(String what) throws SyntaxException {
        int start = pos;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            boolean ok = c == '_'
                    || c == ':'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (pos > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException(start, "expected " + what);
        }
        return line.substring(start, pos);
    }

    private void expect(char c) throws SyntaxException {
        if (pos >= line.length() || line.charAt(pos) != c) {
            throw new SyntaxException(pos, "expected '" + c + "'");
        }
        pos++;
    }

    private void skipBlanks() {
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        SyntaxException(int index, String message) {
            super(message, null, false, false);
            this.column = index + 1;
        }
    }
}
