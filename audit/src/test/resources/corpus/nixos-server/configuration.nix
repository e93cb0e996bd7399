{ config, pkgs, lib, ... }:
{
  boot.loader.systemd-boot.enable = true;
  system.activationScripts.makeDataDir = {
    text = "mkdir -p /srv/data && chown web:web /srv/data";
    deps = [ "users" "groups" ];
  };
  systemd.services.jupyter = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStartPre = "${pkgs.python3}/bin/python3 -m pip install --user jupyterlab"; # expect: pip-user-install
    serviceConfig.ExecStart = "/home/web/.local/bin/jupyter lab --no-browser";
  };
  services.prometheus = {
    enable = true;
    ruleFiles = [ ./alerts.rules.yml ];
    alertmanagers = [ { static_configs = [ { targets = [ "localhost:9093" ]; } ]; } ];
  };
  services.prometheus.alertmanager = {
    enable = true;
    configuration = {
      route.receiver = "ops";
      receivers = [ { name = "ops"; email_configs = [ { to = "ops@example.org"; } ]; } ];
    };
  };
}
