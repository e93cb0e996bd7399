{
  outputs = { nixpkgs, home-manager, ... }: {
    homeConfigurations."ana@laptop" = home-manager.lib.homeManagerConfiguration {
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      modules = [ ./home.nix ];
    };
  };
}
