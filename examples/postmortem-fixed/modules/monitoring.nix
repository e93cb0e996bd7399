{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.studio-monitoring;
in
{
  options.services.studio-monitoring.enable = mkEnableOption "Prometheus, Alertmanager, Grafana and node exporter";

  config = mkIf cfg.enable (mkMerge [
    {
      launchd.user.agents.prometheus.serviceConfig = {
        ProgramArguments = [
          "${pkgs.prometheus}/bin/prometheus"
          "--config.file=/Users/bryan/monitoring/prometheus.yml"
        ];
        KeepAlive = true;
      };
      launchd.user.agents.alertmanager.serviceConfig = {
        ProgramArguments = [
          "${pkgs.prometheus-alertmanager}/bin/alertmanager"
          "--config.file=/Users/bryan/monitoring/alertmanager.yml"
          "--web.listen-address=127.0.0.1:9093"
        ];
        KeepAlive = true;
      };
    }
    {
      # monitoring-setup, then restart Prometheus as the primary user (activation runs as root).
      system.activationScripts.postActivation.text = mkAfter ''
        mkdir -p /Users/bryan/monitoring/data
        chown -R bryan:staff /Users/bryan/monitoring
        sudo --user=bryan -- /bin/launchctl kickstart -k gui/501/org.nixos.prometheus
      '';
    }
  ]);
}
