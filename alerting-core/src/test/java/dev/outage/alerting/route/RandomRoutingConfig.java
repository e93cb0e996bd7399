package dev.outage.alerting.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random but valid alertmanager.yml routing trees and label sets from a seed: nested
 * routes, every matcher operator in both legacy and {@code matchers:} form, {@code continue},
 * and values with spaces, commas, quotes, backslashes, unicode and the empty string.
 */
final class RandomRoutingConfig {

    static final List<String> NAMES = List.of("alertname", "severity", "team", "env", "a_b", "x");
    static final List<String> VALUES = List.of(
            "", "a", "b", "a b", "a,b", "say \"hi\"", "ünï", "crit", "page", "back\\slash", " lead", "x=y", "{c}");
    static final List<String> REGEXES = List.of(
            "a|b", ".*", ".+", "a.*", "(crit|page)", "[ab]", "ü.*", "", "a b|a,b", "c.i.", "p[a-z]+", ".*\\\\.*");
    static final List<String> RECEIVERS = List.of("r0", "r1", "r2", "r3", "r 4", "r,5");

    private final Random random;
    private final StringBuilder yaml = new StringBuilder();
    private int routes;

    private RandomRoutingConfig(long seed) {
        this.random = new Random(seed);
    }

    /** Returns the YAML of a random config generated from the seed. */
    static String generate(long seed) {
        return new RandomRoutingConfig(seed).config();
    }

    /** Returns random label arguments in amtool's {@code name="value"} form. */
    static List<String> labels(Random random) {
        List<String> args = new ArrayList<>();
        for (String name : NAMES) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                continue;
            }
            String value =
                    pick == 1 ? "" + (char) ('a' + random.nextInt(3)) : VALUES.get(random.nextInt(VALUES.size()));
            args.add(name + "=\"" + escapeMatcher(value) + "\"");
        }
        return args;
    }

    private String config() {
        yaml.append("route:\n  receiver: ").append(yamlString(pick(RECEIVERS))).append('\n');
        if (random.nextBoolean()) {
            yaml.append("  group_by: [alertname]\n");
        }
        children(2, 0);
        yaml.append("receivers:\n");
        for (String receiver : RECEIVERS) {
            yaml.append("  - name: ").append(yamlString(receiver)).append('\n');
        }
        return yaml.toString();
    }

    private void children(int indent, int depth) {
        if (depth >= 3 || routes > 40) {
            return;
        }
        int count = random.nextInt(depth == 0 ? 5 : 4);
        if (count == 0) {
            return;
        }
        String pad = " ".repeat(indent);
        yaml.append(pad).append("routes:\n");
        for (int i = 0; i < count; i++) {
            routes++;
            yaml.append(pad).append("  - ");
            String inner = pad + "    ";
            boolean first = true;
            if (random.nextInt(3) > 0) {
                yaml.append("receiver: ").append(yamlString(pick(RECEIVERS))).append('\n');
                first = false;
            }
            first = matchers(first, inner);
            if (random.nextInt(3) == 0) {
                yaml.append(first ? "" : inner).append("continue: true\n");
                first = false;
            }
            if (first) {
                yaml.append("group_wait: 10s\n");
            }
            children(indent + 4, depth + 1);
        }
    }

    /** Writes the route's matchers in one or more of the three forms; returns whether nothing was written. */
    private boolean matchers(boolean first, String inner) {
        int form = random.nextInt(5);
        if (form == 0) {
            return first;
        }
        if (form == 1 || form == 4) {
            yaml.append(first ? "" : inner).append("matchers:\n");
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                yaml.append(inner)
                        .append("  - ")
                        .append(yamlString(matcherString()))
                        .append('\n');
            }
            first = false;
        }
        if (form == 2 || form == 4) {
            yaml.append(first ? "" : inner).append("match:\n");
            yaml.append(inner)
                    .append("  ")
                    .append(pick(NAMES))
                    .append(": ")
                    .append(yamlString(pick(VALUES)))
                    .append('\n');
            first = false;
        }
        if (form == 3) {
            yaml.append(first ? "" : inner).append("match_re:\n");
            yaml.append(inner)
                    .append("  ")
                    .append(pick(NAMES))
                    .append(": ")
                    .append(yamlString(pick(REGEXES)))
                    .append('\n');
            first = false;
        }
        return first;
    }

    private String matcherString() {
        int n = random.nextInt(4) == 0 ? 2 : 1;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = pick(NAMES);
            int op = random.nextInt(4);
            String operator = List.of("=", "!=", "=~", "!~").get(op);
            String value = op >= 2 ? pick(REGEXES) : pick(VALUES);
            boolean simple = value.matches("[a-z]+");
            String written = simple && random.nextBoolean() ? value : "\"" + escapeMatcher(value) + "\"";
            String space = random.nextInt(4) == 0 ? " " : "";
            parts.add(name + space + operator + space + written);
        }
        String joined = String.join(random.nextBoolean() ? "," : ", ", parts);
        return random.nextInt(3) == 0 ? "{" + joined + "}" : joined;
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Escapes a value for a double-quoted matcher: backslash, quote and newline. */
    static String escapeMatcher(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Writes a YAML double-quoted string. */
    static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
