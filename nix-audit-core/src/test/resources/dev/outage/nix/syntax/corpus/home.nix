{ pkgs, lib, config, ... }:
{
  home.username = "ops";
  home.homeDirectory = if pkgs.stdenv.isDarwin then "/Users/ops" else "/home/ops";
  home.packages = with pkgs; [ ripgrep jq ] ++ lib.optional pkgs.stdenv.isLinux strace;
  programs.git = {
    enable = true;
    userName = "Ops";
    extraConfig.pull.rebase = true;
    aliases = { st = "status -sb"; lg = "log --graph --oneline"; };
  };
  home.file.".config/outage/outage.yml".text = builtins.toJSON {
    live = { http = [ { url = "http://127.0.0.1:9090/-/ready"; } ]; };
  };
  home.activation.setupVenv = lib.hm.dag.entryAfter [ "writeBoundary" ] ''
    $DRY_RUN_CMD ${pkgs.python3}/bin/python3 -m venv ${config.home.homeDirectory}/.venv
  '';
  home.sessionVariables = { EDITOR = "vim"; PATH = "$HOME/.local/bin:$PATH"; };
  xdg.configFile."alertmanager/alertmanager.yml".source = ./alertmanager.yml;
  home.stateVersion = "23.11";
}
