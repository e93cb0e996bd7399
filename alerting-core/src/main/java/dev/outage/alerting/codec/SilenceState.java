package dev.outage.alerting.codec;

/** The state of a silence. */
public enum SilenceState {
    /** In force now. */
    ACTIVE("active"),
    /** Starts in the future. */
    PENDING("pending"),
    /** Ended or expired. */
    EXPIRED("expired");

    private final String wireName;

    SilenceState(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the JSON, such as {@code "active"}. */
    public String wireName() {
        return wireName;
    }

    static SilenceState ofWireName(String name) {
        for (SilenceState state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        return null;
    }
}
