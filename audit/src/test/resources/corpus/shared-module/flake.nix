{
  outputs = { nixpkgs, nix-darwin, ... }: {
    darwinConfigurations.mac = nix-darwin.lib.darwinSystem { modules = [ ./darwin/default.nix ]; };
    nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ ./nixos/default.nix ]; };
  };
}
