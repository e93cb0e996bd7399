{ lib, pkgs, ... }:

{
  environment.systemPackages = [ pkgs.syncthing ];

  # syncthing-firewall, after the built-in phases (nix-darwin has no deps ordering).
  system.activationScripts.postActivation.text = lib.mkAfter ''
    /usr/libexec/ApplicationFirewall/socketfilterfw --add ${pkgs.syncthing}/bin/syncthing
    /usr/libexec/ApplicationFirewall/socketfilterfw --unblockapp ${pkgs.syncthing}/bin/syncthing
  '';
}
