{ pkgs, ... }:

{
  imports = [
    ../modules/ollama.nix
    ../modules/monitoring.nix
    ../modules/open-webui.nix
    ../modules/syncthing.nix
  ];

  networking.hostName = "studio";
  system.primaryUser = "bryan";
  system.stateVersion = 6;

  homebrew = {
    enable = true;
    brews = [ "ollama" ];
  };
}
