{ lib, pkgs, ... }:
with lib;
{
  services.tailscale.enable = true;
  system.activationScripts = mkMerge [
    { extraActivation.text = mkAfter "echo tailscale ready"; }
    {
      "tailscale-up" = { # expect: darwin-activation-script-never-runs
        text = "${pkgs.tailscale}/bin/tailscale up --ssh";
      };
    }
  ];
}
