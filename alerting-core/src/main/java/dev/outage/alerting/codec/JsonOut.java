package dev.outage.alerting.codec;

import dev.outage.alerting.model.LabelSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.SerializedString;

/** Writing helpers over Jackson's generator, shared by the codec's writers. */
final class JsonOut {

    static final SerializableString LABELS = new SerializedString("labels");
    static final SerializableString ANNOTATIONS = new SerializedString("annotations");
    static final SerializableString STARTS_AT = new SerializedString("startsAt");
    static final SerializableString ENDS_AT = new SerializedString("endsAt");
    static final SerializableString UPDATED_AT = new SerializedString("updatedAt");
    static final SerializableString GENERATOR_URL = new SerializedString("generatorURL");

    private JsonOut() {}

    interface BodyWriter {
        void write(JsonGenerator generator);
    }

    static byte[] write(String what, BodyWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            write(out, what, writer);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    static void write(OutputStream out, String what, BodyWriter writer) throws IOException {
        try (JsonGenerator generator = JsonIn.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            writer.write(generator);
        } catch (JacksonIOException e) {
            throw e.getCause();
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    static void writeMatchers(JsonGenerator generator, List<SilenceMatcher> matchers) {
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

    static void writeStrings(JsonGenerator generator, String name, List<String> values) {
        generator.writeName(name);
        generator.writeStartArray();
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
    }

    static void writeLabelSet(JsonGenerator generator, LabelSet labels) {
        generator.writeStartObject();
        for (Map.Entry<String, String> label : labels) {
            generator.writeName(label.getKey());
            generator.writeString(label.getValue());
        }
        generator.writeEndObject();
    }

    static void writeTimestamp(JsonGenerator generator, SerializableString name, Instant time, char[] scratch) {
        if (time != null) {
            int length = Timestamps.format(time, scratch);
            generator.writeName(name);
            generator.writeString(scratch, 0, length);
        }
    }
}
