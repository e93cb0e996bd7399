{ lib, pkgs, ... }:
{
  # Folded into phases nix-darwin runs; see system.activationScripts.postActivation.
  system.activationScripts.preActivation.text = lib.mkBefore ''
    echo "activating $(date)"
  '';
  system.activationScripts.extraActivation.text = lib.mkAfter ''
    /usr/sbin/softwareupdate --install-rosetta --agree-to-license || true
  '';
  system.activationScripts.postActivation.text = lib.mkOrder 1500 ''
    /System/Library/PrivateFrameworks/SystemAdministration.framework/Resources/activateSettings -u
  '';
  system.activationScripts.applications.text = lib.mkForce "";
  system.activationScripts.homebrew.text = lib.mkDefault "";
}
