{ config, lib, pkgs, ... }:

with lib;

let
  cfg = config.services.studio-monitoring;
in
{
  options.services.studio-monitoring.enable = mkEnableOption "Prometheus, Grafana and node exporter";

  config = mkIf cfg.enable (mkMerge [
    {
      launchd.user.agents.prometheus.serviceConfig = {
        ProgramArguments = [
          "${pkgs.prometheus}/bin/prometheus"
          "--config.file=/Users/bryan/monitoring/prometheus.yml"
        ];
        KeepAlive = true;
      };
    }
    {
      system.activationScripts.monitoring-setup.text = mkAfter ''
        mkdir -p /Users/bryan/monitoring/data
        chown -R bryan:staff /Users/bryan/monitoring
      '';

      # Runs as the user after activation (it used to).
      system.activationScripts.postUserActivation.text = ''
        /bin/launchctl kickstart -k gui/501/org.nixos.prometheus
      '';
    }
  ]);
}
