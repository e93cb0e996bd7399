package dev.outage.audit.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.audit.internal.YamlReader;
import dev.outage.nix.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerYamlCheckTest {

    private static List<Finding> check(String yaml) throws Exception {
        return new AlertmanagerYamlCheck().check("alertmanager.yml", YamlReader.read(yaml));
    }

    @Test
    void inlineGlobalAndReceiverPasswordsAreFoundWithoutRevealingThem() throws Exception {
        List<Finding> findings = check("""
                global:
                  smtp_smarthost: mail.smtp2go.com:587
                  smtp_auth_password: hunter2-secret
                route:
                  receiver: email
                receivers:
                  - name: email
                    email_configs:
                      - to: ops@example.org
                        auth_password: other-secret
                """);

        assertThat(findings).extracting(f -> f.location().line()).containsExactly(3, 10);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("smtp-password-inline");
            assertThat(f.toString() + f.hint()).doesNotContain("secret");
        });
        assertThat(findings.get(1).message()).contains("receiver 'email'");
    }

    @Test
    void passwordFilesAreFine() throws Exception {
        assertThat(check("""
                global:
                  smtp_auth_password_file: /run/secrets/smtp
                route:
                  receiver: email
                receivers:
                  - name: email
                    email_configs:
                      - to: ops@example.org
                        auth_password_file: /run/secrets/smtp
                """)).isEmpty();
    }

    @Test
    void environmentPlaceholdersAreNoInlinePassword() throws Exception {
        assertThat(check("""
                global:
                  smtp_auth_password: '${SMTP_PASSWORD}'
                route:
                  receiver: email
                receivers:
                  - name: email
                    email_configs:
                      - to: ops@example.org
                        auth_password: "$SMTP_PASSWORD"
                """)).isEmpty();
    }
}
