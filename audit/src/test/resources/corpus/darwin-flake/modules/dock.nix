{ config, lib, pkgs, ... }:
let
  inherit (lib) mkIf mkOption types;
  cfg = config.local.dock;
in
{
  options.local.dock.entries = mkOption {
    type = types.listOf types.str;
    default = [ ];
    description = "Apps in the Dock; applied by system.activationScripts.dockSetup on activation.";
  };

  config = mkIf (cfg.entries != [ ]) {
    system.activationScripts.dockSetup.text = '' # expect: darwin-activation-script-never-runs
      ${pkgs.dockutil}/bin/dockutil --remove all --no-restart
    '';
  };
}
