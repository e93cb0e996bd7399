{ lib, ... }: {
  homebrew.enable = true;
  system.activationScripts.postActivation.text = lib.mkAfter "socketfilterfw --add /opt/app";
}
