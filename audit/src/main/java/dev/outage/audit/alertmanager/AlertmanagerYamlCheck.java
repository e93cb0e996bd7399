package dev.outage.audit.alertmanager;

import dev.outage.audit.internal.YamlNode;
import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds SMTP passwords written inline in an {@code alertmanager.yml}
 * ({@code smtp-password-inline}): {@code global.smtp_auth_password} and
 * {@code receivers[].email_configs[].auth_password}. The password itself never reaches the
 * finding; a value that is only an environment placeholder such as {@code $SMTP_PASSWORD} is not
 * reported. Instances are stateless and thread-safe.
 */
public final class AlertmanagerYamlCheck {

    /**
     * A value that is only an environment placeholder ({@code $SMTP_PASSWORD}, {@code ${PASS}}),
     * filled in by envsubst or an entrypoint script when the file is deployed: no password is in
     * the file itself.
     */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");

    /** Returns the findings for one parsed Alertmanager configuration. */
    public List<Finding> check(String relativePath, YamlNode root) {
        List<Finding> findings = new ArrayList<>();
        Optional<YamlNode.Mapping> config = root.asMapping();
        if (config.isEmpty()) {
            return findings;
        }
        config.get()
                .get("global")
                .flatMap(YamlNode::asMapping)
                .flatMap(global -> global.entry("smtp_auth_password"))
                .ifPresent(entry -> report(relativePath, entry, "global.smtp_auth_password", findings));
        for (YamlNode receiver :
                config.get().get("receivers").map(YamlNode::items).orElse(List.of())) {
            Optional<YamlNode.Mapping> map = receiver.asMapping();
            String name =
                    map.flatMap(m -> m.get("name")).flatMap(YamlNode::asText).orElse("?");
            List<YamlNode> emails = map.flatMap(m -> m.get("email_configs"))
                    .map(YamlNode::items)
                    .orElse(List.of());
            for (YamlNode email : emails) {
                email.asMapping()
                        .flatMap(m -> m.entry("auth_password"))
                        .ifPresent(entry ->
                                report(relativePath, entry, "auth_password of receiver '" + name + "'", findings));
            }
        }
        return findings;
    }

    private static void report(String relativePath, YamlNode.Entry entry, String what, List<Finding> findings) {
        Optional<String> value = entry.value().asText();
        if (value.map(String::isBlank).orElse(true)
                || ENV_PLACEHOLDER.matcher(value.get().strip()).matches()) {
            return;
        }
        findings.add(Rules.SMTP_PASSWORD_INLINE.at(
                new Location(relativePath, entry.line(), entry.column()),
                what + " is written inline: it ends up in the Nix store, in backups and in git",
                "Put the password in a file readable only by Alertmanager and use "
                        + (what.startsWith("global") ? "smtp_auth_password_file" : "auth_password_file")
                        + " instead."));
    }
}
