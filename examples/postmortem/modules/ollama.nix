{ config, lib, pkgs, ... }:

{
  # Restart ollama after brew upgrades it, so the running binary matches the installed one.
  system.activationScripts.ollama-restart.text = ''
    if /opt/homebrew/bin/brew outdated --quiet | grep -q '^ollama$'; then
      /opt/homebrew/bin/brew upgrade ollama
    fi
    /bin/launchctl kickstart -k gui/501/homebrew.mxcl.ollama
  '';

  system.activationScripts = {
    ollama-firewall = {
      text = ''
        /usr/libexec/ApplicationFirewall/socketfilterfw --add /opt/homebrew/opt/ollama/bin/ollama
        /usr/libexec/ApplicationFirewall/socketfilterfw --unblockapp /opt/homebrew/opt/ollama/bin/ollama
      '';
    };
  };
}
