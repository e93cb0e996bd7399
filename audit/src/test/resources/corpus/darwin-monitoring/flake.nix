{
  outputs = { nix-darwin, ... }: {
    darwinConfigurations.studio = nix-darwin.lib.darwinSystem { modules = [ ./monitoring.nix ]; };
  };
}
