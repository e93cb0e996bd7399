package dev.outage.audit.internal;

/** What an audited file is, decided by its name and content. */
public enum FileKind {
    /** A Nix expression ({@code *.nix}). */
    NIX,
    /** A flake lock file. */
    FLAKE_LOCK,
    /** A Prometheus server configuration. */
    PROMETHEUS,
    /** An Alertmanager configuration. */
    ALERTMANAGER,
    /** A shell script ({@code *.sh} or a shell shebang) or a launchd property list. */
    SHELL
}
