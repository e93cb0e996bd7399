package dev.outage.cli;

import dev.outage.alerting.model.LabelSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code K=V} arguments as amtool reads them.
 *
 * <p>The name runs to the first {@code =}; the value is the rest, or a double-quoted string with
 * {@code \"}, {@code \\} and {@code \n} escapes ({@code summary="disk full, again"}). A name given
 * twice is bad usage.
 */
final class LabelArguments {

    private LabelArguments() {}

    /**
     * Returns the label set of the arguments.
     *
     * @throws CliException with exit code 2 naming the argument that is malformed
     */
    static LabelSet parse(List<String> arguments, String what) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw CliException.usage(what + " '" + argument + "' is not of the form NAME=VALUE");
            }
            String name = argument.substring(0, equals).strip();
            String value = value(argument, argument.substring(equals + 1), what);
            if (labels.put(name, value) != null) {
                throw CliException.usage(what + " '" + name + "' is given twice");
            }
        }
        return LabelSet.of(labels);
    }

    private static String value(String argument, String raw, String what) {
        if (!raw.startsWith("\"")) {
            return raw;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (i != raw.length() - 1) {
                    throw CliException.usage(what + " '" + argument + "' has text after its closing quote");
                }
                return value.toString();
            }
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.append(next);
                    default -> throw CliException.usage(what + " '" + argument + "' has an unknown escape \\" + next);
                }
            } else {
                value.append(c);
            }
        }
        throw CliException.usage(what + " '" + argument + "' has no closing quote");
    }
}
