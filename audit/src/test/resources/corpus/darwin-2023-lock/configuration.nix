{ pkgs, ... }:
{
  system.activationScripts.postUserActivation.text = ''
    /System/Library/PrivateFrameworks/SystemAdministration.framework/Resources/activateSettings -u
  '';
  system.activationScripts.extraUserActivation.text = "defaults write com.apple.dock autohide -bool true";
  system.activationScripts.fixPermissions.text = "chmod 700 ~/.ssh"; # expect: darwin-activation-script-never-runs
}
