{ config, pkgs, ... }:
{
  environment.systemPackages = [ pkgs.vim ];
  services.nix-daemon.enable = true;
  system.defaults.dock.autohide = true;
  system.activationScripts.extraActivation.text = "echo ok";
  system.activationScripts.setHostname.text = "scutil --set HostName mac"; # expect: darwin-activation-script-never-runs
  launchd.user.agents.sync.serviceConfig = {
    ProgramArguments = [ "/bin/sh" "-c" "pip3 install --user -q rclone-sync && rclone-sync" ]; # expect: pip-user-install
    StartInterval = 3600;
  };
}
