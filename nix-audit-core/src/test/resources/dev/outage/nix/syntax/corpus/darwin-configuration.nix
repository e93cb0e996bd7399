# nix-darwin host configuration
{ config, pkgs, lib, ... }:

let
  user = "ops";
  prometheusPort = 9090;
  inherit (lib) mkIf mkForce optionalString;
in
{
  imports = [ ./modules/monitoring.nix ./modules/backup.nix ];

  nix.settings.experimental-features = [ "nix-command" "flakes" ];
  nixpkgs.config.allowUnfree = true;

  environment.systemPackages = with pkgs; [
    git
    prometheus
    prometheus-alertmanager
    (python311.withPackages (ps: with ps; [ requests sqlalchemy ]))
  ];

  /* custom activation script: nix-darwin never runs custom names */
  system.activationScripts.installVenv.text = ''
    echo "setting up venv for ${user}"
    if [ ! -d /Users/${user}/.venv ]; then
      ${pkgs.python311}/bin/python3 -m venv /Users/${user}/.venv
    fi
    pip install --user requests  # outage: ignore pip-user-install
  '';

  system.activationScripts.postActivation.text = lib.mkAfter ''
    echo "post activation, port ${toString prometheusPort}"
  '';

  launchd.daemons.prometheus = {
    serviceConfig = {
      ProgramArguments = [
        "${pkgs.prometheus}/bin/prometheus"
        "--config.file=/etc/prometheus/prometheus.yml"
        "--web.listen-address=127.0.0.1:${toString prometheusPort}"
      ];
      KeepAlive = true;
      RunAtLoad = true;
      StandardErrorPath = "/var/log/prometheus.err";
    };
  };

  services.nix-daemon.enable = true;
  users.users.${user} = {
    home = "/Users/${user}";
    shell = pkgs.zsh;
  };
  system.stateVersion = 4;
}
