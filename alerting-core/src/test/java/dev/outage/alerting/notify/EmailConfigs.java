package dev.outage.alerting.notify;

import dev.outage.alerting.config.EmailConfig;
import dev.outage.alerting.config.HostPort;
import dev.outage.alerting.config.Secret;
import dev.outage.alerting.config.TlsConfig;
import java.util.Map;

/** Email configurations for tests, changed one field at a time. */
record EmailConfigs(EmailConfig config) {

    static EmailConfigs to(String host, int port) {
        return new EmailConfigs(new EmailConfig(
                "ops@example.org",
                "alertmanager@example.org",
                "outage.test",
                new HostPort(host, Integer.toString(port)),
                "",
                null,
                "",
                null,
                "",
                false,
                TlsConfig.defaults(),
                Map.of(),
                EmailConfig.DEFAULT_HTML,
                "",
                false));
    }

    EmailConfigs recipients(String to) {
        EmailConfig c = config;
        return new EmailConfigs(new EmailConfig(
                to,
                c.from(),
                c.hello(),
                c.smarthost(),
                c.authUsername(),
                c.authPassword(),
                c.authPasswordFile(),
                c.authSecret(),
                c.authIdentity(),
                c.requireTls(),
                c.tlsConfig(),
                c.headers(),
                c.html(),
                c.text(),
                c.sendResolved()));
    }

    EmailConfigs auth(String username, Secret password, String passwordFile, Secret secret) {
        EmailConfig c = config;
        return new EmailConfigs(new EmailConfig(
                c.to(),
                c.from(),
                c.hello(),
                c.smarthost(),
                username,
                password,
                passwordFile,
                secret,
                c.authIdentity(),
                c.requireTls(),
                c.tlsConfig(),
                c.headers(),
                c.html(),
                c.text(),
                c.sendResolved()));
    }

    EmailConfigs tls(boolean requireTls, TlsConfig tls) {
        EmailConfig c = config;
        return new EmailConfigs(new EmailConfig(
                c.to(),
                c.from(),
                c.hello(),
                c.smarthost(),
                c.authUsername(),
                c.authPassword(),
                c.authPasswordFile(),
                c.authSecret(),
                c.authIdentity(),
                requireTls,
                tls,
                c.headers(),
                c.html(),
                c.text(),
                c.sendResolved()));
    }

    EmailConfigs headers(Map<String, String> headers) {
        EmailConfig c = config;
        return new EmailConfigs(new EmailConfig(
                c.to(),
                c.from(),
                c.hello(),
                c.smarthost(),
                c.authUsername(),
                c.authPassword(),
                c.authPasswordFile(),
                c.authSecret(),
                c.authIdentity(),
                c.requireTls(),
                c.tlsConfig(),
                headers,
                c.html(),
                c.text(),
                c.sendResolved()));
    }

    static TlsConfig trusting(String caFile, String serverName) {
        return new TlsConfig(caFile, "", "", serverName, false, "", "");
    }

    static TlsConfig insecure() {
        return new TlsConfig("", "", "", "", true, "", "");
    }
}
