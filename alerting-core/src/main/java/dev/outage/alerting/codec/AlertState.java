package dev.outage.alerting.codec;

/** The state of an alert as Alertmanager reports it in {@code status.state}. */
public enum AlertState {
    /** Not silenced nor inhibited: notifications go out. */
    ACTIVE("active"),
    /** Silenced, inhibited or muted by a time interval. */
    SUPPRESSED("suppressed"),
    /** Received but not yet processed by the dispatcher. */
    UNPROCESSED("unprocessed");

    private final String wireName;

    AlertState(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the JSON, such as {@code "active"}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the state with the given JSON name, or null when there is none. */
    static AlertState ofWireName(String name) {
        for (AlertState state : values()) {
            if (state.wireName.equals(name)) {
                return state;
            }
        }
        return null;
    }
}
