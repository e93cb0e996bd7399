{
  outputs = { nix-darwin, ... }: {
    darwinConfigurations.mini = nix-darwin.lib.darwinSystem { modules = [ ./darwin.nix ]; };
  };
}
