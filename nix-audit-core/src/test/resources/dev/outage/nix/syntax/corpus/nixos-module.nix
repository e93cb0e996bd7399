{ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.services.outageProbe;
  settingsFormat = pkgs.formats.yaml { };
  configFile = settingsFormat.generate "outage.yml" cfg.settings;
in {
  options.services.outageProbe = {
    enable = mkEnableOption "the outage probe service";
    interval = mkOption {
      type = types.int;
      default = 60;
      description = "Seconds between probes.";
    };
    settings = mkOption {
      type = settingsFormat.type;
      default = { };
    };
    extraArgs = mkOption {
      type = with types; listOf str;
      default = [ ];
    };
  };

  config = mkIf cfg.enable {
    assertions = [{
      assertion = cfg.interval > 0 && cfg.interval <= 3600;
      message = "interval must be within 1..3600, got ${toString cfg.interval}";
    }];
    systemd.services.outage-probe = {
      description = "outage probe";
      wantedBy = [ "multi-user.target" ];
      after = [ "network-online.target" ];
      serviceConfig = {
        ExecStart = "${pkgs.jdk17}/bin/java -jar /opt/outage.jar gate --config ${configFile} ${escapeShellArgs cfg.extraArgs}";
        Restart = "on-failure";
        DynamicUser = true;
        StateDirectory = "outage";
      };
      environment.OUTAGE_INTERVAL = toString cfg.interval;
    };
    services.prometheus = {
      enable = true;
      alertmanagers = [{ static_configs = [{ targets = [ "127.0.0.1:9093" ]; }]; }];
      rules = [ (builtins.readFile ./rules/outage.yml) ];
      scrapeConfigs = map (name: { job_name = name; static_configs = [{ targets = [ "localhost:${toString (9100 + stringLength name)}" ]; }]; }) [ "node" "probe" ];
    };
    networking.firewall.allowedTCPPorts = optionals (cfg.settings ? port) [ cfg.settings.port ];
  };
}
