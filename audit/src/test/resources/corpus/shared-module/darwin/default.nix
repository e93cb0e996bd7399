{ imports = [ ../common/ssh-keys.nix ]; homebrew.enable = true; }
