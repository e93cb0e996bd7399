{ lib, pkgs, ... }:

let
  firewall = ''
    /usr/libexec/ApplicationFirewall/socketfilterfw --add ${pkgs.syncthing}/bin/syncthing
    /usr/libexec/ApplicationFirewall/socketfilterfw --unblockapp ${pkgs.syncthing}/bin/syncthing
  '';
in
{
  environment.systemPackages = [ pkgs.syncthing ];

  system.activationScripts."syncthing-firewall" = {
    text = firewall;
    deps = [ "etc" ];
  };
}
