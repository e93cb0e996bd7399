{ config, lib, pkgs, ... }:
let
  cfg = config.local.monitoring;
  promDir = "/Users/ops/prometheus";
in
{
  options.local.monitoring.enable = lib.mkEnableOption "monitoring";
  config = lib.mkIf cfg.enable {
    services.prometheus = {
      enable = true;
      rules = [ (builtins.readFile ./alerts.yml) ]; # expect: prometheus-rules-without-alertmanager
    };
    system.activationScripts = {
      "prometheus-dirs".text = "mkdir -p ${promDir}"; # expect: darwin-activation-script-never-runs
      launchd.text = lib.mkAfter "echo loaded";
    };
    system.activationScripts."prometheus-dirs".deps = [ "users" ]; # expect: darwin-activation-deps-unsupported
  };
}
