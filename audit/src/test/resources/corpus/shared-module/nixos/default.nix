{ imports = [ ../common/ssh-keys.nix ]; boot.isContainer = true; }
