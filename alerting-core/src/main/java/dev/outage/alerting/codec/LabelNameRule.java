package dev.outage.alerting.codec;

/** Which label and annotation names validation accepts. */
public enum LabelNameRule {
    /**
     * The classic Prometheus rule {@code [a-zA-Z_][a-zA-Z0-9_]*}, which Alertmanager 0.25 and
     * every Alertmanager without UTF-8 mode enforce.
     */
    CLASSIC,
    /** Any non-empty valid UTF-8 text, as Alertmanager 0.27 and later accept in UTF-8 mode. */
    UTF8;

    /** Returns whether the name is valid under this rule. */
    public boolean isValid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return this == UTF8 ? Utf8.isValid(name) : isClassic(name);
    }

    private static boolean isClassic(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
