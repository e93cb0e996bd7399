package dev.outage.nix.rules;

import static dev.outage.nix.rules.NixAuditFixture.darwinModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import org.junit.jupiter.api.Test;

class ActivationSnippetRuleTest {

    private static final String MODULE = """
            { pkgs, lib, ... }: {
              system.activationScripts.postActivation.text = lib.mkAfter ''
                mkdir -p /var/lib/monitoring
                ${pkgs.coreutils}/bin/chown bob /var/lib/monitoring
              '';
              system.activationScripts.ollama-restart.text = ''
                launchctl kickstart -k gui/501/ollama
              '';
              system.activationScripts.launchd.text = lib.mkForce "";
            }
            """;

    private static final String ACTIVATE = """
            #!/nix/store/abc-bash/bin/bash
            set -e
            # postActivation
              mkdir -p /var/lib/monitoring
              /nix/store/xyz-coreutils-9.5/bin/chown bob /var/lib/monitoring

            ln -sfn "$(readlink -f "$systemConfig")" /run/current-system
            """;

    @Test
    void reportsSnippetsMissingFromTheBuiltScriptAndCountsThem() {
        NixAuditResult result = darwinModule(MODULE).activateScript(ACTIVATE).run();

        assertThat(result.findings().stream().filter(f -> f.ruleId().equals("activation-snippet-not-embedded")))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.location().line()).isEqualTo(6);
                    assertThat(f.message()).contains("ollama-restart").contains("result/activate");
                    assertThat(f.hint()).contains("launchctl kickstart -k gui/501/ollama");
                });
        assertThat(result.notes()).containsExactly("activation snippets: declared 2, embedded 1 (in result/activate)");
    }

    @Test
    void everySnippetEmbeddedGivesNoFinding() {
        NixAuditResult result = darwinModule(MODULE.replace("ollama-restart", "preActivation"))
                .activateScript(ACTIVATE + "launchctl kickstart -k gui/501/ollama\n")
                .run();

        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("activation-snippet-not-embedded");
        assertThat(result.notes()).containsExactly("activation snippets: declared 2, embedded 2 (in result/activate)");
    }
}
