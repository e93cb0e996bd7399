{ config, lib, pkgs, ... }:

{
  home.stateVersion = "24.11";
  home.packages = [ pkgs.uv pkgs.jq ];

  # home-manager runs every home.activation entry; this is not system.activationScripts.
  home.activation.linkModels = lib.hm.dag.entryAfter [ "writeBoundary" ] ''
    run ln -sfn /Volumes/models $HOME/.ollama/models
  '';
}
