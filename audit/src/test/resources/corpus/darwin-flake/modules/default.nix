{ ... }:
{
  imports = [ ./dock.nix ./tailscale.nix ];
}
