{ config, lib, pkgs, ... }:
{
  home.username = "ana";
  home.stateVersion = "24.05";
  home.activation.installTools = lib.hm.dag.entryAfter [ "writeBoundary" ] ''
    $DRY_RUN_CMD ${pkgs.python3}/bin/pip install --user --quiet llm # expect: pip-user-install
  '';
  home.activation.linkDotfiles = lib.hm.dag.entryAfter [ "writeBoundary" ] ''
    ln -sfn ${config.home.homeDirectory}/src/dotfiles/vimrc ${config.home.homeDirectory}/.vimrc
  '';
}
