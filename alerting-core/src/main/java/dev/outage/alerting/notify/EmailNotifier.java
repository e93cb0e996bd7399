package dev.outage.alerting.notify;

import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.Secret;
import dev.outage.alerting.notify.internal.SmtpConversation;
import dev.outage.alerting.notify.internal.SmtpCredentials;
import dev.outage.alerting.notify.template.Template;
import dev.outage.alerting.notify.template.TemplateData;
import dev.outage.alerting.notify.template.TemplateException;
import dev.outage.alerting.notify.template.TemplateSet;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sends notification emails for one {@code email_configs} entry over SMTP (Jakarta Mail on
 * Eclipse Angus), as Alertmanager 0.25 does, with three differences: a rejection at the end of
 * DATA is a failure, transient failures are retried with backoff, and a plain-text part is
 * added next to the HTML one unless {@code text} is set.
 *
 * <pre>{@code
 * EmailNotifier notifier = EmailNotifier.builder(receiver.emailConfigs().get(0)).build();
 * DeliveryResult result = notifier.send(TemplateData.of("ops", groupLabels, alerts, ""));
 * if (result instanceof DeliveryResult.Failed failed) {
 *     System.err.println(failed.kind() + ": " + failed.reason());
 * }
 * }</pre>
 *
 * <p>Connection: port 465 (or {@link Builder#forceImplicitTls}) speaks TLS from the start; else
 * {@code require_tls} makes STARTTLS mandatory (a server that does not offer it fails with
 * {@link FailureKind#TLS}). {@code tls_config} sets the trusted CAs, client certificate, server
 * name and {@code insecure_skip_verify}. AUTH runs when {@code auth_username} is set and the
 * server offers AUTH: the first of the server's mechanisms among CRAM-MD5 (needs
 * {@code auth_secret}), PLAIN and LOGIN (need {@code auth_password} or
 * {@code auth_password_file}, read at each send without its trailing line break).
 *
 * <p>Instances are immutable and thread-safe; {@link #send} blocks for the SMTP conversation and
 * the backoff waits. Secrets never appear in results, exceptions or logs.
 */
public final class EmailNotifier {

    private final EmailConfig config;
    private final Template to;
    private final Template from;
    private final Map<String, Template> headers;
    private final Template text;
    private final Template html;
    private final RetryPolicy retryPolicy;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final boolean implicitTls;
    private final Duration timeout;

    private EmailNotifier(Builder builder, TemplateSet templates) throws TemplateException {
        this.config = builder.config;
        this.to = templates.compile("email_configs.to", config.to());
        this.from = templates.compile("email_configs.from", config.from());
        Map<String, Template> compiled = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : defaultedHeaders(config).entrySet()) {
            compiled.put(
                    checkHeaderName(header.getKey()),
                    templates.compile("email_configs.headers." + header.getKey(), header.getValue()));
        }
        this.headers = compiled;
        String textSource = config.text().isEmpty() ? "{{ template \"email.default.text\" . }}" : config.text();
        this.text = templates.compile("email_configs.text", textSource);
        this.html = templates.compile("email_configs.html", config.html());
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.implicitTls = builder.forceImplicitTls || config.smarthost().port().equals("465");
        this.timeout = builder.timeout;
    }

    /** Returns a builder for a notifier of the given email configuration. */
    public static Builder builder(EmailConfig config) {
        return new Builder(config);
    }

    private static Map<String, String> defaultedHeaders(EmailConfig config) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Subject", "{{ template \"email.default.subject\" . }}");
        all.put("To", config.to());
        all.put("From", config.from());
        Map<String, String> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        written.putAll(config.headers());
        all.keySet().removeIf(written::containsKey);
        all.putAll(written);
        return all;
    }

    private static String checkHeaderName(String name) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException(
                    "email header name is not valid: '" + name.replaceAll("[\\r\\n]", "?") + "'");
        }
        return name;
    }

    /** Returns the configuration this notifier sends with. */
    public EmailConfig config() {
        return config;
    }

    /** Returns whether the connection uses TLS from the start (port 465 or forced). */
    public boolean implicitTls() {
        return implicitTls;
    }

    /**
     * Renders the email for the data: addresses, headers (CR and LF replaced by spaces, so that
     * no value can start a new header) and bodies.
     *
     * @throws TemplateException when a template fails on this data
     * @throws AddressException when {@code from} is not exactly one address or {@code to} is no address list
     */
    public RenderedEmail render(TemplateData data) throws TemplateException, AddressException {
        InternetAddress[] senders = InternetAddress.parse(oneLine(from.render(data)), true);
        if (senders.length != 1) {
            throw new AddressException("must be exactly one from address, got " + senders.length);
        }
        List<String> recipients = new ArrayList<>();
        for (InternetAddress address : InternetAddress.parse(oneLine(to.render(data)), true)) {
            recipients.add(address.getAddress());
        }
        if (recipients.isEmpty()) {
            throw new AddressException("no recipient in to");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Template> header : headers.entrySet()) {
            values.put(header.getKey(), oneLine(header.getValue().render(data)));
        }
        return new RenderedEmail(senders[0].getAddress(), recipients, values, text.render(data), html.renderHtml(data));
    }

    private static String oneLine(String value) {
        return value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * Sends one notification for the data, retrying transient failures as the retry policy says.
     * Blocks until delivered, failed permanently, out of attempts, or interrupted (then the
     * result is a transient failure and the interrupt flag is set again).
     */
    public DeliveryResult send(TemplateData data) {
        RenderedEmail email;
        try {
            email = render(Objects.requireNonNull(data, "data"));
        } catch (TemplateException e) {
            return new DeliveryResult.Failed(FailureKind.MESSAGE, false, "template: " + e.getMessage(), 0);
        } catch (AddressException e) {
            return new DeliveryResult.Failed(FailureKind.MESSAGE, false, "address: " + e.getMessage(), 0);
        }
        return send(email);
    }

    /** Sends an already rendered email with retries; see {@link #send(TemplateData)}. */
    public DeliveryResult send(RenderedEmail email) {
        SmtpCredentials credentials;
        try {
            credentials = credentials();
        } catch (IOException e) {
            return new DeliveryResult.Failed(FailureKind.AUTH, false, e.getMessage(), 0);
        }
        DeliveryResult result = null;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            result = SmtpConversation.send(this, credentials, email, attempt);
            if (!(result instanceof DeliveryResult.Failed failed) || !failed.transientFailure()) {
                return result;
            }
            if (attempt < retryPolicy.maxAttempts()) {
                try {
                    sleeper.sleep(retryPolicy.backoffAfter(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result;
                }
            }
        }
        return result;
    }

    private SmtpCredentials credentials() throws IOException {
        String password = null;
        if (config.authPassword() != null && !config.authPassword().isEmpty()) {
            password = config.authPassword().reveal();
        } else if (!config.authPasswordFile().isEmpty()) {
            Path file = Path.of(config.authPasswordFile());
            try {
                password = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
            } catch (IOException e) {
                throw new IOException(
                        "reading auth_password_file " + file + ": "
                                + e.getClass().getSimpleName(),
                        e);
            }
        }
        Secret secret = config.authSecret();
        return new SmtpCredentials(
                config.authUsername(),
                config.authIdentity(),
                password == null ? null : Secret.of(password),
                secret == null || secret.isEmpty() ? null : secret);
    }

    /** Returns the clock for the Date header. */
    public Clock clock() {
        return clock;
    }

    /** Returns the connect and read timeout of each SMTP step. */
    public Duration timeout() {
        return timeout;
    }

    /** Builds an {@link EmailNotifier}; everything but the configuration has a default. */
    public static final class Builder {
        private final EmailConfig config;
        private TemplateSet templates = TemplateSet.defaults();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private boolean forceImplicitTls;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(EmailConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Sets the template definitions (default: {@link TemplateSet#defaults()}). */
        public Builder templates(TemplateSet templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /** Sets the retry policy for transient failures (default: {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Sets how backoff waits are done (default: {@link Thread#sleep(long)}). */
        public Builder sleeper(RetryPolicy.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Sets the clock for the Date header (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Makes the connection TLS from the start on any port, like port 465 (default: false). */
        public Builder forceImplicitTls(boolean forceImplicitTls) {
            this.forceImplicitTls = forceImplicitTls;
            return this;
        }

        /** Sets the connect and read timeout of each SMTP step (default: 30 s). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Returns the notifier.
         *
         * @throws TemplateException when a header, body, {@code to} or {@code from} template is
         *     outside the supported subset or calls an undefined template
         * @throws IllegalArgumentException when a header name is not a valid header name
         */
        public EmailNotifier build() throws TemplateException {
            return new EmailNotifier(this, templates);
        }
    }
}
