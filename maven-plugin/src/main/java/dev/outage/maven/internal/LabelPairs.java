package dev.outage.maven.internal;

import dev.outage.alerting.model.LabelSet;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code K=V} label arguments as amtool does: a value may be double-quoted with escapes. */
public final class LabelPairs {

    private LabelPairs() {}

    /**
     * Returns the label set of {@code pairs}.
     *
     * @throws IllegalArgumentException naming the bad pair when one has no {@code =}, an empty
     *     name, an unterminated quote, or a name twice
     */
    public static LabelSet parse(List<String> pairs, String what) {
        List<String> flat = new ArrayList<>();
        for (String pair : pairs) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + " '" + trimmed + "' is not NAME=VALUE");
            }
            flat.add(trimmed.substring(0, eq).strip());
            flat.add(unquote(trimmed.substring(eq + 1).strip(), what, trimmed));
        }
        return LabelSet.of(flat.toArray(String[]::new));
    }

    private static String unquote(String value, String what, String pair) {
        if (!value.startsWith("\"")) {
            return value;
        }
        if (value.length() < 2 || !value.endsWith("\"")) {
            throw new IllegalArgumentException(what + " '" + pair + "' has an unterminated quote");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
