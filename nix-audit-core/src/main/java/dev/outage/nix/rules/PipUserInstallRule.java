package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pip-user-install}: {@code pip install --user} (also {@code pip3}, {@code python -m pip},
 * {@code uv pip}) in shell text that a service, a launchd or systemd command or an activation
 * script runs. Such an install rewrites the user's shared site-packages under a running service,
 * which is how a dependency such as greenlet disappears and the service crash-loops.
 *
 * <p>Only the command inside the given range is looked at; comments ({@code # ...} to the end of
 * the line) are skipped. Stateless and thread-safe.
 */
public final class PipUserInstallRule {

    private static final Pattern PIP_INSTALL =
            Pattern.compile("\\b(?:pip[0-9.]*|python[0-9.]*\\s+-m\\s+pip)\\s+install\\b([^\\n;&|]*)");
    private static final Pattern USER_FLAG = Pattern.compile("(?:^|\\s)--user(?:\\s|$|[\"'])");

    /**
     * Returns a finding for every {@code pip install --user} in {@code text[from, to)}.
     *
     * @param file the relative path for locations
     * @param text the whole file text, so that locations are exact
     * @param from start offset of the shell text inside {@code text}
     * @param to end offset (exclusive)
     * @param where what runs this text, e.g. {@code launchd agent open-webui}, for the message
     */
    public List<Finding> check(String file, String text, int from, int to, String where) {
        return check(new LineIndex(file, text), text, from, to, where);
    }

    List<Finding> check(LineIndex index, String text, int from, int to, String where) {
        List<Finding> findings = new ArrayList<>();
        Matcher matcher = PIP_INSTALL.matcher(text).region(from, to);
        while (matcher.find()) {
            if (inComment(text, from, matcher.start())
                    || !USER_FLAG.matcher(matcher.group(1)).find()) {
                continue;
            }
            findings.add(Rules.PIP_USER_INSTALL.at(
                    index.at(matcher.start()),
                    "pip install --user in " + where + " rewrites the shared user site-packages under running services",
                    "Install into a dedicated venv (python -m venv, or uv tool install) and probe its imports"
                            + " before restarting the service: outage probe venv DIR --import MODULE."));
        }
        return findings;
    }

    private static boolean inComment(String text, int from, int at) {
        int lineStart = Math.max(from, text.lastIndexOf('\n', at - 1) + 1);
        for (int i = lineStart; i < at; i++) {
            char c = text.charAt(i);
            if (c == '#' && (i == lineStart || Character.isWhitespace(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
