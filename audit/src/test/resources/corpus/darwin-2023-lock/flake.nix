{
  outputs = { darwin, ... }: {
    darwinConfigurations.old = darwin.lib.darwinSystem { modules = [ ./configuration.nix ]; };
  };
}
