package dev.outage.cli;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.AlertmanagerConfigLoader;
import dev.outage.alerting.config.ConfigLoadResult;
import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.Receiver;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.notify.RetryPolicy;
import dev.outage.alerting.notify.template.TemplateAlert;
import dev.outage.alerting.notify.template.TemplateData;
import dev.outage.alerting.notify.template.TemplateException;
import dev.outage.alerting.notify.template.TemplateSet;
import dev.outage.alerting.route.Route;
import dev.outage.alerting.route.RouteTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outage notify}: sends one real notification through the routed receivers' email configs. */
@Command(
        name = "notify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Routes an alert with the given labels through alertmanager.yml (or straight to --receiver) and"
                    + " sends one real email notification now through every email_configs entry, printing what"
                    + " was sent to whom.",
            "Exit 0: every notification delivered; 1: a delivery failed (with the SMTP answer) or nothing"
                    + " could be sent; 2: bad usage or an invalid configuration (file:line:column: reason)."
        })
final class NotifyCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--config.file", paramLabel = "FILE", required = true, description = "alertmanager.yml to use.")
    Path configFile;

    @Option(names = "--receiver", paramLabel = "NAME", description = "Sends to this receiver instead of routing.")
    String receiverName;

    @Option(
            names = "--annotation",
            paramLabel = "K=V",
            description = "An annotation of the alert (repeatable), such as summary=\"disk full\".")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--resolved", description = "Sends the alert as resolved instead of firing.")
    boolean resolved;

    @Option(
            names = "--attempts",
            paramLabel = "N",
            defaultValue = "1",
            description = "SMTP attempts for transient failures (default: ${DEFAULT-VALUE}, no retry).")
    int attempts;

    @Parameters(paramLabel = "K=V", description = "Labels of the alert, such as alertname=Test severity=page.")
    List<String> labels = new ArrayList<>();

    private record Target(String receiver, LabelSet groupLabels) {}

    @Override
    public Integer call() {
        if (attempts < 1) {
            throw CliException.usage("--attempts must be at least 1, got " + attempts);
        }
        LabelSet labelSet = LabelArguments.parse(labels, "label");
        if (labelSet.isEmpty()) {
            throw CliException.usage("give the alert at least one label, such as alertname=Test");
        }
        AlertmanagerConfig config = load();
        TemplateSet templates = templates(config);
        Instant now = Instant.now();
        Alert alert = Alert.builder(labelSet)
                .annotations(LabelArguments.parse(annotations, "annotation"))
                .startsAt(now.minusSeconds(resolved ? 60 : 0))
                .endsAt(resolved ? now : null)
                .build();
        PrintWriter out = spec.commandLine().getOut();
        int sent = 0;
        int failed = 0;
        for (Target target : targets(config, labelSet)) {
            Receiver receiver = config.receiver(target.receiver()).orElseThrow();
            if (receiver.emailConfigs().isEmpty()) {
                out.println("receiver " + receiver.name() + ": no email_configs, nothing sent"
                        + (receiver.hasIntegrations() ? " (only email is supported)" : ""));
                continue;
            }
            TemplateData data =
                    TemplateData.of(receiver.name(), target.groupLabels(), List.of(TemplateAlert.of(alert, now)), "");
            for (int i = 0; i < receiver.emailConfigs().size(); i++) {
                boolean ok = send(out, receiver, i, templates, data);
                sent += ok ? 1 : 0;
                failed += ok ? 0 : 1;
            }
        }
        out.flush();
        if (failed > 0) {
            return ExitCodes.FAILED;
        }
        if (sent == 0) {
            throw new CliException(
                    ExitCodes.FAILED, "nothing sent: no email integration on the receivers of this alert");
        }
        return ExitCodes.OK;
    }

    private boolean send(PrintWriter out, Receiver receiver, int index, TemplateSet templates, TemplateData data) {
        EmailConfig email = receiver.emailConfigs().get(index);
        String name = "receiver " + receiver.name() + " email_configs[" + index + "] via " + email.smarthost();
        EmailNotifier notifier;
        try {
            notifier = EmailNotifier.builder(email)
                    .templates(templates)
                    .retryPolicy(new RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(10)))
                    .build();
        } catch (TemplateException e) {
            throw CliException.usage(position(receiver) + ": receiver \"" + receiver.name() + "\" email_configs["
                    + index + "]: template " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(position(receiver) + ": receiver \"" + receiver.name() + "\": " + e.getMessage());
        }
        DeliveryResult result = notifier.send(data);
        if (result instanceof DeliveryResult.Delivered delivered) {
            out.println("sent " + name + " to " + String.join(", ", delivered.recipients()) + ": subject \""
                    + delivered.subject() + "\"; server: " + delivered.reply());
            return true;
        }
        DeliveryResult.Failed failure = (DeliveryResult.Failed) result;
        out.println("FAILED " + name + ": " + failure.kind() + (failure.transientFailure() ? " (transient)" : "") + ": "
                + failure.reason());
        return false;
    }

    private String position(Receiver receiver) {
        return configFile + ":" + receiver.position().line() + ":"
                + receiver.position().column();
    }

    private AlertmanagerConfig load() {
        ConfigLoadResult result;
        try {
            result = AlertmanagerConfigLoader.load(configFile);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + configFile + ": " + e.getMessage());
        }
        if (result instanceof ConfigLoadResult.Rejected rejected) {
            throw CliException.usage(rejected.errors().get(0).toString());
        }
        return result.orElseThrow();
    }

    private TemplateSet templates(AlertmanagerConfig config) {
        try {
            return TemplateSet.defaults().withGlobs(config.templates());
        } catch (IOException e) {
            throw CliException.usage("cannot read templates: " + e.getMessage());
        } catch (TemplateException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private List<Target> targets(AlertmanagerConfig config, LabelSet labels) {
        if (receiverName != null) {
            if (config.receiver(receiverName).isEmpty()) {
                throw CliException.usage("no receiver named \"" + receiverName + "\" in " + configFile);
            }
            return List.of(new Target(receiverName, labels));
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Route route : RouteTree.of(config).match(labels)) {
            LabelSet groupLabels = route.options().groupByAll()
                    ? labels
                    : labels.retain(route.options().groupBy());
            targets.putIfAbsent(
                    route.options().receiver(), new Target(route.options().receiver(), groupLabels));
        }
        return List.copyOf(targets.values());
    }
}
