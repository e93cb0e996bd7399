package dev.outage.alerting.dispatch;

import dev.outage.alerting.config.AlertmanagerConfig;
import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.Receiver;
import dev.outage.alerting.model.Alert;
import dev.outage.alerting.model.LabelSet;
import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.notify.DeliveryResult;
import dev.outage.alerting.notify.EmailNotifier;
import dev.outage.alerting.notify.FailureKind;
import dev.outage.alerting.notify.RetryPolicy;
import dev.outage.alerting.notify.template.TemplateAlert;
import dev.outage.alerting.notify.template.TemplateData;
import dev.outage.alerting.notify.template.TemplateException;
import dev.outage.alerting.notify.template.TemplateSet;
import dev.outage.alerting.route.Inhibitor;
import dev.outage.alerting.route.Route;
import dev.outage.alerting.route.RouteTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes alerts to notifications with Alertmanager's semantics, without an Alertmanager:
 * aggregation groups per route and {@code group_by}, {@code group_wait}, {@code group_interval},
 * {@code repeat_interval}, resolved notifications, inhibition, mute and active time intervals,
 * silences, and a notification log so that an unchanged group is not re-sent before
 * {@code repeat_interval}.
 *
 * <pre>{@code
 * AlertmanagerConfig config = AlertmanagerConfigLoader.load(Path.of("alertmanager.yml")).orElseThrow();
 * try (Dispatcher dispatcher = Dispatcher.builder(config).stateDirectory(Path.of("/var/lib/app/alerts")).build()) {
 *     dispatcher.start(Duration.ofMillis(200));   // flush groups on a background thread
 *     dispatcher.receive(List.of(alert));
 * }
 * }</pre>
 *
 * <p>Time comes from the injected clock. {@link #tick()} flushes every group that is due at the
 * clock's instant and blocks while the notifications are sent; {@link #start(Duration)} calls
 * it periodically on one daemon thread. Tests drive a fixed clock and call {@link #tick()}.
 *
 * <p>Alerts without a start time start when received; alerts without an end time end after
 * the configuration's {@code resolve_timeout} unless sent again, as in Alertmanager. At most
 * {@code maxActiveAlerts} distinct alerts are kept; more are dropped and counted with
 * {@link DispatchListener#alertDropped}. A failed notification is counted and tried again at
 * the group's next flush. With a state directory, received alerts are journaled before
 * {@link #receive} returns, and the notification log and silences are written on every change,
 * so that after a crash a new dispatcher on the same directory neither loses a firing alert nor
 * repeats a notification that was sent.
 *
 * <p>Thread-safe. Only email integrations are built from the configuration; receivers'
 * other integrations (webhook, Slack...) are ignored unless supplied with
 * {@link Builder#integrations(Function)}.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final AlertmanagerConfig config;
    private final RouteTree routes;
    private final Inhibitor inhibitor;
    private final Clock clock;
    private final DispatchListener listener;
    private final Map<String, List<Integration>> integrations;
    private final int maxActiveAlerts;
    private final String externalUrl;
    private final Duration resolveTimeout;
    private final StateStore store;

    private final Object lock = new Object();
    private final ReentrantLock flushLock = new ReentrantLock();
    private final Map<Long, Active> alerts = new HashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Silence> silences = new LinkedHashMap<>();
    private final NotificationLog log;
    private Thread ticker;
    private volatile boolean closed;

    /** An alert and the groups holding it. */
    private static final class Active {
        Alert alert;
        final List<Group> groups = new ArrayList<>(1);

        Active(Alert alert) {
            this.alert = alert;
        }
    }

    /** An aggregation group: the alerts of one route with the same group labels. */
    private static final class Group {
        final String key;
        final Route route;
        final LabelSet labels;
        final Map<Long, Alert> alerts = new LinkedHashMap<>();
        Instant nextFlush;
        boolean flushed;

        Group(String key, Route route, LabelSet labels, Instant nextFlush) {
            this.key = key;
            this.route = route;
            this.labels = labels;
            this.nextFlush = nextFlush;
        }
    }

    private Dispatcher(Builder builder, Map<String, List<Integration>> integrations, StateStore store)
            throws IOException {
        this.config = builder.config;
        this.routes = RouteTree.of(config);
        this.inhibitor = Inhibitor.of(config.inhibitRules());
        this.clock = builder.clock;
        this.listener = builder.listener;
        this.integrations = integrations;
        this.maxActiveAlerts = builder.maxActiveAlerts;
        this.externalUrl = builder.externalUrl;
        this.resolveTimeout = config.global().resolveTimeout();
        this.store = store;
        this.log = new NotificationLog(store.loadLog());
        for (Silence silence : store.loadSilences()) {
            silences.put(silence.id(), silence);
        }
        List<Alert> journaled = store.loadAlerts();
        synchronized (lock) {
            for (Alert alert : journaled) {
                insert(alert, clock.instant());
            }
        }
    }

    /** Returns a builder for a dispatcher of the configuration. */
    public static Builder builder(AlertmanagerConfig config) {
        return new Builder(config);
    }

    /**
     * Accepts alerts: each goes into the aggregation group of every route it matches. Returns
     * how many were accepted; the others were dropped because the active-alert limit is reached
     * (counted by the listener). Does not block on notifications.
     *
     * @throws java.io.UncheckedIOException when the state directory cannot be written
     * @throws IllegalStateException after {@link #close()}
     */
    public int receive(Collection<Alert> batch) {
        if (closed) {
            throw new IllegalStateException("dispatcher is closed");
        }
        int accepted = 0;
        synchronized (lock) {
            Instant now = clock.instant();
            for (Alert alert : batch) {
                Alert normalized = normalize(Objects.requireNonNull(alert, "alert"), now);
                if (!alerts.containsKey(normalized.labels().fingerprint()) && alerts.size() >= maxActiveAlerts) {
                    listener.alertDropped(alert, "limit");
                    continue;
                }
                store.append(normalized);
                insert(normalized, now);
                listener.alertReceived(normalized);
                accepted++;
            }
            store.flush();
        }
        return accepted;
    }

    /** Accepts one alert; see {@link #receive(Collection)}. Returns whether it was accepted. */
    public boolean receive(Alert alert) {
        return receive(List.of(alert)) == 1;
    }

    private Alert normalize(Alert alert, Instant now) {
        Instant startsAt = alert.startsAt() == null ? now : alert.startsAt();
        Instant endsAt = alert.endsAt() == null ? now.plus(resolveTimeout) : alert.endsAt();
        if (startsAt == alert.startsAt() && endsAt == alert.endsAt()) {
            return alert;
        }
        return new Alert(alert.labels(), alert.annotations(), startsAt, endsAt, alert.generatorUrl());
    }

    private void insert(Alert alert, Instant now) {
        long fingerprint = alert.labels().fingerprint();
        Active active = alerts.get(fingerprint);
        if (active != null) {
            Alert old = active.alert;
            if (!old.isResolvedAt(now)
                    && old.startsAt() != null
                    && old.startsAt().isBefore(alert.startsAt())) {
                alert = new Alert(
                        alert.labels(), alert.annotations(), old.startsAt(), alert.endsAt(), alert.generatorUrl());
            }
            active.alert = alert;
            for (Group group : active.groups) {
                group.alerts.put(fingerprint, alert);
            }
            if (!active.groups.isEmpty()) {
                return;
            }
        } else {
            alerts.put(fingerprint, new Active(alert));
        }
        Active entry = alerts.get(fingerprint);
        for (Route route : routes.match(alert.labels())) {
            LabelSet groupLabels = route.options().groupByAll()
                    ? alert.labels()
                    : alert.labels().retain(route.options().groupBy());
            String key = route.id() + ":" + groupLabels;
            Group group = groups.computeIfAbsent(
                    key,
                    k -> new Group(
                            k, route, groupLabels, now.plus(route.options().groupWait())));
            if (group.alerts.put(fingerprint, alert) == null) {
                entry.groups.add(group);
            }
            // like Alertmanager: an alert that started more than group_wait ago is not held back
            if (!group.flushed
                    && !alert.startsAt().plus(route.options().groupWait()).isAfter(now)) {
                group.nextFlush = now;
            }
        }
    }

    /**
     * Flushes every aggregation group that is due at the clock's instant: sends what the
     * notification log says is needed and forgets resolved alerts that were notified. Blocks
     * while notifications are sent; concurrent calls run one after the other.
     */
    public void tick() {
        flushLock.lock();
        try {
            Instant now = clock.instant();
            List<Flush> due = new ArrayList<>();
            synchronized (lock) {
                List<Alert> all = null;
                for (Group group : groups.values()) {
                    if (!group.nextFlush.isAfter(now)) {
                        if (all == null) {
                            // one snapshot a tick: inhibition looks at every alert
                            all = config.inhibitRules().isEmpty()
                                    ? List.of()
                                    : alerts.values().stream().map(a -> a.alert).toList();
                        }
                        due.add(new Flush(group, List.copyOf(group.alerts.values()), all));
                        group.nextFlush = now.plus(group.route.options().groupInterval());
                        group.flushed = true;
                    }
                }
            }
            for (Flush flush : due) {
                boolean ok = notify(flush, now);
                synchronized (lock) {
                    finish(flush, ok, now);
                }
            }
            synchronized (lock) {
                if (store.isPersistent() && store.journalLines() > 2L * alerts.size() + 10_000) {
                    store.compact(alerts.values().stream().map(a -> a.alert).toList());
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    private record Flush(Group group, List<Alert> alerts, List<Alert> all) {}

    private boolean notify(Flush flush, Instant now) {
        Group group = flush.group();
        String receiver = group.route.options().receiver();
        List<Alert> visible;
        synchronized (lock) {
            if (routes.isMuted(group.route, now)) {
                return true;
            }
            visible = unmuted(flush.alerts(), flush.all(), now);
        }
        if (visible.isEmpty()) {
            return true;
        }
        boolean ok = true;
        for (Integration integration : integrations.getOrDefault(receiver, List.of())) {
            ok &= notify(group, receiver, integration, visible, now);
        }
        return ok;
    }

    private List<Alert> unmuted(List<Alert> candidates, List<Alert> all, Instant now) {
        List<Alert> visible = new ArrayList<>(candidates.size());
        for (Alert alert : candidates) {
            boolean silenced = silences.values().stream().anyMatch(s -> s.mutes(alert.labels(), now));
            if (!silenced && (all.isEmpty() || !inhibitor.isInhibited(alert.labels(), all, now))) {
                visible.add(alert);
            }
        }
        return visible;
    }

    private boolean notify(Group group, String receiver, Integration integration, List<Alert> visible, Instant now) {
        Set<Long> firing = new HashSet<>();
        Set<Long> resolved = new HashSet<>();
        for (Alert alert : visible) {
            (alert.isResolvedAt(now) ? resolved : firing).add(alert.labels().fingerprint());
        }
        String logKey = group.key + "|" + receiver + "/" + integration.name();
        NotificationLog.Entry entry;
        synchronized (lock) {
            entry = log.get(logKey);
        }
        if (!NotificationLog.needsUpdate(
                entry,
                firing,
                resolved,
                integration.sendResolved(),
                group.route.options().repeatInterval(),
                now)) {
            return true;
        }
        List<Alert> sent = integration.sendResolved()
                ? visible
                : visible.stream().filter(a -> !a.isResolvedAt(now)).toList();
        if (!sent.isEmpty()) {
            List<TemplateAlert> view =
                    sent.stream().map(a -> TemplateAlert.of(a, now)).toList();
            DeliveryResult result = send(integration, TemplateData.of(receiver, group.labels, view, externalUrl));
            if (result instanceof DeliveryResult.Failed failed) {
                listener.notificationFailed(receiver, integration.name(), failed.kind(), failed.reason());
                return false;
            }
            listener.notificationSent(receiver, integration.name(), sent.size());
        }
        synchronized (lock) {
            log.put(logKey, new NotificationLog.Entry(firing, resolved, now));
            store.saveLog(log.entries());
        }
        return true;
    }

    private static DeliveryResult send(Integration integration, TemplateData data) {
        try {
            return integration.sender().send(data);
        } catch (RuntimeException e) {
            // a sender must not throw; if one does, it counts as a failed notification
            return new DeliveryResult.Failed(FailureKind.MESSAGE, false, "integration threw " + e, 0);
        }
    }

    private void finish(Flush flush, boolean ok, Instant now) {
        Group group = flush.group();
        if (ok) {
            for (Alert alert : flush.alerts()) {
                long fingerprint = alert.labels().fingerprint();
                Alert current = group.alerts.get(fingerprint);
                // forget alerts notified as resolved, unless they changed since the flush began
                if (current != null && current.isResolvedAt(now) && current.equals(alert)) {
                    group.alerts.remove(fingerprint);
                    release(fingerprint, group);
                }
            }
        }
        if (group.alerts.isEmpty()) {
            groups.remove(group.key);
        }
    }

    private void release(long fingerprint, Group group) {
        Active active = alerts.get(fingerprint);
        if (active != null && active.groups.remove(group) && active.groups.isEmpty()) {
            alerts.remove(fingerprint);
        }
    }

    /**
     * Creates a silence and returns it with its new id.
     *
     * @throws IllegalArgumentException when there is no matcher or the end is not after the start
     */
    public Silence createSilence(
            List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
        Silence silence = new Silence(UUID.randomUUID().toString(), matchers, startsAt, endsAt, createdBy, comment);
        synchronized (lock) {
            silences.put(silence.id(), silence);
            store.saveSilences(silences.values());
        }
        return silence;
    }

    /**
     * Expires a silence now: it ends at the clock's instant (or is removed when it had not
     * started). Returns false when no silence has that id.
     */
    public boolean expireSilence(String id) {
        synchronized (lock) {
            Silence silence = silences.get(id);
            if (silence == null) {
                return false;
            }
            Instant now = clock.instant();
            if (!silence.startsAt().isBefore(now)) {
                silences.remove(id);
            } else if (silence.endsAt().isAfter(now)) {
                silences.put(
                        id,
                        new Silence(
                                id,
                                silence.matchers(),
                                silence.startsAt(),
                                now,
                                silence.createdBy(),
                                silence.comment()));
            }
            store.saveSilences(silences.values());
            return true;
        }
    }

    /** Returns the silences, active, pending and expired. */
    public List<Silence> silences() {
        synchronized (lock) {
            return List.copyOf(silences.values());
        }
    }

    /** Returns the silences that mute the labels now. */
    public List<Silence> silencesMatching(LabelSet labels) {
        Instant now = clock.instant();
        synchronized (lock) {
            return silences.values().stream().filter(s -> s.mutes(labels, now)).toList();
        }
    }

    /** Returns the alerts held now, firing or resolved but not yet notified as resolved. */
    public List<Alert> alerts() {
        synchronized (lock) {
            return alerts.values().stream().map(a -> a.alert).toList();
        }
    }

    /** Returns the number of aggregation groups. */
    public int groupCount() {
        synchronized (lock) {
            return groups.size();
        }
    }

    /**
     * Starts a daemon thread that calls {@link #tick()} every {@code interval}; a failing tick
     * is retried at the next one.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        synchronized (lock) {
            if (ticker != null || closed) {
                throw new IllegalStateException("dispatcher already started or closed");
            }
            ticker = new Thread(() -> run(interval), "outage-dispatcher");
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    private void run(Duration interval) {
        while (!closed) {
            try {
                tick();
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("dispatcher tick failed: {}", e.toString());
            }
        }
    }

    /**
     * Stops the background thread, flushes the groups that are due, and closes the state files.
     * Groups still waiting keep their alerts in the state directory for the next start.
     */
    @Override
    public void close() throws IOException {
        Thread thread;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            thread = ticker;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tick();
        synchronized (lock) {
            store.close();
        }
    }

    /** Builds a {@link Dispatcher}; only the configuration is required. */
    public static final class Builder {
        private final AlertmanagerConfig config;
        private Clock clock = Clock.systemUTC();
        private DispatchListener listener = DispatchListener.none();
        private Path stateDirectory;
        private int maxActiveAlerts = 100_000;
        private String externalUrl = "";
        private TemplateSet templates;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Function<Receiver, List<Integration>> integrations;

        private Builder(AlertmanagerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Sets the clock (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the metrics listener (default: none). */
        public Builder listener(DispatchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Makes alerts, the notification log and silences survive restarts in this directory. */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
            return this;
        }

        /** Sets the most distinct alerts kept at once (default 100,000). */
        public Builder maxActiveAlerts(int maxActiveAlerts) {
            if (maxActiveAlerts < 1) {
                throw new IllegalArgumentException("maxActiveAlerts must be positive: " + maxActiveAlerts);
            }
            this.maxActiveAlerts = maxActiveAlerts;
            return this;
        }

        /** Sets the URL templates see as {@code .ExternalURL} (default: empty). */
        public Builder externalUrl(String externalUrl) {
            this.externalUrl = Objects.requireNonNull(externalUrl, "externalUrl");
            return this;
        }

        /**
         * Sets the template definitions for email (default: the built-in ones plus the files of
         * the configuration's {@code templates} setting).
         */
        public Builder templates(TemplateSet templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /** Sets the retry policy of the email notifiers (default: {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Replaces how a receiver's integrations are made (default: one {@link EmailNotifier}
         * per {@code email_configs} entry).
         */
        public Builder integrations(Function<Receiver, List<Integration>> integrations) {
            this.integrations = Objects.requireNonNull(integrations, "integrations");
            return this;
        }

        /**
         * Returns the dispatcher, with the alerts, log and silences of the state directory loaded.
         *
         * @throws TemplateException when an email template is outside the supported subset
         * @throws IOException when the state directory cannot be read or created
         */
        public Dispatcher build() throws TemplateException, IOException {
            if (templates == null) {
                templates = TemplateSet.defaults().withGlobs(config.templates());
            }
            Map<String, List<Integration>> byReceiver = new HashMap<>();
            for (Receiver receiver : config.receivers()) {
                byReceiver.put(
                        receiver.name(),
                        List.copyOf(integrations == null ? emails(receiver) : integrations.apply(receiver)));
            }
            StateStore store = stateDirectory == null ? StateStore.none() : StateStore.open(stateDirectory);
            return new Dispatcher(this, byReceiver, store);
        }

        private List<Integration> emails(Receiver receiver) throws TemplateException {
            List<Integration> out = new ArrayList<>();
            List<EmailConfig> configs = receiver.emailConfigs();
            for (int i = 0; i < configs.size(); i++) {
                EmailNotifier notifier = EmailNotifier.builder(configs.get(i))
                        .templates(templates)
                        .retryPolicy(retryPolicy)
                        .clock(clock)
                        .build();
                out.add(Integration.email(i, notifier));
            }
            return out;
        }
    }
}
