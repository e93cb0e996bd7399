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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

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

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
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
     * call {@link #validate(List)} first to learn what Alertmanager would refuse.
     *
     * @throws IllegalArgumentException if a text holds an unpaired surrogate, which UTF-8
     *     cannot carry
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
     * @throws IllegalArgumentException if a text holds an unpaired surrogate
     */
    public void encodeAlerts(List<Alert> alerts, Dialect dialect, OutputStream out) throws IOException {
        Objects.requireNonNull(dialect, "dialect");
        write(out, "alerts", generator -> {
            if (dialect == Dialect.WRAPPED) {
                generator.writeStartObject();
                generator.writeName("alerts");
            }
            generator.writeStartArray();
            StringBuilder scratch = new StringBuilder(32);
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
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
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
            return new DecodedAlerts(List.of(), List.of(malformed(e)), wrapped[0]);
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
        return read(body, "gettable alerts", in -> readArray(in, in.next(), "", this::readGettableAlert));
    }

    /**
     * Reads a {@code GET /api/v2/alerts/groups} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public List<AlertGroup> decodeAlertGroups(byte[] body) throws CodecException {
        return read(body, "alert groups", in -> readArray(in, in.next(), "", this::readAlertGroup));
    }

    /**
     * Reads a {@code GET /api/v2/silences} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public List<Silence> decodeSilences(byte[] body) throws CodecException {
        return read(body, "silences", in -> readArray(in, in.next(), "", this::readSilence));
    }

    /**
     * Reads a {@code GET /api/v2/silence/{id}} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public Silence decodeSilence(byte[] body) throws CodecException {
        return read(body, "silence", in -> readSilence(in, in.next(), ""));
    }

    /**
     * Reads a {@code POST /api/v2/silences} body, for servers and fakes.
     *
     * @throws CodecException if the body is malformed, lacks a required field, has no matcher,
     *     or the silence does not end after it starts
     */
    public PostableSilence decodePostableSilence(byte[] body) throws CodecException {
        return read(body, "postable silence", this::readPostableSilence);
    }

    /**
     * Reads the {@code {"silenceID": "..."}} answer of {@code POST /api/v2/silences}.
     *
     * @throws CodecException if the body is malformed or has no id
     */
    public String decodeSilenceId(byte[] body) throws CodecException {
        return read(body, "silence id", in -> {
            String id = null;
            JsonToken token = in.next();
            in.expect(token, JsonToken.START_OBJECT, "", "an object");
            while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
                String name = in.parser.currentName();
                token = in.next();
                if (name.equals("silenceID")) {
                    id = in.requiredString(token, "/silenceID");
                } else {
                    in.parser.skipChildren();
                }
            }
            if (id == null) {
                throw in.fail("/silenceID", "silenceID missing");
            }
            return id;
        });
    }

    /**
     * Reads a {@code GET /api/v2/status} answer.
     *
     * @throws CodecException if the body is malformed or lacks a required field
     */
    public AlertmanagerStatus decodeStatus(byte[] body) throws CodecException {
        return read(body, "status", this::readStatus);
    }

    /** Returns the silence as a {@code POST /api/v2/silences} body. */
    public byte[] encodeSilence(PostableSilence silence) {
        return write("silence", generator -> {
            generator.writeStartObject();
            if (silence.id() != null) {
                generator.writeStringProperty("id", silence.id());
            }
            writeMatchers(generator, silence.matchers());
            generator.writeStringProperty("startsAt", Timestamps.format(silence.startsAt()));
            generator.writeStringProperty("endsAt", Timestamps.format(silence.endsAt()));
            generator.writeStringProperty("createdBy", silence.createdBy());
            generator.writeStringProperty("comment", silence.comment());
            generator.writeEndObject();
        });
    }

    /** Returns alerts as a {@code GET /api/v2/alerts} answer, for servers and fakes. */
    public byte[] encodeGettableAlerts(List<GettableAlert> alerts) {
        return write("gettable alerts", generator -> {
            generator.writeStartArray();
            for (GettableAlert alert : alerts) {
                writeGettableAlert(generator, alert);
            }
            generator.writeEndArray();
        });
    }

    /** Returns groups as a {@code GET /api/v2/alerts/groups} answer, for servers and fakes. */
    public byte[] encodeAlertGroups(List<AlertGroup> groups) {
        return write("alert groups", generator -> {
            generator.writeStartArray();
            for (AlertGroup group : groups) {
                generator.writeStartObject();
                generator.writeName("labels");
                writeLabelSet(generator, group.labels());
                generator.writeName("receiver");
                generator.writeStartObject();
                generator.writeStringProperty("name", group.receiver());
                generator.writeEndObject();
                generator.writeName("alerts");
                generator.writeStartArray();
                for (GettableAlert alert : group.alerts()) {
                    writeGettableAlert(generator, alert);
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
            generator.writeEndArray();
        });
    }

    /** Returns silences as a {@code GET /api/v2/silences} answer, for servers and fakes. */
    public byte[] encodeSilences(List<Silence> silences) {
        return write("silences", generator -> {
            generator.writeStartArray();
            for (Silence silence : silences) {
                writeSilence(generator, silence);
            }
            generator.writeEndArray();
        });
    }

    /** Returns the status as a {@code GET /api/v2/status} answer, for servers and fakes. */
    public byte[] encodeStatus(AlertmanagerStatus status) {
        return write("status", generator -> {
            generator.writeStartObject();
            generator.writeName("cluster");
            generator.writeStartObject();
            generator.writeStringProperty("name", status.clusterName());
            generator.writeStringProperty("status", status.clusterStatus());
            generator.writeName("peers");
            generator.writeStartArray();
            for (AlertmanagerStatus.Peer peer : status.peers()) {
                generator.writeStartObject();
                generator.writeStringProperty("name", peer.name());
                generator.writeStringProperty("address", peer.address());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeName("config");
            generator.writeStartObject();
            generator.writeStringProperty("original", status.configOriginal());
            generator.writeEndObject();
            generator.writeStringProperty("uptime", Timestamps.format(status.uptime()));
            generator.writeName("versionInfo");
            writeLabelSet(generator, LabelSet.of(status.versionInfo()));
            generator.writeEndObject();
        });
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
        TreeMap<String, String> map = new TreeMap<>();
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = Utf8.repair(parser.currentName());
            token = parser.nextToken();
            if (token == JsonToken.VALUE_STRING) {
                map.put(name, Utf8.repair(parser.getString()));
            } else if (token == JsonToken.VALUE_NULL) {
                map.put(name, "");
            } else {
                throw in.fail(
                        index,
                        prefix + "/" + index + "/" + field + "/" + escape(name),
                        "expected a string, got " + JsonIn.describe(token));
            }
        }
        if (dropEmpty) {
            map.values().removeIf(String::isEmpty);
        }
        return map.isEmpty() ? LabelSet.empty() : LabelSet.of(map);
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

    // ---- reading API answers -----------------------------------------------------------

    private interface BodyReader<T> {
        T read(JsonIn in);
    }

    private interface ElementReader<T> {
        T read(JsonIn in, JsonToken token, String pointer);
    }

    private static <T> T read(byte[] body, String what, BodyReader<T> reader) throws CodecException {
        Objects.requireNonNull(body, "body");
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonIn in = new JsonIn(parser);
            T value = reader.read(in);
            JsonToken token = in.next();
            if (token != null) {
                throw in.fail("", "unexpected " + JsonIn.describe(token) + " after the " + what);
            }
            return value;
        } catch (Failure failure) {
            throw new CodecException(what, List.of(failure.problem));
        } catch (JacksonException e) {
            throw new CodecException(what, List.of(malformed(e)));
        }
    }

    private static <T> List<T> readArray(JsonIn in, JsonToken token, String pointer, ElementReader<T> element) {
        in.expect(token, JsonToken.START_ARRAY, pointer, "an array");
        List<T> list = new ArrayList<>();
        while ((token = in.next()) != JsonToken.END_ARRAY) {
            list.add(element.read(in, token, pointer + "/" + list.size()));
        }
        return list;
    }

    /** Reads the properties of an object into a map from name to a reader of its value. */
    private static void readObject(JsonIn in, JsonToken token, String pointer, Map<String, Runnable> fields) {
        in.expect(token, JsonToken.START_OBJECT, pointer, "an object");
        while (in.next() == JsonToken.PROPERTY_NAME) {
            Runnable field = fields.get(in.parser.currentName());
            in.next();
            if (field == null) {
                in.parser.skipChildren();
            } else {
                field.run();
            }
        }
    }

    private static <T> T required(JsonIn in, T value, String pointer) {
        if (value == null) {
            throw in.fail(pointer, "required field missing");
        }
        return value;
    }

    private GettableAlert readGettableAlert(JsonIn in, JsonToken token, String pointer) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Runnable> fields = new HashMap<>();
        fields.put("labels", () -> values.put("labels", in.labelSet(in.parser.currentToken(), pointer + "/labels")));
        fields.put(
                "annotations",
                () -> values.put("annotations", in.labelSet(in.parser.currentToken(), pointer + "/annotations")));
        for (String time : List.of("startsAt", "endsAt", "updatedAt")) {
            fields.put(
                    time,
                    () -> putIfNotNull(values, time, in.timestamp(in.parser.currentToken(), pointer + "/" + time)));
        }
        fields.put(
                "generatorURL",
                () -> putIfNotNull(
                        values, "generatorURL", in.string(in.parser.currentToken(), pointer + "/generatorURL")));
        fields.put(
                "fingerprint",
                () -> values.put("fingerprint", in.requiredString(in.parser.currentToken(), pointer + "/fingerprint")));
        fields.put(
                "receivers",
                () -> values.put(
                        "receivers", readArray(in, in.parser.currentToken(), pointer + "/receivers", nameObject())));
        fields.put(
                "status",
                () -> values.put("status", readAlertStatus(in, in.parser.currentToken(), pointer + "/status")));
        readObject(in, token, pointer, fields);
        Alert alert = new Alert(
                required(in, (LabelSet) values.get("labels"), pointer + "/labels"),
                (LabelSet) values.getOrDefault("annotations", LabelSet.empty()),
                (Instant) values.get("startsAt"),
                (Instant) values.get("endsAt"),
                (String) values.get("generatorURL"));
        @SuppressWarnings("unchecked")
        List<String> receivers = (List<String>) values.getOrDefault("receivers", List.of());
        return new GettableAlert(
                alert,
                required(in, (String) values.get("fingerprint"), pointer + "/fingerprint"),
                required(in, (AlertStatus) values.get("status"), pointer + "/status"),
                receivers,
                required(in, (Instant) values.get("updatedAt"), pointer + "/updatedAt"));
    }

    private static void putIfNotNull(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /** Returns a reader of {@code {"name": "..."}} objects, as receivers are written. */
    private static ElementReader<String> nameObject() {
        return (in, token, pointer) -> {
            String[] name = {null};
            readObject(
                    in,
                    token,
                    pointer,
                    Map.of("name", () -> name[0] = in.requiredString(in.parser.currentToken(), pointer + "/name")));
            return required(in, name[0], pointer + "/name");
        };
    }

    private static AlertStatus readAlertStatus(JsonIn in, JsonToken token, String pointer) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Runnable> fields = new HashMap<>();
        fields.put("state", () -> {
            String state = in.requiredString(in.parser.currentToken(), pointer + "/state");
            AlertState parsed = AlertState.ofWireName(state);
            if (parsed == null) {
                throw in.fail(pointer + "/state", "unknown alert state " + goQuote(state));
            }
            values.put("state", parsed);
        });
        for (String list : List.of("silencedBy", "inhibitedBy", "mutedBy")) {
            fields.put(list, () -> values.put(list, in.stringList(in.parser.currentToken(), pointer + "/" + list)));
        }
        readObject(in, token, pointer, fields);
        return new AlertStatus(
                required(in, (AlertState) values.get("state"), pointer + "/state"),
                stringList(values, "silencedBy"),
                stringList(values, "inhibitedBy"),
                stringList(values, "mutedBy"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Map<String, Object> values, String key) {
        return (List<String>) values.getOrDefault(key, List.of());
    }

    private AlertGroup readAlertGroup(JsonIn in, JsonToken token, String pointer) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Runnable> fields = new HashMap<>();
        fields.put("labels", () -> values.put("labels", in.labelSet(in.parser.currentToken(), pointer + "/labels")));
        fields.put(
                "receiver",
                () -> values.put("receiver", nameObject().read(in, in.parser.currentToken(), pointer + "/receiver")));
        fields.put(
                "alerts",
                () -> values.put(
                        "alerts",
                        readArray(in, in.parser.currentToken(), pointer + "/alerts", this::readGettableAlert)));
        readObject(in, token, pointer, fields);
        @SuppressWarnings("unchecked")
        List<GettableAlert> alerts = (List<GettableAlert>) values.getOrDefault("alerts", List.of());
        return new AlertGroup(
                (LabelSet) values.getOrDefault("labels", LabelSet.empty()),
                required(in, (String) values.get("receiver"), pointer + "/receiver"),
                alerts);
    }

    private Silence readSilence(JsonIn in, JsonToken token, String pointer) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Runnable> fields = silenceFields(in, pointer, values);
        fields.put("status", () -> {
            String[] state = {null};
            String at = pointer + "/status";
            readObject(
                    in,
                    in.parser.currentToken(),
                    at,
                    Map.of("state", () -> state[0] = in.requiredString(in.parser.currentToken(), at + "/state")));
            SilenceState parsed = SilenceState.ofWireName(required(in, state[0], at + "/state"));
            if (parsed == null) {
                throw in.fail(at + "/state", "unknown silence state " + goQuote(state[0]));
            }
            values.put("state", parsed);
        });
        readObject(in, token, pointer, fields);
        return new Silence(
                required(in, (String) values.get("id"), pointer + "/id"),
                matchers(values),
                required(in, (Instant) values.get("startsAt"), pointer + "/startsAt"),
                required(in, (Instant) values.get("endsAt"), pointer + "/endsAt"),
                (String) values.getOrDefault("createdBy", ""),
                (String) values.getOrDefault("comment", ""),
                required(in, (SilenceState) values.get("state"), pointer + "/status/state"),
                required(in, (Instant) values.get("updatedAt"), pointer + "/updatedAt"));
    }

    private PostableSilence readPostableSilence(JsonIn in) {
        Map<String, Object> values = new HashMap<>();
        readObject(in, in.next(), "", silenceFields(in, "", values));
        List<SilenceMatcher> matchers = matchers(values);
        Instant startsAt = required(in, (Instant) values.get("startsAt"), "/startsAt");
        Instant endsAt = required(in, (Instant) values.get("endsAt"), "/endsAt");
        if (matchers.isEmpty()) {
            throw in.fail("/matchers", "at least one matcher required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw in.fail("/endsAt", "end time must be after start time");
        }
        return new PostableSilence(
                (String) values.get("id"),
                matchers,
                startsAt,
                endsAt,
                (String) values.getOrDefault("createdBy", ""),
                (String) values.getOrDefault("comment", ""));
    }

    @SuppressWarnings("unchecked")
    private static List<SilenceMatcher> matchers(Map<String, Object> values) {
        return (List<SilenceMatcher>) values.getOrDefault("matchers", List.of());
    }

    private static Map<String, Runnable> silenceFields(JsonIn in, String pointer, Map<String, Object> values) {
        Map<String, Runnable> fields = new HashMap<>();
        for (String text : List.of("id", "createdBy", "comment")) {
            fields.put(
                    text, () -> putIfNotNull(values, text, in.string(in.parser.currentToken(), pointer + "/" + text)));
        }
        for (String time : List.of("startsAt", "endsAt", "updatedAt")) {
            fields.put(
                    time,
                    () -> putIfNotNull(values, time, in.timestamp(in.parser.currentToken(), pointer + "/" + time)));
        }
        fields.put(
                "matchers",
                () -> values.put(
                        "matchers",
                        readArray(
                                in, in.parser.currentToken(), pointer + "/matchers", AlertmanagerCodec::readMatcher)));
        return fields;
    }

    private static SilenceMatcher readMatcher(JsonIn in, JsonToken token, String pointer) {
        String[] text = {null, null};
        boolean[] flags = {false, true};
        Map<String, Runnable> fields = Map.of(
                "name", () -> text[0] = in.requiredString(in.parser.currentToken(), pointer + "/name"),
                "value", () -> text[1] = in.requiredString(in.parser.currentToken(), pointer + "/value"),
                "isRegex", () -> flags[0] = in.bool(in.parser.currentToken(), pointer + "/isRegex"),
                "isEqual", () -> flags[1] = in.bool(in.parser.currentToken(), pointer + "/isEqual"));
        readObject(in, token, pointer, fields);
        return new SilenceMatcher(
                required(in, text[0], pointer + "/name"),
                required(in, text[1], pointer + "/value"),
                flags[0],
                flags[1]);
    }

    private AlertmanagerStatus readStatus(JsonIn in) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Runnable> fields = new HashMap<>();
        fields.put(
                "cluster",
                () -> readObject(
                        in,
                        in.parser.currentToken(),
                        "/cluster",
                        Map.of(
                                "name",
                                        () -> putIfNotNull(
                                                values, "name", in.string(in.parser.currentToken(), "/cluster/name")),
                                "status",
                                        () -> values.put(
                                                "status",
                                                in.requiredString(in.parser.currentToken(), "/cluster/status")),
                                "peers",
                                        () -> values.put(
                                                "peers",
                                                readArray(
                                                        in,
                                                        in.parser.currentToken(),
                                                        "/cluster/peers",
                                                        AlertmanagerCodec::readPeer)))));
        fields.put(
                "config",
                () -> readObject(
                        in,
                        in.parser.currentToken(),
                        "/config",
                        Map.of(
                                "original",
                                () -> values.put(
                                        "original", in.requiredString(in.parser.currentToken(), "/config/original")))));
        fields.put("uptime", () -> putIfNotNull(values, "uptime", in.timestamp(in.parser.currentToken(), "/uptime")));
        fields.put(
                "versionInfo", () -> values.put("versionInfo", in.labelSet(in.parser.currentToken(), "/versionInfo")));
        readObject(in, in.next(), "", fields);
        @SuppressWarnings("unchecked")
        List<AlertmanagerStatus.Peer> peers = (List<AlertmanagerStatus.Peer>) values.getOrDefault("peers", List.of());
        return new AlertmanagerStatus(
                (String) values.getOrDefault("name", ""),
                required(in, (String) values.get("status"), "/cluster/status"),
                peers,
                required(in, (String) values.get("original"), "/config/original"),
                required(in, (Instant) values.get("uptime"), "/uptime"),
                ((LabelSet) values.getOrDefault("versionInfo", LabelSet.empty())).asMap());
    }

    private static AlertmanagerStatus.Peer readPeer(JsonIn in, JsonToken token, String pointer) {
        String[] text = {null, null};
        readObject(
                in,
                token,
                pointer,
                Map.of(
                        "name", () -> text[0] = in.requiredString(in.parser.currentToken(), pointer + "/name"),
                        "address", () -> text[1] = in.requiredString(in.parser.currentToken(), pointer + "/address")));
        return new AlertmanagerStatus.Peer(
                required(in, text[0], pointer + "/name"), required(in, text[1], pointer + "/address"));
    }

    private static Problem malformed(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return new Problem(-1, "", "malformed JSON: " + message, line, column);
    }

    // ---- writing -----------------------------------------------------------------------

    private interface BodyWriter {
        void write(JsonGenerator generator);
    }

    private static byte[] write(String what, BodyWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            write(out, what, writer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void write(OutputStream out, String what, BodyWriter writer) throws IOException {
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writer.write(generator);
        } catch (JacksonIOException e) {
            throw e.getCause();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void writeAlert(JsonGenerator generator, Alert alert, StringBuilder scratch) {
        generator.writeStartObject();
        generator.writeName("labels");
        writeLabelSet(generator, alert.labels());
        generator.writeName("annotations");
        writeLabelSet(generator, alert.annotations());
        writeTimestamp(generator, "startsAt", alert.startsAt(), scratch);
        writeTimestamp(generator, "endsAt", alert.endsAt(), scratch);
        if (alert.generatorUrl() != null) {
            generator.writeStringProperty("generatorURL", alert.generatorUrl());
        }
        generator.writeEndObject();
    }

    private static void writeGettableAlert(JsonGenerator generator, GettableAlert gettable) {
        StringBuilder scratch = new StringBuilder(32);
        Alert alert = gettable.alert();
        generator.writeStartObject();
        generator.writeName("annotations");
        writeLabelSet(generator, alert.annotations());
        writeTimestamp(generator, "endsAt", alert.endsAt(), scratch);
        generator.writeStringProperty("fingerprint", gettable.fingerprint());
        generator.writeName("receivers");
        generator.writeStartArray();
        for (String receiver : gettable.receivers()) {
            generator.writeStartObject();
            generator.writeStringProperty("name", receiver);
            generator.writeEndObject();
        }
        generator.writeEndArray();
        writeTimestamp(generator, "startsAt", alert.startsAt(), scratch);
        generator.writeName("status");
        generator.writeStartObject();
        writeStrings(generator, "inhibitedBy", gettable.status().inhibitedBy());
        writeStrings(generator, "mutedBy", gettable.status().mutedBy());
        writeStrings(generator, "silencedBy", gettable.status().silencedBy());
        generator.writeStringProperty("state", gettable.status().state().wireName());
        generator.writeEndObject();
        writeTimestamp(generator, "updatedAt", gettable.updatedAt(), scratch);
        if (alert.generatorUrl() != null) {
            generator.writeStringProperty("generatorURL", alert.generatorUrl());
        }
        generator.writeName("labels");
        writeLabelSet(generator, alert.labels());
        generator.writeEndObject();
    }

    private static void writeSilence(JsonGenerator generator, Silence silence) {
        generator.writeStartObject();
        generator.writeStringProperty("id", silence.id());
        generator.writeName("status");
        generator.writeStartObject();
        generator.writeStringProperty("state", silence.state().wireName());
        generator.writeEndObject();
        generator.writeStringProperty("updatedAt", Timestamps.format(silence.updatedAt()));
        generator.writeStringProperty("comment", silence.comment());
        generator.writeStringProperty("createdBy", silence.createdBy());
        generator.writeStringProperty("endsAt", Timestamps.format(silence.endsAt()));
        writeMatchers(generator, silence.matchers());
        generator.writeStringProperty("startsAt", Timestamps.format(silence.startsAt()));
        generator.writeEndObject();
    }

    private static void writeMatchers(JsonGenerator generator, List<SilenceMatcher> matchers) {
        generator.writeName("matchers");
        generator.writeStartArray();
        for (SilenceMatcher matcher : matchers) {
            generator.writeStartObject();
            generator.writeBooleanProperty("isEqual", matcher.isEqual());
            generator.writeBooleanProperty("isRegex", matcher.isRegex());
            generator.writeStringProperty("name", matcher.name());
            generator.writeStringProperty("value", matcher.value());
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    private static void writeStrings(JsonGenerator generator, String name, List<String> values) {
        generator.writeName(name);
        generator.writeStartArray();
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    private static void writeLabelSet(JsonGenerator generator, LabelSet labels) {
        generator.writeStartObject();
        for (Map.Entry<String, String> label : labels) {
            generator.writeName(label.getKey());
            generator.writeString(label.getValue());
        }
        generator.writeEndObject();
    }

    private static void writeTimestamp(JsonGenerator generator, String name, Instant time, StringBuilder scratch) {
        if (time != null) {
            scratch.setLength(0);
            Timestamps.format(time, scratch);
            generator.writeName(name);
            generator.writeString(scratch.toString());
        }
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
