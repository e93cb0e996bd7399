package dev.outage.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.model.Matcher;
import dev.outage.alerting.model.MatcherSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertmanagerConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsAlertmanagersDocumentedExample() throws Exception {
        Path file = Path.of(getClass().getResource("documented-example.yml").toURI());
        AlertmanagerConfig config = AlertmanagerConfigLoader.load(file).orElseThrow();

        assertThat(config.receivers())
                .extracting(Receiver::name)
                .containsExactly("team-X-mails", "team-X-pager", "team-Y-mails", "team-Y-pager", "team-DB-pager");
        assertThat(config.inhibitRules()).hasSize(1);
        assertThat(config.templates()).singleElement().asString().endsWith("templates/*.tmpl");
        assertThat(config.global().smtpSmarthost()).isEqualTo(new HostPort("localhost", "25"));
        EmailConfig mail = config.receivers().get(0).emailConfigs().get(0);
        assertThat(mail.from()).isEqualTo("alertmanager@example.org");
        assertThat(mail.authUsername()).isEqualTo("alertmanager");
        assertThat(mail.authPassword().reveal()).isEqualTo("password");
        assertThat(mail.requireTls()).isTrue();
        assertThat(config.receivers().get(1).otherIntegrations()).containsKey("pagerduty_configs");
        assertThat(config.route().groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.positionOf("global.smtp_auth_password"))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(6));
    }

    @Test
    void keepsScalarsAsWrittenWhereAlertmanagerReadsStrings() {
        AlertmanagerConfig config = AlertmanagerConfigLoader.parse("""
                        route:
                          receiver: 0500
                          routes:
                            - receiver: yes
                              match: {code: 1e3, flag: no}
                        receivers: [{name: 0500}, {name: yes}]
                        """, "s.yml").orElseThrow();
        assertThat(config.route().receiver()).isEqualTo("0500");
        assertThat(config.route().routes().get(0).receiver()).isEqualTo("yes");
        assertThat(config.route().routes().get(0).match())
                .containsEntry("code", "1e3")
                .containsEntry("flag", "no");
    }

    @Test
    void neverPrintsSecrets() {
        AlertmanagerConfig config = AlertmanagerConfigLoader.parse("""
                        global: {smtp_smarthost: 'h:25', smtp_from: a@b, smtp_auth_password: hunter2, slack_api_url: 'https://hooks.example/T0/S3CR3T'}
                        route: {receiver: r}
                        receivers:
                          - name: r
                            email_configs: [{to: x@y, auth_secret: cram-s3cret}]
                            webhook_configs: [{url: 'https://hook.example/t0k3n', http_config: {basic_auth: {username: u, password: pa55}}}]
                            pagerduty_configs: [{service_key: pd-k3y}]
                        """, "s.yml").orElseThrow();
        assertThat(config.toString())
                .doesNotContain("hunter2", "S3CR3T", "cram-s3cret", "t0k3n", "pa55", "pd-k3y")
                .contains("<secret>");
        assertThat(Secret.of("x")).hasToString("<secret>");
    }

    @Test
    void reportsEveryProblemWithFileLineColumnAndPath() {
        ConfigLoadResult result = AlertmanagerConfigLoader.parse("""
                route:
                  receiver: r
                  routes:
                    - receiver: r
                      group_wait: soon
                      colour: red
                receivers: [{name: r}]
                """, "bad.yml");
        assertThat(result).isInstanceOf(ConfigLoadResult.Rejected.class);
        assertThat(((ConfigLoadResult.Rejected) result).errors())
                .extracting(ConfigError::toString)
                .containsExactly(
                        // Alertmanager stops at the bad value and never reports the unknown field.
                        "bad.yml:5:19: not a valid duration string: \"soon\" (at route.routes[0].group_wait)",
                        "bad.yml:6:7: field colour not found in type config.plain (at route.routes[0].colour)");
    }

    @Test
    void reportsMalformedYamlWithItsPosition() {
        ConfigLoadResult result = AlertmanagerConfigLoader.parse("route:\n  receiver: r\n receivers:\n", "m.yml");
        ConfigError error = ((ConfigLoadResult.Rejected) result).errors().get(0);
        assertThat(error.position().line()).isEqualTo(3);
        // Go's YAML decoder counts a parser error's line from zero, so its reason names line 2.
        assertThat(error.message()).isEqualTo("yaml: line 2: did not find expected key");
    }

    @Test
    void resolvesAnchorsAndMergeKeys() {
        AlertmanagerConfig config = AlertmanagerConfigLoader.parse("""
                        route:
                          receiver: r
                          routes:
                            - &base {receiver: r, group_wait: 1m}
                            - <<: *base
                              continue: true
                        receivers: [{name: r}]
                        """, "a.yml").orElseThrow();
        assertThat(config.route().routes().get(1).groupWait()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.route().routes().get(1).continueMatching()).isTrue();
    }

    @Test
    void rejectsANullChildRouteThatCrashesAlertmanager() {
        ConfigLoadResult result =
                AlertmanagerConfigLoader.parse("route: {receiver: r, routes: [~]}\nreceivers: [{name: r}]\n", "n.yml");
        assertThat(((ConfigLoadResult.Rejected) result).errors())
                .extracting(ConfigError::toString)
                .containsExactly("n.yml:1:31: empty route in routes list (at route.routes[0])");
    }

    @Test
    void readsMatchersInTheChosenSyntax() {
        String yaml =
                "route:\n  receiver: r\n  routes: [{matchers: ['{\"service name\"=\"db\"}']}]\nreceivers: [{name: r}]\n";
        assertThat(AlertmanagerConfigLoader.parse(yaml, "u.yml", MatcherSyntax.UTF8)
                        .orElseThrow()
                        .route()
                        .routes()
                        .get(0)
                        .matchers())
                .extracting(Matcher::name)
                .containsExactly("service name");
        assertThat(AlertmanagerConfigLoader.parse(yaml, "u.yml", MatcherSyntax.CLASSIC))
                .isInstanceOf(ConfigLoadResult.Rejected.class);
    }

    @Test
    void failsWithTheFileNameWhenItCannotBeRead() {
        assertThatThrownBy(() -> AlertmanagerConfigLoader.load(dir.resolve("missing.yml")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.yml");
    }
}
