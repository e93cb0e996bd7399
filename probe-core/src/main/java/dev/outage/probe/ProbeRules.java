package dev.outage.probe;

/**
 * The stable rule ids under which probe problems are reported; users put them in suppressions,
 * so they never change.
 */
public final class ProbeRules {

    /** A module does not import with the venv's own interpreter. */
    public static final String VENV_IMPORT_FAILED = "venv-import-failed";

    /** A distribution's requirement is missing or installed in a version it does not accept. */
    public static final String VENV_BROKEN_REQUIREMENT = "venv-broken-requirement";

    /** A file listed in a distribution's RECORD is missing or differs from its hash or size. */
    public static final String VENV_FILE_MODIFIED = "venv-file-modified";

    /** A package in the user site shadows, or would shadow, the venv's own. */
    public static final String VENV_USER_SITE_SHADOWING = "venv-user-site-shadowing";

    /** A service's health endpoint answered wrong, slowly, or not at all. */
    public static final String SERVICE_UNHEALTHY = "service-unhealthy";

    /** The running version of a service differs from the installed one. */
    public static final String VERSION_DRIFT = "version-drift";

    /** Alerts are evaluated or firing while no Alertmanager receives them. */
    public static final String ALERTS_FIRING_WITHOUT_ALERTMANAGER = "alerts-firing-without-alertmanager";

    /** Alertmanager fails, drops, or has nobody to send notifications to. */
    public static final String NOTIFICATIONS_FAILING = "notifications-failing";

    /** A service restarted too often within a window. */
    public static final String CRASH_LOOP = "crash-loop";

    private ProbeRules() {}
}
