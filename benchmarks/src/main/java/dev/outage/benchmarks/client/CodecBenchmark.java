package dev.outage.benchmarks.client;

import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.DecodedAlerts;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.model.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Decoding and encoding of a {@code POST /api/v2/alerts} body against the ceiling of Jackson's
 * own token stream over the same bytes, in the same run.
 *
 * <p>{@code tokensOnly} walks the tokens without reading text; {@code tokensAndText} also
 * reads every name and string, which any decoder that builds strings must do. {@code
 * writeSameTokens} writes the recorded token stream of the body with Jackson's generator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    @Param({"100"})
    int alerts;

    private final AlertmanagerCodec codec = AlertmanagerCodec.standard();
    private List<Alert> sample;
    private byte[] body;
    private JsonToken[] tokens;
    private String[] texts;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);

    @Setup
    public void setUp() {
        sample = SampleAlerts.create(alerts, "DiskFull");
        body = codec.encodeAlerts(sample, Dialect.CANONICAL);
        List<JsonToken> tokenList = new ArrayList<>();
        List<String> textList = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                tokenList.add(token);
                textList.add(
                        token == JsonToken.PROPERTY_NAME
                                ? parser.currentName()
                                : token == JsonToken.VALUE_STRING ? parser.getString() : null);
            }
        }
        tokens = tokenList.toArray(new JsonToken[0]);
        texts = textList.toArray(new String[0]);
        DecodedAlerts check = codec.decodeAlerts(body);
        if (!check.isAccepted() || !check.alerts().equals(sample)) {
            throw new IllegalStateException("the sample does not round-trip: " + check.problems());
        }
    }

    /** Returns the body size, for MB/s figures. */
    public int bodyBytes() {
        return body.length;
    }

    @Benchmark
    public void tokensOnly(Blackhole sink) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                sink.consume(token);
            }
        }
    }

    @Benchmark
    public void tokensAndText(Blackhole sink) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    sink.consume(parser.currentName());
                } else if (token == JsonToken.VALUE_STRING) {
                    sink.consume(parser.getString());
                } else {
                    sink.consume(token);
                }
            }
        }
    }

    @Benchmark
    public DecodedAlerts decode() {
        return codec.decodeAlerts(body);
    }

    @Benchmark
    public int writeSameTokens() {
        out.reset();
        try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            for (int i = 0; i < tokens.length; i++) {
                switch (tokens[i]) {
                    case START_ARRAY -> generator.writeStartArray();
                    case END_ARRAY -> generator.writeEndArray();
                    case START_OBJECT -> generator.writeStartObject();
                    case END_OBJECT -> generator.writeEndObject();
                    case PROPERTY_NAME -> generator.writeName(texts[i]);
                    case VALUE_STRING -> generator.writeString(texts[i]);
                    default -> throw new IllegalStateException("unexpected token " + tokens[i]);
                }
            }
        }
        return out.size();
    }

    @Benchmark
    public int encode() throws IOException {
        out.reset();
        codec.encodeAlerts(sample, Dialect.CANONICAL, out);
        return out.size();
    }
}
