{
  description = "ops hosts";
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";
    darwin.url = "github:LnL7/nix-darwin";
    darwin.inputs.nixpkgs.follows = "nixpkgs";
    home-manager = {
      url = "github:nix-community/home-manager/release-23.11";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };
  outputs = { self, nixpkgs, darwin, home-manager, ... }@inputs:
    let
      systems = [ "x86_64-linux" "aarch64-darwin" ];
      forAll = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in {
      darwinConfigurations."mac-mini" = darwin.lib.darwinSystem {
        system = "aarch64-darwin";
        modules = [ ./darwin-configuration.nix home-manager.darwinModules.home-manager ];
        specialArgs = { inherit inputs; };
      };
      nixosConfigurations.server = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        modules = [ ./nixos-module.nix { services.outageProbe.enable = true; } ];
      };
      devShells = forAll (pkgs: { default = pkgs.mkShell { packages = [ pkgs.jdk17 pkgs.maven ]; }; });
      checks = forAll (pkgs: {
        fmt = pkgs.runCommand "fmt" { } "touch $out";
      });
    };
}
