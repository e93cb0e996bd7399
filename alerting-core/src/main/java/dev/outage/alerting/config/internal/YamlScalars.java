package dev.outage.alerting.config.internal;

import java.util.regex.Pattern;

/** Resolves plain YAML scalars as Go's gopkg.in/yaml.v2 resolves them (YAML 1.1 booleans). */
public final class YamlScalars {

    private static final Pattern INT = Pattern.compile("[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private YamlScalars() {}

    /** Returns the boolean a plain scalar means in YAML 1.1, or null when it is no boolean. */
    public static Boolean bool(String text) {
        return switch (text) {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE" -> Boolean.TRUE;
            case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Returns whether a plain scalar resolves to an integer. */
    public static boolean isInt(String text) {
        return INT.matcher(text).matches();
    }

    /** Returns whether a plain scalar resolves to a float. */
    public static boolean isFloat(String text) {
        return FLOAT.matcher(text).matches();
    }
}
