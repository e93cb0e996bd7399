{ config, lib, pkgs, ... }:

{
  # nix-darwin runs only its own phases; custom names are folded into postActivation.
  system.activationScripts.postActivation.text = lib.mkAfter ''
    # ollama-restart: restart ollama after brew upgrades it.
    if /opt/homebrew/bin/brew outdated --quiet | grep -q '^ollama$'; then
      /opt/homebrew/bin/brew upgrade ollama
    fi
    /bin/launchctl kickstart -k gui/501/homebrew.mxcl.ollama

    # ollama-firewall
    /usr/libexec/ApplicationFirewall/socketfilterfw --add /opt/homebrew/opt/ollama/bin/ollama
    /usr/libexec/ApplicationFirewall/socketfilterfw --unblockapp /opt/homebrew/opt/ollama/bin/ollama
  '';
}
