package dev.outage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.module.Platform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceAuditTest {

    private static final String CUSTOM_SCRIPT =
            "{ homebrew.enable = true; system.activationScripts.foo.text = \"x\"; }\n";

    @TempDir
    Path root;

    private Path write(String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private AuditResult audit() throws AuditException {
        return new WorkspaceAudit().audit(AuditOptions.of(root));
    }

    private List<String> ruleIds() throws AuditException {
        return audit().report().findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void skipsGitResultBuildOutputAndDependencies() throws Exception {
        for (String dir : List.of(".git", "result", "target", "target-ci", "node_modules", "result-2")) {
            write(dir + "/m.nix", CUSTOM_SCRIPT);
        }
        write("hosts/m.nix", CUSTOM_SCRIPT);

        AuditResult result = audit();

        assertThat(result.report().findings())
                .extracting(f -> f.location().file())
                .containsExactly("hosts/m.nix");
        assertThat(result.report().filesScanned()).isEqualTo(1);
    }

    @Test
    void unparsablePrometheusConfigIsReportedAtTheProblemNotItsContext() throws Exception {
        write("prometheus.yml", "global:\n  scrape_interval: 15s\nrule_files:\n\t- alerts.yml\n");

        assertThat(audit().report().findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("file-unparsable");
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.message()).contains("cannot start any token").doesNotContain("while scanning");
        });
    }

    @Test
    void recognisesAConfigWhoseFirstKeyFollowsAByteOrderMark() throws Exception {
        write("prometheus.yml", "\uFEFFrule_files: [missing.yml]\n");

        assertThat(ruleIds()).containsExactly("prometheus-rules-without-alertmanager");
    }

    @Test
    void recognisesPrometheusAndAlertmanagerConfigsByContent() throws Exception {
        write("ops/scrape.yaml", "rule_files: [a.yml]\nscrape_configs: []\n");
        write("ops/am-main.yml", "route:\n  receiver: x\nreceivers:\n  - name: x\n");
        write("ops/other.yml", "name: not a config\n");

        assertThat(ruleIds())
                .containsExactlyInAnyOrder(
                        "prometheus-rules-without-alertmanager", "alertmanager-route-to-silent-receiver");
        assertThat(audit().report().filesScanned()).isEqualTo(2);
    }

    @Test
    void invalidAlertmanagerConfigCarriesAlertmanagersReasonAndPosition() throws Exception {
        write("alertmanager.yml", "route:\n  receiver: missing\nreceivers:\n  - name: email\n");

        List<Finding> findings = audit().report().findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("alertmanager-config-invalid");
            assertThat(f.message()).contains("undefined receiver \"missing\" used in route");
            assertThat(f.location().line()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void unparsableFilesAreFindingsNotCrashes() throws Exception {
        write("prometheus.yml", "rule_files: [a.yml\nscrape_configs: []\n");
        write("broken.nix", "{ a = ; }");

        List<Finding> findings = audit().report().findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly("file-unparsable", "file-unparsable");
        assertThat(findings).allSatisfy(f -> assertThat(f.location().line()).isPositive());
    }

    @Test
    void outageYmlSuppressesByRuleAndPathAndSetsThePlatform() throws Exception {
        write("legacy/m.nix", CUSTOM_SCRIPT);
        write("hosts/m.nix", CUSTOM_SCRIPT);
        write("shared/s.nix", "{ system.activationScripts.bar.text = \"x\"; }\n");
        String suppressions = """
                suppressions:
                  - rule: darwin-activation-script-never-runs
                    path: "legacy/**"
                """;
        write("outage.yml", suppressions);

        assertThat(audit().report().findings())
                .extracting(f -> f.location().file() + " " + f.severity().id())
                .containsExactly("hosts/m.nix error", "shared/s.nix warning");

        write("outage.yml", "platform: nixos\n" + suppressions);

        assertThat(audit().report().findings()).isEmpty();
    }

    @Test
    void commandLinePlatformOverridesOutageYml() throws Exception {
        write("shared/s.nix", "{ system.activationScripts.bar.text = \"x\"; }\n");
        write("outage.yml", "platform: nixos\n");

        AuditResult result = new WorkspaceAudit()
                .audit(new AuditOptions(List.of(root), Optional.empty(), Platform.DARWIN, Optional.empty(), false));

        assertThat(result.report().findings())
                .extracting(Finding::ruleId)
                .containsExactly("darwin-activation-script-never-runs");
    }

    @Test
    void suppressionCommentsWorkInYamlToo() throws Exception {
        write("prometheus.yml", "# outage: ignore prometheus-rules-without-alertmanager\nrule_files: [a.yml]\n");

        assertThat(ruleIds()).isEmpty();
    }

    @Test
    void flakeLockPicksThePhaseListByDate() throws Exception {
        write("m.nix", "{ homebrew.enable = true; system.activationScripts.postUserActivation.text = \"x\"; }\n");
        assertThat(ruleIds()).containsExactly("darwin-activation-script-never-runs");

        write("flake.lock", """
                {"nodes": {"darwin": {"locked": {"lastModified": 1700000000, "owner": "LnL7",
                 "repo": "nix-darwin", "rev": "abc", "type": "github"}}, "root": {}}, "root": "root", "version": 7}
                """);

        assertThat(ruleIds()).isEmpty();
    }

    @Test
    void liveProbesBecomeFindingsAtTheirDeclaration() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            write("outage.yml", "probes:\n  http:\n    - url: " + base + "/health\n    - url: " + base + "/ok\n");

            AuditResult result = new WorkspaceAudit()
                    .audit(new AuditOptions(List.of(root), Optional.empty(), Platform.UNKNOWN, Optional.empty(), true));

            assertThat(result.report().findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("service-unhealthy");
                assertThat(f.location().file()).isEqualTo("outage.yml");
                assertThat(f.location().line()).isEqualTo(3);
            });
            assertThat(result.notes()).containsExactly("live probes: 2 declared in outage.yml, 1 finding");
            assertThat(audit().report().findings())
                    .as("without --live nothing is probed")
                    .isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void missingRootIsAnAuditException() {
        assertThatThrownBy(() -> new WorkspaceAudit().audit(AuditOptions.of(root.resolve("missing"))))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("no such file or directory");
    }
}
