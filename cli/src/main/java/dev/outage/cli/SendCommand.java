package dev.outage.cli;

import dev.outage.alerting.client.AlertmanagerClient;
import dev.outage.alerting.client.PeerOutcome;
import dev.outage.alerting.client.SendResult;
import dev.outage.alerting.codec.AlertmanagerCodec;
import dev.outage.alerting.codec.Dialect;
import dev.outage.alerting.codec.Problem;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage send}: posts one alert to every given Alertmanager peer. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Sends one alert with the given labels to every Alertmanager peer, as Prometheus does, and prints"
                    + " each peer's answer.",
            "Exit 0: at least one peer accepted it; 1: none did; 2: bad usage or invalid labels."
        })
final class SendCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--alertmanager",
            paramLabel = "URL",
            required = true,
            description = "Alertmanager base URL, such as http://127.0.0.1:9093; repeat for each peer of a cluster.")
    List<String> alertmanagers;

    @Option(names = "--annotation", paramLabel = "K=V", description = "An annotation; repeatable.")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--generator-url", paramLabel = "URL", description = "Link back to what produced the alert.")
    String generatorUrl;

    @Option(
            names = "--ends-at",
            paramLabel = "RFC3339",
            description = "When the alert ends, such as 2026-01-02T15:04:05Z; a past time resolves it.")
    String endsAt;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            defaultValue = "canonical",
            description = "canonical (a JSON array, what Alertmanager and Prometheus speak) or grafana"
                    + " ({\"alerts\": [...]}, only for receivers that demand it). Default: ${DEFAULT-VALUE}.")
    String dialect;

    @Parameters(paramLabel = "K=V", arity = "1..*", description = "The alert's labels, such as alertname=DiskFull.")
    List<String> labels;

    @Override
    public Integer call() {
        Alert alert = alert();
        SendResult result;
        try (AlertmanagerClient client =
                AlertmanagerClient.builder().peers(peers()).dialect(dialect()).build()) {
            result = client.send(List.of(alert));
        } catch (IOException e) {
            throw CliException.usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (PeerOutcome outcome : result.outcomes()) {
            out.println(outcome.describe());
        }
        out.flush();
        if (!result.isSuccess()) {
            spec.commandLine().getErr().println("send: no Alertmanager accepted the alert");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private Alert alert() {
        LabelSet labelSet = LabelArguments.parse(labels, "label");
        Alert alert = Alert.builder(labelSet)
                .annotations(LabelArguments.parse(annotations, "annotation"))
                .endsAt(endsAt == null ? null : instant(endsAt))
                .generatorUrl(generatorUrl)
                .build();
        List<Problem> problems = AlertmanagerCodec.standard().validate(List.of(alert));
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            String field =
                    first.pointer().replaceFirst("^/0/", "").replace("~1", "/").replace("~0", "~");
            throw CliException.usage("invalid alert: " + field + ": " + first.message());
        }
        return alert;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw CliException.usage("--ends-at '" + text + "' is not an RFC 3339 time such as 2026-01-02T15:04:05Z");
        }
    }

    private List<URI> peers() {
        List<URI> peers = new ArrayList<>();
        for (String text : alertmanagers) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new URISyntaxException(text, "expected an absolute http or https URL");
                }
                peers.add(uri);
            } catch (URISyntaxException e) {
                String shown = text.replaceAll("//[^/@]*@", "//");
                throw CliException.usage("--alertmanager '" + shown + "' is not an http(s) URL: " + e.getReason());
            }
        }
        return peers;
    }

    private Dialect dialect() {
        return switch (dialect) {
            case "canonical" -> Dialect.CANONICAL;
            case "grafana" -> Dialect.WRAPPED;
            default -> throw CliException.usage("--dialect must be canonical or grafana, not '" + dialect + "'");
        };
    }
}
