package dev.outage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.module.Platform;
import dev.outage.probe.spec.ProbeSpec;
import org.junit.jupiter.api.Test;

class WorkspaceConfigTest {

    @Test
    void readsPlatformSuppressionsAndProbes() throws Exception {
        WorkspaceConfig config = WorkspaceConfig.parse("outage.yml", """
                platform: darwin
                suppressions:
                  - rule: pip-user-install
                    path: "legacy/**"
                    reason: retired next month
                  - rule: smtp-password-inline
                probes:
                  venvs:
                    - path: /opt/open-webui
                      imports: [open_webui.main, greenlet]
                  http:
                    - url: http://127.0.0.1:8080/health
                  drift:
                    - running: http://127.0.0.1:11434/api/version#/version
                      installed: /opt/homebrew/bin/ollama
                  alertPath:
                    prometheus: http://127.0.0.1:9090
                """);

        assertThat(config.platform()).isEqualTo(Platform.DARWIN);
        assertThat(config.suppressions()).hasSize(2);
        assertThat(config.probes())
                .extracting(p -> p.spec().getClass().getSimpleName())
                .containsExactly("Venv", "Http", "Drift", "AlertPath");
        assertThat(((ProbeSpec.Venv) config.probes().get(0).spec()).imports())
                .containsExactly("open_webui.main", "greenlet");
        assertThat(config.probes().get(1).line()).isEqualTo(12);
        assertThat(config.probes().get(1).column()).isEqualTo(7);
    }

    @Test
    void suppressionMatchesRuleAndPathGlob() throws Exception {
        Suppression legacy = new Suppression("pip-user-install", "legacy/**", "");

        assertThat(legacy.suppresses(Rules.PIP_USER_INSTALL.at(new Location("legacy/a/b.nix", 1, 1), "m", "")))
                .isTrue();
        assertThat(legacy.suppresses(Rules.PIP_USER_INSTALL.at(new Location("modules/b.nix", 1, 1), "m", "")))
                .isFalse();
        assertThat(legacy.suppresses(Rules.SMTP_PASSWORD_INLINE.at(new Location("legacy/b.yml", 1, 1), "m", "")))
                .isFalse();
        assertThat(new Suppression("*", "**", "")
                        .suppresses(Rules.SMTP_PASSWORD_INLINE.at(new Location("x.yml", 1, 1), "m", "")))
                .isTrue();
    }

    @Test
    void unknownKeyIsAnErrorWithItsPosition() {
        assertThatThrownBy(() -> WorkspaceConfig.parse("outage.yml", "platform: darwin\nsupressions: []\n"))
                .isInstanceOf(WorkspaceConfigException.class)
                .hasMessage("outage.yml:2:1: unknown key 'supressions': expected platform, suppressions or probes");
    }

    @Test
    void badPlatformIsAnErrorWithItsPosition() {
        assertThatThrownBy(() -> WorkspaceConfig.parse("outage.yml", "platform: windows\n"))
                .isInstanceOf(WorkspaceConfigException.class)
                .hasMessageStartingWith("outage.yml:1:11: unknown platform 'windows'");
    }

    @Test
    void badProbeDeclarationIsAnErrorWithItsPosition() {
        assertThatThrownBy(() -> WorkspaceConfig.parse(
                        "outage.yml", "probes:\n  venvs:\n    - path: /v\n      imports: ['not a module']\n"))
                .isInstanceOf(WorkspaceConfigException.class)
                .hasMessageStartingWith("outage.yml:3:7: imports[0]: not a dotted module name");
        assertThatThrownBy(() -> WorkspaceConfig.parse("outage.yml", "probes:\n  ping: []\n"))
                .hasMessageStartingWith("outage.yml:2:3: unknown probe kind 'ping'");
    }

    @Test
    void suppressionWithoutRuleIsAnError() {
        assertThatThrownBy(() -> WorkspaceConfig.parse("outage.yml", "suppressions:\n  - path: a.nix\n"))
                .hasMessage("outage.yml:2:5: a suppression needs 'rule'");
    }

    @Test
    void yamlSyntaxErrorHasItsPosition() {
        assertThatThrownBy(() -> WorkspaceConfig.parse("outage.yml", "platform: [darwin\n"))
                .isInstanceOf(WorkspaceConfigException.class)
                .hasMessageStartingWith("outage.yml:");
    }
}
