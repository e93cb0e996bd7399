package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void printsASummaryForAValidFile() throws Exception {
        Path file = dir.resolve("good.yml");
        Files.writeString(file, """
                route:
                  receiver: r
                  routes: [{receiver: r, matchers: [a=b]}]
                receivers: [{name: r}]
                inhibit_rules: [{source_matchers: [a=b], target_matchers: [a=c]}]
                """);
        assertThat(run("check-config", file.toString())).isZero();
        assertThat(out.toString())
                .isEqualTo(
                        "Checking '" + file + "'  SUCCESS\nFound:\n - global config\n - route (2 routes in the tree)\n"
                                + " - 1 inhibit rules\n - 1 receivers\n - 0 templates\n\n");
    }

    @Test
    void failsWithAlertmanagersReasonAndThePosition() throws Exception {
        Path good = dir.resolve("good.yml");
        Files.writeString(good, "route: {receiver: r}\nreceivers: [{name: r}]\n");
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "route:\n  receiver: r\n  group_by: [a, a]\nreceivers: [{name: r}]\n");

        assertThat(run("check-config", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out.toString())
                .contains("Checking '" + good + "'  SUCCESS")
                .contains("Checking '" + bad + "'  FAILED: duplicated label \"a\" in group_by\n  " + bad
                        + ":3:13: duplicated label \"a\" in group_by (at route.group_by)");
        assertThat(err.toString()).contains("failed to validate 1 file(s)");
    }

    @Test
    void failsOnABrokenTemplateAsAmtoolDoes() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/mail.tmpl"), "{{ define \"x\" }}{{ if .A }}\n{{ end }}\n");
        Path file = dir.resolve("alertmanager.yml");
        Files.writeString(file, "route: {receiver: r}\nreceivers: [{name: r}]\ntemplates: ['templates/*.tmpl']\n");

        assertThat(run("check-config", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(" - 1 templates\n  FAILED: template: mail.tmpl:3: unexpected EOF\n");
    }

    @Test
    void neverPrintsASecretInAnError() throws Exception {
        Path bad = dir.resolve("secret.yml");
        Files.writeString(
                bad,
                "global:\n  smtp_auth_password: hunter2\n  smtp_auth_password_file: /run/pw\n"
                        + "route: {receiver: r}\nreceivers: [{name: r}]\n");
        assertThat(run("check-config", bad.toString())).isEqualTo(1);
        assertThat(out.toString() + err).doesNotContain("hunter2").contains("at most one of smtp_auth_password");
    }

    @Test
    void anUnreadableFileIsBadUsage() {
        assertThat(run("check-config", dir.resolve("missing.yml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yml").doesNotContain("\tat ");
    }
}
