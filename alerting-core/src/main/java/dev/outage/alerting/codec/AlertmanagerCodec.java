package dev.outage.alerting.codec;

import dev.outage.alerting.codec.JsonIn.Failure;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads and writes the JSON of Alertmanager's API v2 with Jackson's streaming parser, and
 * validates alerts with Alertmanager's rules and words.
 *
 * <pre>{@code
 * AlertmanagerCodec codec = AlertmanagerCodec.standard();
 * byte[] body = codec.encodeAlerts(List.of(alert), Dialect.CANONICAL);   // [{"labels":...}]
 *
 * DecodedAlerts posted = codec.decodeAlerts(body);    // a bare array or {"alerts": [...]}
 * if (!posted.isAccepted()) {
 *     posted.problems().forEach(System.err::println); // alert 0 at /0/labels/a-b: invalid label set: ...
 * }
 * }</pre>
 *
 * <p>Validation follows Alertmanager's {@code POST /api/v2/alerts}: labels with an empty value
 * are dropped, then at least one label must remain; label and annotation names follow the
 * {@link LabelNameRule} (classic by default); values must be valid UTF-8; {@code generatorURL}
 * must pass Go's request-URI check; an alert must not end before it starts, where a missing
 * {@code startsAt} means now (or {@code endsAt}) and a missing {@code endsAt} means now plus
 * the resolve timeout. Unknown fields are ignored; field names match case-insensitively, as in
 * Go.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class AlertmanagerCodec {

    private static final AlertmanagerCodec STANDARD = builder().build();
    private static final String ARRAY_EXPECTED = "a JSON array of alerts (or an object with an \"alerts\" array)";

    private final LabelNameRule labelNames;
    private final Duration resolveTimeout;
    private final Clock clock;

    private AlertmanagerCodec(Builder builder) {
        this.labelNames = builder.labelNames;
        this.resolveTimeout = builder.resolveTimeout;
        this.clock = builder.clock;
    }

    /**
     * Returns the codec with Alertmanager's defaults: classic label names, a five-minute resolve
     * timeout and the system clock.
     */
    public static AlertmanagerCodec standard() {
        return STANDARD;
    }

    /** Returns a builder for a codec with other validation settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the rule for label and annotation names. */
    public LabelNameRule labelNames() {
        return labelNames;
    }

    // ---- postable alerts --------------------------------------------------------------

    /**
     * Returns the alerts as a {@code POST /api/v2/alerts} body in UTF-8. Does not validate;
     * call {@link #validate(List)} first to learn what Alertmanager would refuse. An unpaired
     * surrogate, which UTF-8 cannot carry, is written as a JSON escape that Alertmanager
     * reads as U+FFFD.
     */
    public byte[] encodeAlerts(List<Alert> alerts, Dialect dialect) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + alerts.size() * 200);
        try {
            encodeAlerts(alerts, dialect, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the alerts as a {@code POST /api/v2/alerts} body in UTF-8 to the stream, which is
     * left open.
     *
     * @throws IOException if the stream fails
     */
    public void encodeAlerts(List<Alert> alerts, Dialect dialect, OutputStream out) throws IOException {
        Objects.requireNonNull(dialect, "dialect");
        JsonOut.write(out, "alerts", generator -> {
            if (dialect == Dialect.WRAPPED) {
                generator.writeStartObject();
                generator.writeName("alerts");
            }
            generator.writeStartArray();
            char[] scratch = new char[32];
            for (Alert alert : alerts) {
                writeAlert(generator, alert, scratch);
            }
            generator.writeEndArray();
            if (dialect == Dialect.WRAPPED) {
                generator.writeEndObject();
            }
        });
    }

    /**
     * Reads a {@code POST /api/v2/alerts} body as Alertmanager would, accepting also a wrapped
     * {@code {"alerts": [...]}} object and a top-level {@code null} (no alerts). Never throws for
     * bad input: a malformed body gives one problem with its line and column.
     *
     * <p>Two differences from Alertmanager 0.25 are deliberate: text after the JSON value is
     * refused (Alertmanager ignores it), and bytes that are not UTF-8 are refused (Alertmanager
     * replaces them with U+FFFD).
     */
    public DecodedAlerts decodeAlerts(byte[] body) {
        Objects.requireNonNull(body, "body");
        List<Alert> alerts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean[] wrapped = {false};
        try (JsonParser parser = JsonIn.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonIn in = new JsonIn(parser);
            JsonToken token = in.next();
            if (token == null) {
                return new DecodedAlerts(
                        List.of(), List.of(new Problem(-1, "", "empty body: expected " + ARRAY_EXPECTED, 1, 1)), false);
            }
            String prefix = "";
            if (token == JsonToken.START_OBJECT) {
                wrapped[0] = true;
                prefix = "/alerts";
                token = findAlertsArray(in);
            }
            if (token != JsonToken.VALUE_NULL) {
                in.expect(token, JsonToken.START_ARRAY, prefix, ARRAY_EXPECTED);
                readAlerts(in, prefix, clock.instant(), alerts, problems);
            }
            if (wrapped[0]) {
                skipRestOfObject(in);
            }
            token = in.next();
            if (token != null) {
                throw in.fail("", "unexpected " + JsonIn.describe(token) + " after the alerts");
            }
        } catch (Failure failure) {
            return new DecodedAlerts(List.of(), List.of(failure.problem), wrapped[0]);
        } catch (JacksonException e) {
            return new DecodedAlerts(List.of(), List.of(ApiAnswers.malformed(e)), wrapped[0]);
        }
        return new DecodedAlerts(alerts, problems, wrapped[0]);
    }

    /**
     * Returns what Alertmanager would refuse in these alerts, in order; empty when all are
     * valid. Pointers are those of the canonical array ({@code /0/labels/a-b}).
     */
    public List<Problem> validate(List<Alert> alerts) {
        List<Problem> problems = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < alerts.size(); i++) {
            validate(alerts.get(i), i, "", now, problems);
        }
        return problems;
    }

    // ---- what the API returns ----------------------------------------------------------

    /**
     * Reads a {@code GET /api/v2/alerts} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public List<GettableAlert> decodeGettableAlerts(byte[] body) throws CodecException {
        return ApiAnswers.decodeGettableAlerts(body);
    }

    /**
     * Reads a {@code GET /api/v2/alerts/groups} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public List<AlertGroup> decodeAlertGroups(byte[] body) throws CodecException {
        return ApiAnswers.decodeAlertGroups(body);
    }

    /**
     * Reads a {@code GET /api/v2/silences} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public List<Silence> decodeSilences(byte[] body) throws CodecException {
        return ApiAnswers.decodeSilences(body);
    }

    /**
     * Reads a {@code GET /api/v2/silence/{id}} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public Silence decodeSilence(byte[] body) throws CodecException {
        return ApiAnswers.decodeSilence(body);
    }

    /**
     * Reads a {@code POST /api/v2/silences} body, for servers and fakes.
     *
     * @throws CodecException if the body is malformed, lacks a required field, has no matcher,
     *     or the silence does not end after it starts
     */
    public PostableSilence decodePostableSilence(byte[] body) throws CodecException {
        return ApiAnswers.decodePostableSilence(body);
    }

    /**
     * Reads the {@code {"silenceID": "..."}} answer of {@code POST /api/v2/silences}.
     *
     * @throws CodecException if the body is malformed or has no id
     */
    public String decodeSilenceId(byte[] body) throws CodecException {
        return ApiAnswers.decodeSilenceId(body);
    }

    /**
     * Reads a {@code GET /api/v2/status} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public AlertmanagerStatus decodeStatus(byte[] body) throws CodecException {
        return ApiAnswers.decodeStatus(body);
    }

    /** Returns the silence as a {@code POST /api/v2/silences} body. */
    public byte[] encodeSilence(PostableSilence silence) {
        return ApiAnswers.encodeSilence(silence);
    }

    /** Returns alerts as a {@code GET /api/v2/alerts} answer, for servers and fakes. */
    public byte[] encodeGettableAlerts(List<GettableAlert> alerts) {
        return ApiAnswers.encodeGettableAlerts(alerts);
    }

    /** Returns groups as a {@code GET /api/v2/alerts/groups} answer, for servers and fakes. */
    public byte[] encodeAlertGroups(List<AlertGroup> groups) {
        return ApiAnswers.encodeAlertGroups(groups);
    }

    /** Returns silences as a {@code GET /api/v2/silences} answer, for servers and fakes. */
    public byte[] encodeSilences(List<Silence> silences) {
        return ApiAnswers.encodeSilences(silences);
    }

    /** Returns the status as a {@code GET /api/v2/status} answer, for servers and fakes. */
    public byte[] encodeStatus(AlertmanagerStatus status) {
        return ApiAnswers.encodeStatus(status);
    }

    /** Returns the name escaped as one JSON pointer token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    // ---- reading postable alerts --------------------------------------------------------

    private static JsonToken findAlertsArray(JsonIn in) {
        JsonToken token;
        while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
            String name = in.parser.currentName();
            token = in.next();
            if (name.equalsIgnoreCase("alerts")) {
                return token;
            }
            in.parser.skipChildren();
        }
        throw in.fail("", "expected " + ARRAY_EXPECTED + ", got an object without \"alerts\"");
    }

    private static void skipRestOfObject(JsonIn in) {
        while (in.next() == JsonToken.PROPERTY_NAME) {
            in.next();
            in.parser.skipChildren();
        }
    }

    private void readAlerts(JsonIn in, String prefix, Instant now, List<Alert> alerts, List<Problem> problems) {
        JsonToken token;
        int index = 0;
        while ((token = in.next()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw in.fail(index, prefix + "/" + index, "expected an alert object, got " + JsonIn.describe(token));
            }
            Alert alert = readAlert(in, index, prefix, problems);
            if (alert != null) {
                int before = problems.size();
                validate(alert, index, prefix, now, problems);
                if (problems.size() == before) {
                    alerts.add(alert);
                }
            }
            index++;
        }
    }

    /** Reads one alert object; returns null (with a problem) when its labels are missing. */
    private Alert readAlert(JsonIn in, int index, String prefix, List<Problem> problems) {
        JsonParser parser = in.parser;
        LabelSet labels = null;
        LabelSet annotations = LabelSet.empty();
        Instant startsAt = null;
        Instant endsAt = null;
        String generatorUrl = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            token = parser.nextToken();
            switch (field(name)) {
                case "labels" -> labels = readLabels(in, token, index, prefix, "labels", true);
                case "annotations" -> annotations = readLabels(in, token, index, prefix, "annotations", false);
                case "startsAt" -> startsAt = readTimestamp(in, token, index, prefix, "startsAt");
                case "endsAt" -> endsAt = readTimestamp(in, token, index, prefix, "endsAt");
                case "generatorURL" -> generatorUrl = readString(in, token, index, prefix, "generatorURL");
                default -> parser.skipChildren();
            }
        }
        if (labels == null) {
            problems.add(Problem.ofAlert(index, prefix + "/" + index + "/labels", "labels in body is required"));
            return null;
        }
        return new Alert(
                labels,
                annotations,
                startsAt,
                endsAt,
                generatorUrl == null || generatorUrl.isEmpty() ? null : generatorUrl);
    }

    private static String field(String name) {
        switch (name) {
            case "labels", "annotations", "startsAt", "endsAt", "generatorURL":
                return name;
            default:
                for (String known : List.of("labels", "annotations", "startsAt", "endsAt", "generatorURL")) {
                    if (known.equalsIgnoreCase(name)) {
                        return known;
                    }
                }
                return "";
        }
    }

    private static LabelSet readLabels(
            JsonIn in, JsonToken token, int index, String prefix, String field, boolean dropEmpty) {
        if (token == JsonToken.VALUE_NULL) {
            return dropEmpty ? null : LabelSet.empty();
        }
        if (token != JsonToken.START_OBJECT) {
            throw in.fail(
                    index,
                    prefix + "/" + index + "/" + field,
                    "expected an object of strings, got " + JsonIn.describe(token));
        }
        JsonParser parser = in.parser;
        String[] pairs = new String[16];
        int size = 0;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = Utf8.repair(parser.currentName());
            token = parser.nextToken();
            String value;
            if (token == JsonToken.VALUE_STRING) {
                value = Utf8.repair(parser.getString());
            } else if (token == JsonToken.VALUE_NULL) {
                value = "";
            } else {
                throw in.fail(
                        index,
                        prefix + "/" + index + "/" + field + "/" + escape(name),
                        "expected a string, got " + JsonIn.describe(token));
            }
            int earlier = indexOfName(pairs, size, name);
            if (earlier >= 0) {
                pairs[earlier + 1] = value; // as in Go, the last of repeated names wins
                continue;
            }
            if (size == pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = name;
            pairs[size++] = value;
        }
        return labelSet(pairs, size, dropEmpty);
    }

    private static int indexOfName(String[] pairs, int size, String name) {
        for (int i = 0; i < size; i += 2) {
            if (pairs[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static LabelSet labelSet(String[] pairs, int size, boolean dropEmpty) {
        int kept = size;
        if (dropEmpty) {
            kept = 0;
            for (int i = 0; i < size; i += 2) {
                if (!pairs[i + 1].isEmpty()) {
                    pairs[kept++] = pairs[i];
                    pairs[kept++] = pairs[i + 1];
                }
            }
        }
        if (kept == 0) {
            return LabelSet.empty();
        }
        return LabelSet.of(kept == pairs.length ? pairs : java.util.Arrays.copyOf(pairs, kept));
    }

    private static Instant readTimestamp(JsonIn in, JsonToken token, int index, String prefix, String field) {
        String text = readString(in, token, index, prefix, field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeException e) {
            throw in.fail(
                    index,
                    prefix + "/" + index + "/" + field,
                    "invalid timestamp " + goQuote(text) + ": " + e.getMessage());
        }
    }

    private static String readString(JsonIn in, JsonToken token, int index, String prefix, String field) {
        if (token == JsonToken.VALUE_STRING) {
            return in.parser.getString();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw in.fail(index, prefix + "/" + index + "/" + field, "expected a string, got " + JsonIn.describe(token));
    }

    // ---- validation --------------------------------------------------------------------

    private void validate(Alert alert, int index, String prefix, Instant now, List<Problem> problems) {
        int nonEmpty = 0;
        for (Map.Entry<String, String> label : alert.labels()) {
            if (label.getValue().isEmpty()) {
                continue;
            }
            nonEmpty++;
            checkPair(label, index, prefix, "labels", "invalid label set", problems);
        }
        if (nonEmpty == 0) {
            problems.add(Problem.ofAlert(index, base(prefix, index) + "/labels", "at least one label pair required"));
        }
        for (Map.Entry<String, String> annotation : alert.annotations()) {
            checkPair(annotation, index, prefix, "annotations", "invalid annotations", problems);
        }
        String url = alert.generatorUrl();
        if (url != null && !url.isEmpty()) {
            String reason = RequestUri.check(url);
            if (reason != null) {
                problems.add(Problem.ofAlert(
                        index,
                        base(prefix, index) + "/generatorURL",
                        "generatorURL must be of type uri: " + goQuote(url) + " (" + reason + ")"));
            }
        }
        checkTimes(alert, index, prefix, now, problems);
    }

    private void checkPair(
            Map.Entry<String, String> pair,
            int index,
            String prefix,
            String field,
            String what,
            List<Problem> problems) {
        String name = pair.getKey();
        if (!labelNames.isValid(name)) {
            problems.add(Problem.ofAlert(
                    index,
                    base(prefix, index) + "/" + field + "/" + escape(name),
                    what + ": invalid name " + goQuote(name)));
        } else if (!Utf8.isValid(pair.getValue())) {
            problems.add(Problem.ofAlert(
                    index,
                    base(prefix, index) + "/" + field + "/" + escape(name),
                    what + ": invalid value " + goQuote(pair.getValue())));
        }
    }

    private void checkTimes(Alert alert, int index, String prefix, Instant now, List<Problem> problems) {
        Instant startsAt = alert.startsAt();
        Instant endsAt = alert.endsAt();
        if (startsAt == null) {
            startsAt = endsAt != null ? endsAt : now;
        }
        if (endsAt == null) {
            if (now.plus(resolveTimeout).isBefore(startsAt)) {
                problems.add(Problem.ofAlert(
                        index,
                        base(prefix, index) + "/startsAt",
                        "start time must be before end time (without endsAt, Alertmanager ends the alert"
                                + " resolve_timeout (" + resolveTimeout + ") after now, which is before "
                                + Timestamps.format(startsAt) + ")"));
            }
        } else if (endsAt.isBefore(startsAt)) {
            problems.add(Problem.ofAlert(index, base(prefix, index) + "/endsAt", "start time must be before end time"));
        }
    }

    private static String base(String prefix, int index) {
        return prefix + "/" + index;
    }

    /** Quotes text as Go's %q would for the common cases: backslash, quote and control characters escaped. */
    static String goQuote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // ---- writing -----------------------------------------------------------------------

    private static void writeAlert(JsonGenerator generator, Alert alert, char[] scratch) {
        generator.writeStartObject();
        generator.writeName(JsonOut.LABELS);
        JsonOut.writeLabelSet(generator, alert.labels());
        generator.writeName(JsonOut.ANNOTATIONS);
        JsonOut.writeLabelSet(generator, alert.annotations());
        JsonOut.writeTimestamp(generator, JsonOut.STARTS_AT, alert.startsAt(), scratch);
        JsonOut.writeTimestamp(generator, JsonOut.ENDS_AT, alert.endsAt(), scratch);
        if (alert.generatorUrl() != null) {
            generator.writeName(JsonOut.GENERATOR_URL);
            generator.writeString(alert.generatorUrl());
        }
        generator.writeEndObject();
    }

    /** Configures an {@link AlertmanagerCodec}. */
    public static final class Builder {
        private LabelNameRule labelNames = LabelNameRule.CLASSIC;
        private Duration resolveTimeout = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Sets the rule for label and annotation names; {@link LabelNameRule#CLASSIC} by default. */
        public Builder labelNames(LabelNameRule labelNames) {
            this.labelNames = Objects.requireNonNull(labelNames, "labelNames");
            return this;
        }

        /**
         * Sets the receiving Alertmanager's {@code resolve_timeout} (five minutes by default),
         * which decides whether an alert without {@code endsAt} starts too far in the future.
         */
        public Builder resolveTimeout(Duration resolveTimeout) {
            if (resolveTimeout.isNegative()) {
                throw new IllegalArgumentException("resolve timeout must not be negative: " + resolveTimeout);
            }
            this.resolveTimeout = resolveTimeout;
            return this;
        }

        /** Sets the clock that says what "now" is during validation; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the codec. */
        public AlertmanagerCodec build() {
            return new AlertmanagerCodec(this);
        }
    }
}
