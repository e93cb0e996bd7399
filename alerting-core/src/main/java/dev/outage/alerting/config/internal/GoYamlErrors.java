package dev.outage.alerting.config.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a YAML syntax error from the Java parser into the words of Go's YAML decoder (libyaml),
 * which Alertmanager uses: {@code yaml: line 2: did not find expected key}.
 *
 * <p>The Java parser reports a context ("while parsing a block mapping") and a problem ("expected
 * &lt;block end&gt;, but found '-'"), each with a position. Go reports only its own name for the
 * problem, with a line number counted the way libyaml counts it: the problem's line for scanner
 * errors, and for parser errors the problem's zero-based line, that is the line before the one the
 * problem is on. Problems without a known Go counterpart keep the Java parser's wording.
 */
final class GoYamlErrors {

    private static final Pattern MARK = Pattern.compile("^ in reader, line (\\d+), column (\\d+):");

    private GoYamlErrors() {}

    /**
     * Returns the 1-based line of the problem named in the parser's message (its last position), or
     * {@code fallback} when the message has none.
     */
    static int problemLine(String javaMessage, int fallback) {
        int line = fallback;
        for (String text : javaMessage.lines().toList()) {
            Matcher m = MARK.matcher(text);
            if (m.find()) {
                line = Integer.parseInt(m.group(1));
            }
        }
        return line;
    }

    /** Returns the 1-based column of the problem named in the parser's message, or {@code fallback}. */
    static int problemColumn(String javaMessage, int fallback) {
        int column = fallback;
        for (String text : javaMessage.lines().toList()) {
            Matcher m = MARK.matcher(text);
            if (m.find()) {
                column = Integer.parseInt(m.group(2));
            }
        }
        return column;
    }

    /**
     * Returns Go's message for a syntax error, such as {@code yaml: line 2: did not find expected key}.
     *
     * @param javaMessage the parser's full message (context and problem lines with their snippets)
     * @param problemLine the 1-based line of the problem (see {@link #problemLine})
     */
    static String message(String javaMessage, int problemLine) {
        if (javaMessage.startsWith("unknown anchor ")) {
            return "yaml: " + javaMessage;
        }
        List<String> lines = javaMessage.lines().toList();
        String context = lines.isEmpty() ? "" : lines.get(0);
        String problem = problem(lines);
        boolean scanner = context.startsWith("while scanning") || !context.startsWith("while parsing");
        String go;
        if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
            go = "found character that cannot start any token";
        } else if (problem.startsWith("mapping values are not allowed")) {
            go = "mapping values are not allowed in this context";
        } else if (problem.startsWith("found unknown escape character")) {
            go = "found unknown escape character";
        } else if (problem.startsWith("expected <block end>") && context.contains("block mapping")) {
            go = "did not find expected key";
        } else if (problem.startsWith("expected <block end>") && context.contains("block collection")) {
            go = "did not find expected '-' indicator";
        } else if (problem.startsWith("expected ',' or ']'")) {
            go = "did not find expected ',' or ']'";
        } else if (problem.startsWith("expected ',' or '}'")) {
            go = "did not find expected ',' or '}'";
        } else if (problem.startsWith("expected the node content")) {
            go = "did not find expected node content";
        } else {
            go = problem;
        }
        int line = scanner ? problemLine : Math.max(1, problemLine - 1);
        return "yaml: line " + line + ": " + go;
    }

    /** Returns the problem sentence: the last line that is neither a position, a snippet nor a caret. */
    private static String problem(List<String> lines) {
        String problem = "";
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith(" ")) {
                problem = line.strip();
            }
        }
        return problem;
    }
}
