{ pkgs, ... }:
{
  networking.hostName = "air";
  system.activationScripts.postActivation.text = ''
    /usr/bin/pmset -a displaysleep 15
  '';
  system.activationScripts.setWallpaper.text = '' # expect: darwin-activation-script-never-runs
    osascript -e 'tell application "Finder" to set desktop picture to POSIX file "/Library/Desktop/x.png"'
  '';
}
