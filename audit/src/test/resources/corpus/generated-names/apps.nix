{ lib, pkgs, ... }:
let
  apps = [ "Safari" "Mail" ];
  scriptFor = app: {
    name = "open-${app}"; # expect-missed: darwin-activation-script-never-runs
    value.text = "open -a ${app}";
  };
in
{
  homebrew.enable = true;
  system.activationScripts = lib.mkMerge [
    (lib.listToAttrs (map scriptFor apps))
    { "${lib.head apps}-login".text = "echo"; } # expect: darwin-activation-script-never-runs
  ];
}
