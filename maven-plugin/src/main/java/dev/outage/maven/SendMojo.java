package dev.outage.maven;

import dev.outage.alerting.client.AlertmanagerClient;
import dev.outage.alerting.client.SendResult;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.maven.internal.LabelPairs;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sends one alert to every given Alertmanager: a smoke test that the alert path of a deployment
 * works, run from a pipeline. Fails the build when no Alertmanager accepted the alert.
 *
 * <pre>{@code
 * mvn outage:send -Doutage.alertmanager=http://127.0.0.1:9093 \
 *     -Doutage.labels=alertname=DeploySmokeTest,severity=info
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "send", threadSafe = true, requiresProject = false)
public final class SendMojo extends AbstractMojo {

    /**
     * Alertmanager base URLs; the alert goes to each, as Prometheus sends to every peer. User
     * property {@code outage.alertmanager} (comma-separated); required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.alertmanager", required = true)
    private List<String> alertmanager;

    /**
     * The alert's labels as {@code NAME=VALUE}; a value may be double-quoted. User property
     * {@code outage.labels} (comma-separated); default {@code alertname=OutageSmokeTest}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.labels", defaultValue = "alertname=OutageSmokeTest")
    private List<String> labels;

    /**
     * The alert's annotations as {@code NAME=VALUE}. User property {@code outage.annotations}
     * (comma-separated); default none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "outage.annotations")
    private List<String> annotations;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Alert alert;
        List<URI> peers;
        try {
            LabelSet labelSet = LabelPairs.parse(labels, "label");
            LabelSet annotationSet = LabelPairs.parse(annotations == null ? List.of() : annotations, "annotation");
            alert = Alert.builder(labelSet).annotations(annotationSet).build();
            peers = alertmanager.stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(URI::create)
                    .toList();
            if (peers.isEmpty()) {
                throw new IllegalArgumentException("outage.alertmanager names no URL");
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("bad outage:send setup: " + e.getMessage(), e);
        }
        SendResult result;
        try (AlertmanagerClient client =
                AlertmanagerClient.builder().peers(peers).build()) {
            result = client.send(List.of(alert));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot set up the Alertmanager client: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Alertmanager would refuse this alert: " + e.getMessage(), e);
        }
        if (!result.isSuccess()) {
            throw new MojoFailureException("no Alertmanager accepted the alert: " + result.describe());
        }
        getLog().info("alert " + alert.labels() + " accepted: " + result.describe());
    }
}
