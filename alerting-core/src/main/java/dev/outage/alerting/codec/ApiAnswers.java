package dev.outage.alerting.codec;

import dev.outage.alerting.codec.JsonIn.Failure;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;

/** Reads and writes what Alertmanager's API returns: alerts, groups, silences and status. */
final class ApiAnswers {

    private ApiAnswers() {}

    static List<GettableAlert> decodeGettableAlerts(byte[] body) throws CodecException {
        return read(body, "gettable alerts", in -> readArray(in, in.next(), "", ApiAnswers::readGettableAlert));
    }

    static List<AlertGroup> decodeAlertGroups(byte[] body) throws CodecException {
        return read(body, "alert groups", in -> readArray(in, in.next(), "", ApiAnswers::readAlertGroup));
    }

    static List<Silence> decodeSilences(byte[] body) throws CodecException {
        return read(body, "silences", in -> readArray(in, in.next(), "", ApiAnswers::readSilence));
    }

    static Silence decodeSilence(byte[] body) throws CodecException {
        return read(body, "silence", in -> readSilence(in, in.next(), ""));
    }

    static PostableSilence decodePostableSilence(byte[] body) throws CodecException {
        return read(body, "postable silence", ApiAnswers::readPostableSilence);
    }

    static String decodeSilenceId(byte[] body) throws CodecException {
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

    static AlertmanagerStatus decodeStatus(byte[] body) throws CodecException {
        return read(body, "status", ApiAnswers::readStatus);
    }

    static byte[] encodeSilence(PostableSilence silence) {
        return JsonOut.write("silence", generator -> {
            generator.writeStartObject();
            if (silence.id() != null) {
                generator.writeStringProperty("id", silence.id());
            }
            JsonOut.writeMatchers(generator, silence.matchers());
            generator.writeStringProperty("startsAt", Timestamps.format(silence.startsAt()));
            generator.writeStringProperty("endsAt", Timestamps.format(silence.endsAt()));
            generator.writeStringProperty("createdBy", silence.createdBy());
            generator.writeStringProperty("comment", silence.comment());
            generator.writeEndObject();
        });
    }

    static byte[] encodeGettableAlerts(List<GettableAlert> alerts) {
        return JsonOut.write("gettable alerts", generator -> {
            generator.writeStartArray();
            for (GettableAlert alert : alerts) {
                writeGettableAlert(generator, alert);
            }
            generator.writeEndArray();
        });
    }

    static byte[] encodeAlertGroups(List<AlertGroup> groups) {
        return JsonOut.write("alert groups", generator -> {
            generator.writeStartArray();
            for (AlertGroup group : groups) {
                generator.writeStartObject();
                generator.writeName("labels");
                JsonOut.writeLabelSet(generator, group.labels());
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

    static byte[] encodeSilences(List<Silence> silences) {
        return JsonOut.write("silences", generator -> {
            generator.writeStartArray();
            for (Silence silence : silences) {
                writeSilence(generator, silence);
            }
            generator.writeEndArray();
        });
    }

    static byte[] encodeStatus(AlertmanagerStatus status) {
        return JsonOut.write("status", generator -> {
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
            JsonOut.writeLabelSet(generator, LabelSet.of(status.versionInfo()));
            generator.writeEndObject();
        });
    }

    interface BodyReader<T> {
        T read(JsonIn in);
    }

    interface ElementReader<T> {
        T read(JsonIn in, JsonToken token, String pointer);
    }

    static <T> T read(byte[] body, String what, BodyReader<T> reader) throws CodecException {
        Objects.requireNonNull(body, "body");
        try (JsonParser parser = JsonIn.FACTORY.createParser(ObjectReadContext.empty(), body)) {
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

    static <T> List<T> readArray(JsonIn in, JsonToken token, String pointer, ElementReader<T> element) {
        in.expect(token, JsonToken.START_ARRAY, pointer, "an array");
        List<T> list = new ArrayList<>();
        while ((token = in.next()) != JsonToken.END_ARRAY) {
            list.add(element.read(in, token, pointer + "/" + list.size()));
        }
        return list;
    }

    /** Reads the properties of an object into a map from name to a reader of its value. */
    static void readObject(JsonIn in, JsonToken token, String pointer, Map<String, Runnable> fields) {
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

    static <T> T required(JsonIn in, T value, String pointer) {
        if (value == null) {
            throw in.fail(pointer, "required field missing");
        }
        return value;
    }

    static GettableAlert readGettableAlert(JsonIn in, JsonToken token, String pointer) {
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

    static void putIfNotNull(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /** Returns a reader of {@code {"name": "..."}} objects, as receivers are written. */
    static ElementReader<String> nameObject() {
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

    static AlertStatus readAlertStatus(JsonIn in, JsonToken token, String pointer) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Runnable> fields = new HashMap<>();
        fields.put("state", () -> {
            String state = in.requiredString(in.parser.currentToken(), pointer + "/state");
            AlertState parsed = AlertState.ofWireName(state);
            if (parsed == null) {
                throw in.fail(pointer + "/state", "unknown alert state " + AlertmanagerCodec.goQuote(state));
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
    static List<String> stringList(Map<String, Object> values, String key) {
        return (List<String>) values.getOrDefault(key, List.of());
    }

    static AlertGroup readAlertGroup(JsonIn in, JsonToken token, String pointer) {
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
                        readArray(in, in.parser.currentToken(), pointer + "/alerts", ApiAnswers::readGettableAlert)));
        readObject(in, token, pointer, fields);
        @SuppressWarnings("unchecked")
        List<GettableAlert> alerts = (List<GettableAlert>) values.getOrDefault("alerts", List.of());
        return new AlertGroup(
                (LabelSet) values.getOrDefault("labels", LabelSet.empty()),
                required(in, (String) values.get("receiver"), pointer + "/receiver"),
                alerts);
    }

    static Silence readSilence(JsonIn in, JsonToken token, String pointer) {
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
                throw in.fail(at + "/state", "unknown silence state " + AlertmanagerCodec.goQuote(state[0]));
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

    static PostableSilence readPostableSilence(JsonIn in) {
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
    static List<SilenceMatcher> matchers(Map<String, Object> values) {
        return (List<SilenceMatcher>) values.getOrDefault("matchers", List.of());
    }

    static Map<String, Runnable> silenceFields(JsonIn in, String pointer, Map<String, Object> values) {
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
                        readArray(in, in.parser.currentToken(), pointer + "/matchers", ApiAnswers::readMatcher)));
        return fields;
    }

    static SilenceMatcher readMatcher(JsonIn in, JsonToken token, String pointer) {
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

    static AlertmanagerStatus readStatus(JsonIn in) {
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
                                                        ApiAnswers::readPeer)))));
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

    static AlertmanagerStatus.Peer readPeer(JsonIn in, JsonToken token, String pointer) {
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

    static Problem malformed(JacksonException e) {
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

    static void writeGettableAlert(JsonGenerator generator, GettableAlert gettable) {
        char[] scratch = new char[32];
        Alert alert = gettable.alert();
        generator.writeStartObject();
        generator.writeName("annotations");
        JsonOut.writeLabelSet(generator, alert.annotations());
        JsonOut.writeTimestamp(generator, JsonOut.ENDS_AT, alert.endsAt(), scratch);
        generator.writeStringProperty("fingerprint", gettable.fingerprint());
        generator.writeName("receivers");
        generator.writeStartArray();
        for (String receiver : gettable.receivers()) {
            generator.writeStartObject();
            generator.writeStringProperty("name", receiver);
            generator.writeEndObject();
        }
        generator.writeEndArray();
        JsonOut.writeTimestamp(generator, JsonOut.STARTS_AT, alert.startsAt(), scratch);
        generator.writeName("status");
        generator.writeStartObject();
        JsonOut.writeStrings(generator, "inhibitedBy", gettable.status().inhibitedBy());
        JsonOut.writeStrings(generator, "mutedBy", gettable.status().mutedBy());
        JsonOut.writeStrings(generator, "silencedBy", gettable.status().silencedBy());
        generator.writeStringProperty("state", gettable.status().state().wireName());
        generator.writeEndObject();
        JsonOut.writeTimestamp(generator, JsonOut.UPDATED_AT, gettable.updatedAt(), scratch);
        if (alert.generatorUrl() != null) {
            generator.writeStringProperty("generatorURL", alert.generatorUrl());
        }
        generator.writeName("labels");
        JsonOut.writeLabelSet(generator, alert.labels());
        generator.writeEndObject();
    }

    static void writeSilence(JsonGenerator generator, Silence silence) {
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
        JsonOut.writeMatchers(generator, silence.matchers());
        generator.writeStringProperty("startsAt", Timestamps.format(silence.startsAt()));
        generator.writeEndObject();
    }
}
