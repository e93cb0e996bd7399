package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Location;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.finding.Severity;
import dev.outage.nix.module.DarwinActivationPhases;
import dev.outage.nix.module.NixModule;
import dev.outage.nix.module.Platform;
import dev.outage.nix.module.PlatformAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code darwin-activation-script-never-runs}: a name under {@code system.activationScripts}
 * that nix-darwin does not compose into its {@code activate} script. NixOS runs every
 * activation script; nix-darwin runs only its own phases, so a custom name is built into the
 * system and silently never executed. Names nix-darwin removed (the user activation hooks) get
 * their own message: evaluation fails on current nix-darwin.
 *
 * <p>Modules on NixOS or home-manager get no finding; a module whose platform is unknown gets a
 * warning. A name defined only under a condition that is false on macOS ({@code mkIf
 * pkgs.stdenv.isLinux}, the {@code else} of {@code if stdenv.isDarwin}) gets no finding; other
 * conditions are not evaluated. Stateless and thread-safe.
 */
public final class DarwinActivationScriptRule {

    /** Returns the findings for one module used on {@code platform}, judged by {@code phases}. */
    public List<Finding> check(NixModule module, PlatformAssignment platform, DarwinActivationPhases phases) {
        List<Finding> findings = new ArrayList<>();
        if (platform.platform() == Platform.NIXOS || platform.platform() == Platform.HOME_MANAGER) {
            return findings;
        }
        for (ActivationScripts.Entry entry : ActivationScripts.of(module)) {
            if (!entry.excludesDarwin()) {
                check(entry, platform, phases).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private Optional<Finding> check(
            ActivationScripts.Entry entry, PlatformAssignment platform, DarwinActivationPhases phases) {
        Location at = NixLocations.of(entry.module(), entry.range());
        Optional<String> name = entry.staticName();
        if (name.isPresent() && phases.removed(name.get())) {
            return Optional.of(removed(entry, at, phases, platform));
        }
        Pattern pattern = entry.namePattern();
        boolean canRun = name.map(phases::runs)
                .orElseGet(() -> phases.phases().stream()
                        .anyMatch(p -> pattern.matcher(p).matches()));
        if (canRun) {
            return Optional.empty();
        }
        String option = "system.activationScripts." + entry.display();
        String hint = hint(entry, phases) + "\n" + platformLine(platform);
        if (platform.platform() == Platform.UNKNOWN) {
            return Optional.of(Rules.DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS
                    .at(
                            at,
                            "if this module is used by nix-darwin, " + option
                                    + " never runs: nix-darwin only runs its own activation phases",
                            hint)
                    .withSeverity(Severity.WARNING));
        }
        return Optional.of(Rules.DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS.at(
                at,
                option + " is built but never runs: nix-darwin only runs its own activation phases, not custom names",
                hint));
    }

    private static Finding removed(
            ActivationScripts.Entry entry, Location at, DarwinActivationPhases phases, PlatformAssignment platform) {
        String option = "system.activationScripts." + entry.display();
        String message = option + " was removed from nix-darwin on 2025-01-30 (all activation runs as root):"
                + " evaluation fails on current nix-darwin";
        String hint = "Move the text into system.activationScripts.postActivation with lib.mkAfter, and run per-user"
                + " commands with sudo --user=NAME --set-home.\n" + platformLine(platform);
        return platform.platform() == Platform.UNKNOWN
                ? Rules.DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS
                        .at(at, "if this module is used by nix-darwin, " + message, hint)
                        .withSeverity(Severity.WARNING)
                : Rules.DARWIN_ACTIVATION_SCRIPT_NEVER_RUNS.at(at, message, hint);
    }

    private static String hint(ActivationScripts.Entry entry, DarwinActivationPhases phases) {
        return "nix-darwin's activate script runs only these phases (" + phases.era() + "): "
                + String.join(", ", phases.phases()) + ".\n"
                + "Fold the text into a phase that runs, for example:\n"
                + "  system.activationScripts.postActivation.text = lib.mkAfter ''\n"
                + "    # " + entry.display() + "\n"
                + "    ...\n"
                + "  '';\n"
                + "Use extraActivation (also with lib.mkAfter) for steps that must run before launchd services load.";
    }

    private static String platformLine(PlatformAssignment platform) {
        return platform.platform() == Platform.UNKNOWN
                ? "Platform unknown (" + platform.reason() + "); set platform in outage.yml or pass --platform."
                : "Platform " + platform.platform().id() + ": " + platform.reason() + ".";
    }
}
