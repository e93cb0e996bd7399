package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Rules;
import dev.outage.nix.finding.Severity;
import dev.outage.nix.module.NixModule;
import dev.outage.nix.module.OptionDefinition;
import dev.outage.nix.module.Platform;
import dev.outage.nix.module.PlatformAssignment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code darwin-activation-deps-unsupported}: {@code deps} on a nix-darwin activation script.
 * NixOS orders activation scripts by their {@code deps}; nix-darwin's scripts have only
 * {@code enable}, {@code text}, {@code target} and {@code source}, so the definition fails
 * evaluation and the ordering the author relied on does not exist. NixOS and home-manager
 * modules get no finding; a module whose platform is unknown gets a warning; a {@code deps}
 * under a condition that is false on macOS ({@code mkIf pkgs.stdenv.isLinux}) gets none.
 * Stateless and thread-safe.
 */
public final class DarwinActivationDepsRule {

    /** Returns the findings for one module used on {@code platform}. */
    public List<Finding> check(NixModule module, PlatformAssignment platform) {
        List<Finding> findings = new ArrayList<>();
        if (platform.platform() == Platform.NIXOS || platform.platform() == Platform.HOME_MANAGER) {
            return findings;
        }
        for (ActivationScripts.Entry entry : ActivationScripts.of(module)) {
            for (OptionDefinition definition : entry.definitions()) {
                if (definition.path().size() == 4
                        && definition.name(3).filter("deps"::equals).isPresent()
                        && definition.conditions().stream().noneMatch(ActivationScripts::falseOnDarwin)) {
                    String option = "system.activationScripts." + entry.display() + ".deps";
                    Finding finding = Rules.DARWIN_ACTIVATION_DEPS_UNSUPPORTED.at(
                            NixLocations.of(module, definition.rangeOf(3)),
                            (platform.platform() == Platform.UNKNOWN ? "if this module is used by nix-darwin, " : "")
                                    + option + " does not exist on nix-darwin (its activation scripts have only enable,"
                                    + " text, target and source): evaluation fails, and there is no ordering by deps",
                            "Drop deps and put the text in the phase that runs at the right time (preActivation,"
                                    + " extraActivation or postActivation, ordered with lib.mkBefore/lib.mkAfter).");
                    findings.add(
                            platform.platform() == Platform.UNKNOWN ? finding.withSeverity(Severity.WARNING) : finding);
                }
            }
        }
        return findings;
    }
}
