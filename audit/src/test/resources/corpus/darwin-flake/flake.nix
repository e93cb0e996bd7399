{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
    darwin.url = "github:nix-darwin/nix-darwin";
  };
  outputs = inputs@{ self, nixpkgs, darwin, ... }:
    let
      mkMac = host: darwin.lib.darwinSystem {
        specialArgs = { inherit inputs; };
        modules = [ ./hosts/${host}.nix ./modules ];
      };
    in {
      darwinConfigurations = {
        air = darwin.lib.darwinSystem {
          modules = [ ./hosts/air.nix ./modules ];
        };
      };
    };
}
