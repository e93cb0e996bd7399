package dev.outage.nix.module;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The names under {@code system.activationScripts} that nix-darwin composes into its
 * {@code activate} (and, before 2025-01-30, {@code activate-user}) scripts, era by era.
 *
 * <p>nix-darwin does not run every attribute of {@code system.activationScripts} as NixOS does:
 * its {@code modules/system/activation-scripts.nix} splices a fixed list of names into the
 * script and ignores the rest. The list changed over the years; this table records it:
 *
 * <table>
 * <caption>Phase lists by nix-darwin date</caption>
 * <tr><th>from</th><th>until</th><th>phases</th></tr>
 * <tr><td>-</td><td>2021-01-16</td><td>the early modules: nix-daemon, nix, etc, launchd, linkFiles,
 * time, defaults, userLaunchd and the pre/extra/post (user) activation hooks</td></tr>
 * <tr><td>2021-01-16</td><td>2025-01-30</td><td>split {@code activate} / {@code activate-user},
 * {@code homebrew} in the user script</td></tr>
 * <tr><td>2025-01-30</td><td>-</td><td>one {@code activate} run as root; the user hooks
 * {@code preUserActivation}, {@code extraUserActivation}, {@code postUserActivation} were
 * removed and defining them fails evaluation</td></tr>
 * </table>
 *
 * <p>Era boundaries come from nix-darwin's CHANGELOG (2021-01-16: homebrew module; 2025-01-30:
 * all activation as root).
 */
public final class DarwinActivationPhases {

    private static final LocalDate HOMEBREW_ADDED = LocalDate.of(2021, 1, 16);
    private static final LocalDate ROOT_ONLY = LocalDate.of(2025, 1, 30);

    private static final List<String> CURRENT = List.of(
            "preActivation",
            "checks",
            "createRun",
            "extraActivation",
            "groups",
            "users",
            "applications",
            "pam",
            "patches",
            "openssh",
            "etc",
            "defaults",
            "userDefaults",
            "launchd",
            "userLaunchd",
            "nix-daemon",
            "time",
            "networking",
            "power",
            "keyboard",
            "fonts",
            "nvram",
            "homebrew",
            "postActivation");

    private static final List<String> SPLIT_USER = List.of(
            "preActivation",
            "etcChecks",
            "extraActivation",
            "groups",
            "users",
            "applications",
            "pam",
            "patches",
            "etc",
            "defaults",
            "launchd",
            "nix-daemon",
            "time",
            "networking",
            "power",
            "keyboard",
            "fonts",
            "nvram",
            "postActivation",
            "preUserActivation",
            "createRun",
            "checks",
            "extraUserActivation",
            "userDefaults",
            "userLaunchd",
            "homebrew",
            "postUserActivation");

    private static final List<String> EARLY = List.of(
            "preActivation",
            "checks",
            "extraActivation",
            "groups",
            "users",
            "nix-daemon",
            "nix",
            "etc",
            "defaults",
            "launchd",
            "linkFiles",
            "time",
            "networking",
            "keyboard",
            "fonts",
            "postActivation",
            "preUserActivation",
            "extraUserActivation",
            "userDefaults",
            "userLaunchd",
            "postUserActivation");

    /** Names that are the scripts themselves rather than phases; defining their text is real. */
    private static final Set<String> SCRIPTS = Set.of("script", "userScript");

    /** Names whose definition fails evaluation on nix-darwin from 2025-01-30. */
    private static final Set<String> REMOVED_USER_HOOKS =
            Set.of("preUserActivation", "extraUserActivation", "postUserActivation");

    private final String era;
    private final List<String> phases;
    private final boolean rootOnly;

    private DarwinActivationPhases(String era, List<String> phases, boolean rootOnly) {
        this.era = era;
        this.phases = phases;
        this.rootOnly = rootOnly;
    }

    /** Returns the phases of the newest nix-darwin. */
    public static DarwinActivationPhases newest() {
        return new DarwinActivationPhases("nix-darwin since 2025-01-30", CURRENT, true);
    }

    /** Returns the phases of the nix-darwin locked at {@code revision}; the newest when its date is unknown. */
    public static DarwinActivationPhases of(DarwinRevision revision) {
        Objects.requireNonNull(revision, "revision");
        Optional<Instant> when = revision.lastModified();
        if (when.isEmpty()) {
            return newest();
        }
        LocalDate date = LocalDate.ofInstant(when.get(), ZoneOffset.UTC);
        if (!date.isBefore(ROOT_ONLY)) {
            return newest();
        }
        if (!date.isBefore(HOMEBREW_ADDED)) {
            return new DarwinActivationPhases("nix-darwin 2021-01-16 to 2025-01-29", SPLIT_USER, false);
        }
        return new DarwinActivationPhases("nix-darwin before 2021-01-16", EARLY, false);
    }

    /** Returns whether nix-darwin runs the activation script named {@code name}. */
    public boolean runs(String name) {
        return phases.contains(name) || SCRIPTS.contains(name);
    }

    /** Returns whether defining {@code name} fails evaluation in this era (a removed user hook). */
    public boolean removed(String name) {
        return rootOnly && REMOVED_USER_HOOKS.contains(name);
    }

    /** Returns the phase names in the order the activate script runs them. */
    public List<String> phases() {
        return phases;
    }

    /** Returns a short name of the era, such as {@code nix-darwin since 2025-01-30}. */
    public String era() {
        return era;
    }
}
