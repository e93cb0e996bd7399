{
  outputs = { nix-darwin, ... }: {
    darwinConfigurations.gen = nix-darwin.lib.darwinSystem { modules = [ ./apps.nix ]; };
  };
}
