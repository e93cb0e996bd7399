package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.module.NixModule;
import dev.outage.nix.module.Platform;
import dev.outage.nix.module.PlatformAssignment;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.StringPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code activation-snippet-not-embedded}: every activation script text declared in a module
 * must appear in the built {@code activate} script. Lines are compared after stripping
 * indentation; {@code ${...}} interpolations match anything within a line; lines must appear in
 * order, other lines may come between them. The result also counts snippets: "declared N,
 * embedded M".
 *
 * <p>Modules on NixOS or home-manager are not compared. Stateless and thread-safe.
 */
public final class ActivationSnippetRule {

    private static final char HOLE = '\u0000';

    /**
     * What the comparison found.
     *
     * @param findings one finding a missing snippet
     * @param declared snippets with at least one literal line
     * @param embedded snippets found in the script
     */
    public record Outcome(List<Finding> findings, int declared, int embedded) {
        /** Copies the findings. */
        public Outcome {
            findings = List.copyOf(findings);
        }

        /** Returns {@code activation snippets: declared N, embedded M (in FILE)}. */
        public String summary(String script) {
            return "activation snippets: declared " + declared + ", embedded " + embedded + " (in " + script + ")";
        }
    }

    /** Compares the snippets of {@code modules} (with their platforms) against {@code script}. */
    public Outcome check(Map<NixModule, PlatformAssignment> modules, ActivateScript script) {
        List<String> scriptLines = script.text().lines().map(String::strip).toList();
        List<Finding> findings = new ArrayList<>();
        int declared = 0;
        int embedded = 0;
        for (Map.Entry<NixModule, PlatformAssignment> module : modules.entrySet()) {
            Platform platform = module.getValue().platform();
            if (platform == Platform.NIXOS || platform == Platform.HOME_MANAGER) {
                continue;
            }
            for (ActivationScripts.Entry entry : ActivationScripts.of(module.getKey())) {
                for (Expr.Str text : entry.texts()) {
                    List<Pattern> lines = patterns(text);
                    if (lines.isEmpty()) {
                        continue;
                    }
                    declared++;
                    int missing = firstMissing(lines, scriptLines);
                    if (missing < 0) {
                        embedded++;
                    } else {
                        findings.add(Rules.ACTIVATION_SNIPPET_NOT_EMBEDDED.at(
                                NixLocations.of(module.getKey(), text.range()),
                                "the text of system.activationScripts." + entry.display() + " is not in "
                                        + script.path() + ": it never runs",
                                "First line not found: " + shown(lines.get(missing)) + "\n"
                                        + "Only nix-darwin's own phases reach the activate script; fold the text into"
                                        + " postActivation or extraActivation with lib.mkAfter and rebuild."));
                    }
                }
            }
        }
        return new Outcome(findings, declared, embedded);
    }

    private static List<Pattern> patterns(Expr.Str text) {
        StringBuilder template = new StringBuilder();
        for (StringPart part : text.parts()) {
            if (part instanceof StringPart.Text t) {
                template.append(t.value());
            } else {
                template.append(HOLE);
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String line : template.toString().split("\n")) {
            String stripped = line.strip();
            if (stripped.replace(String.valueOf(HOLE), "").isBlank()) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (String piece : stripped.split(String.valueOf(HOLE), -1)) {
                if (regex.length() > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(piece));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return patterns;
    }

    private static int firstMissing(List<Pattern> lines, List<String> script) {
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            Pattern line = lines.get(i);
            while (at < script.size() && !line.matcher(script.get(at)).matches()) {
                at++;
            }
            if (at == script.size()) {
                return i;
            }
            at++;
        }
        return -1;
    }

    private static String shown(Pattern line) {
        return line.pattern().replace("\\Q", "").replace("\\E", "").replace(".*", "${...}");
    }
}
