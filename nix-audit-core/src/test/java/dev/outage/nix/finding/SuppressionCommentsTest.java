package dev.outage.nix.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionCommentsTest {

    private static Finding at(String rule, int line) {
        return Rules.require(rule).at(new Location("f.nix", line, 3), "m", "");
    }

    @Test
    void commentOnTheLineOrTheLineAboveSuppressesTheNamedRules() {
        String text = """
                a = 1; # outage: ignore pip-user-install, smtp-password-inline
                # outage: ignore darwin-activation-deps-unsupported
                b = 2;
                c = 3;
                d = 4; // outage: ignore all
                """;
        List<Finding> findings = List.of(
                at("pip-user-install", 1),
                at("smtp-password-inline", 1),
                at("darwin-activation-script-never-runs", 1),
                at("darwin-activation-deps-unsupported", 3),
                at("darwin-activation-deps-unsupported", 4),
                at("crash-loop", 5));

        assertThat(SuppressionComments.apply("f.nix", text, findings))
                .extracting(f -> f.ruleId() + "@" + f.location().line())
                .containsExactly("darwin-activation-script-never-runs@1", "darwin-activation-deps-unsupported@4");
    }

    @Test
    void findingsOfOtherFilesAreKept() {
        Finding other = Rules.PIP_USER_INSTALL.at(new Location("g.nix", 1, 1), "m", "");

        assertThat(SuppressionComments.apply("f.nix", "# outage: ignore all\n", List.of(other)))
                .containsExactly(other);
    }

    @Test
    void rulesCatalogueHasTheStableIdsAndSeverities() {
        assertThat(Rules.require("darwin-activation-script-never-runs").severity())
                .isEqualTo(Severity.ERROR);
        assertThat(Rules.require("pip-user-install").severity()).isEqualTo(Severity.WARNING);
        assertThat(Rules.require("alertmanager-route-to-silent-receiver").severity())
                .isEqualTo(Severity.WARNING);
        assertThat(Rules.require("smtp-password-inline").severity()).isEqualTo(Severity.WARNING);
        assertThat(Rules.all()).extracting(Rule::id).doesNotHaveDuplicates().contains("crash-loop", "version-drift");
        assertThat(Rules.byId("no-such-rule")).isEmpty();
    }
}
