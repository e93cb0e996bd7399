/**
 * What Nix modules define and where they are used: {@link dev.outage.nix.module.ModuleAnalyzer}
 * reads option definitions without evaluating, {@link dev.outage.nix.module.ModuleGraph} gives
 * each module its platform with the reason, {@link dev.outage.nix.module.DarwinActivationPhases}
 * knows which activation scripts nix-darwin runs.
 */
package dev.outage.nix.module;
