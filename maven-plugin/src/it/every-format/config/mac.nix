{ lib, ... }: {
  homebrew.enable = true;
  system.activationScripts.firewall.text = "socketfilterfw --add /opt/app";
  system.activationScripts.cleanup = lib.mkIf true { text = "rm -rf /tmp/x"; };
}
