package dev.outage.nix.rules;

import static dev.outage.nix.rules.NixAuditFixture.darwinModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherNixRulesTest {

    @Test
    void depsOnADarwinActivationScriptPointsAtDeps() {
        List<Finding> findings = darwinModule("""
                {
                  system.activationScripts.postActivation = {
                    text = "echo";
                    deps = [ "etc" ];
                  };
                }
                """).findings("darwin-activation-deps-unsupported");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.location().column()).isEqualTo(5);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("does not exist on nix-darwin");
        });
    }

    @Test
    void depsOnNixosAreFine() {
        assertThat(new NixAuditFixture()
                        .file("flake.nix", NixAuditFixture.NIXOS_FLAKE)
                        .file("module.nix", "{ system.activationScripts.foo = { text = \"x\"; deps = [ ]; }; }")
                        .findings("darwin-activation-deps-unsupported"))
                .isEmpty();
    }

    @Test
    void pipUserInstallInLaunchdArgumentsPointsAtPip() {
        String module = """
                {
                  launchd.user.agents.webui.serviceConfig.ProgramArguments = [
                    "/bin/sh" "-c" "pip3 install --user open-webui && open-webui serve"
                  ];
                }
                """;

        List<Finding> findings = darwinModule(module).findings("pip-user-install");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.location().column()).isEqualTo(21);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("launchd.user.agents.webui.serviceConfig.ProgramArguments");
        });
    }

    @Test
    void pipUserInstallInEveryShellPlace() {
        String module = """
                { pkgs, lib, ... }:
                let
                  updater = pkgs.writeShellScript "update" ''
                    python3 -m pip install --upgrade --user sqlalchemy
                  '';
                in {
                  systemd.services.webui.serviceConfig.ExecStart = "${pkgs.bash}/bin/bash -c 'pip install --user x'";
                  systemd.services.webui.script = ''
                    pip install -r requirements.txt --user
                  '';
                  system.activationScripts.postActivation.text = lib.mkAfter ''
                    sudo -u bob pip3.11 install --user --break-system-packages tool
                  '';
                }
                """;

        List<Finding> findings = new NixAuditFixture().file("m.nix", module).findings("pip-user-install");

        assertThat(findings).extracting(f -> f.location().line()).containsExactly(4, 7, 9, 12);
    }

    @Test
    void pipWithoutUserDocumentationAndCommentsAreFine() {
        String module = """
                { lib, ... }: {
                  options.x = lib.mkOption { description = "Never run pip install --user here."; };
                  config.systemd.services.a.script = ''
                    # do not: pip install --user foo
                    pip install --target /opt/a foo
                    uv tool install open-webui
                  '';
                }
                """;

        assertThat(new NixAuditFixture().file("m.nix", module).findings("pip-user-install"))
                .isEmpty();
    }

    @Test
    void pipUserInstallInShellScripts() {
        List<Finding> findings = new NixAuditFixture()
                .shell("bin/update.sh", "#!/bin/sh\nset -e\npip install --user -U open-webui\n")
                .findings("pip-user-install");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("bin/update.sh");
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.location().column()).isEqualTo(1);
        });
    }

    @Test
    void nixPrometheusRulesWithoutAlertmanager() {
        List<Finding> findings =
                new NixAuditFixture().file("prom.nix", """
                        {
                          services.prometheus = {
                            enable = true;
                            rules = [ "groups: []" ];
                          };
                        }
                        """).findings("prometheus-rules-without-alertmanager");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.location().column()).isEqualTo(5);
        });
    }

    @Test
    void nixPrometheusPointingAtGrafanaIsNotAReceiver() {
        List<Finding> findings = new NixAuditFixture().file("prom.nix", """
                        {
                          services.prometheus.ruleFiles = [ ./alerts.yml ];
                          services.prometheus.alertmanagers = [
                            { static_configs = [ { targets = [ "127.0.0.1:3000" ]; } ]; }
                          ];
                        }
                        """).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("alertmanager-target-not-receiver");
            assertThat(f.location().line()).isEqualTo(4);
        });
    }

    @Test
    void nixPrometheusWithAlertmanagerIsFine() {
        assertThat(new NixAuditFixture().file("prom.nix", """
                                {
                                  services.prometheus.rules = [ "x" ];
                                  services.prometheus.alertmanagers = [
                                    { static_configs = [ { targets = [ "127.0.0.1:9093" ]; } ]; }
                                  ];
                                }
                                """).findings()).isEmpty();
    }
}
