package dev.outage.benchmarks.nix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, real-world-like corpus of Nix files: NixOS and nix-darwin modules, home-manager
 * configurations and flakes with varying names, options, services and strings.
 */
public final class NixCorpus {

    private static final String[] SERVICES = {
        "prometheus",
        "alertmanager",
        "grafana",
        "nginx",
        "postgresql",
        "redis",
        "loki",
        "node-exporter",
        "blackbox",
        "restic",
        "syncthing",
        "caddy",
        "gitea",
        "vaultwarden",
        "home-assistant"
    };

    private NixCorpus() {}

    /** Writes {@code count} files into {@code dir} (subfolders of 100 files) and returns their paths. */
    public static List<Path> write(Path dir, int count, long seed) {
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                Path folder = dir.resolve("hosts" + (i / 100));
                Files.createDirectories(folder);
                Path file = folder.resolve("module" + i + ".nix");
                Files.writeString(file, file(random, i));
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Nix corpus under " + dir, e);
        }
        return files;
    }

    /** Returns the text of one corpus file. */
    public static String file(Random random, int index) {
        String service = SERVICES[random.nextInt(SERVICES.length)];
        int port = 3000 + random.nextInt(6000);
        return switch (index % 4) {
            case 0 -> nixosModule(service, port, random);
            case 1 -> darwinHost(service, port, random);
            case 2 -> homeManager(service, random);
            default -> flake(service, random);
        };
    }

    private static String nixosModule(String service, int port, Random random) {
        StringBuilder options = new StringBuilder();
        int n = 2 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            options.append("""
                        option%d = mkOption {
                          type = types.%s;
                          default = %s;
                          description = ''
                            Setting number %d of the %s module.
                            See https://example.org/docs/%s#opt%d for details.
                          '';
                        };
                    """.formatted(
                            i,
                            i % 2 == 0 ? "int" : "str",
                            i % 2 == 0 ? String.valueOf(i * 7) : "\"v" + i + "\"",
                            i,
                            service,
                            service,
                            i));
        }
        return """
                # NixOS module for %1$s
                { config, lib, pkgs, ... }:
                with lib;
                let
                  cfg = config.services.%2$s;
                  settingsFormat = pkgs.formats.yaml { };
                  configFile = settingsFormat.generate "%1$s.yml" cfg.settings;
                in {
                  options.services.%2$s = {
                    enable = mkEnableOption "the %1$s service";
                    port = mkOption { type = types.port; default = %3$d; };
                %4$s    settings = mkOption { type = settingsFormat.type; default = { }; };
                  };
                  config = mkIf cfg.enable {
                    assertions = [{ assertion = cfg.port > 1024 && cfg.port < 65536; message = "bad port ${toString cfg.port}"; }];
                    systemd.services.%1$s = {
                      wantedBy = [ "multi-user.target" ];
                      after = [ "network-online.target" ] ++ optional config.services.postgresql.enable "postgresql.service";
                      serviceConfig = {
                        ExecStart = "${pkgs.%1$s}/bin/%1$s --config ${configFile} --listen 127.0.0.1:${toString cfg.port}";
                        Restart = "on-failure";
                        DynamicUser = true;
                      };
                    };
                    networking.firewall.allowedTCPPorts = optionals (cfg.port != 0) [ cfg.port ];
                  };
                }
                """.formatted(service, service.replace("-", "_"), port, options);
    }

    private static String darwinHost(String service, int port, Random random) {
        return """
                { config, pkgs, lib, ... }:
                let
                  user = "ops%2$d";
                  inherit (lib) mkIf mkAfter;
                in
                {
                  environment.systemPackages = with pkgs; [ git %1$s (python311.withPackages (ps: [ ps.requests ])) ];
                  /* activation */
                  system.activationScripts.postActivation.text = mkAfter ''
                    echo "activating ${user}" >&2
                    if [ ! -d /Users/${user}/.venv ]; then
                      ${pkgs.python311}/bin/python3 -m venv /Users/${user}/.venv
                    fi
                  '';
                  launchd.daemons.%1$s.serviceConfig = {
                    ProgramArguments = [ "${pkgs.%1$s}/bin/%1$s" "--port=%3$d" ];
                    KeepAlive = true;
                    RunAtLoad = true;
                    StandardErrorPath = "/var/log/%1$s.err";
                  };
                  users.users.${user}.home = "/Users/${user}";
                  nix.settings.trusted-users = [ "root" user ];
                  system.stateVersion = %4$d;
                }
                """.formatted(service, random.nextInt(100), port, 4 + random.nextInt(2));
    }

    private static String homeManager(String service, Random random) {
        return """
                { pkgs, lib, config, ... }:
                {
                  home.packages = with pkgs; [ ripgrep jq fd ] ++ lib.optionals pkgs.stdenv.isLinux [ strace ];
                  programs.git = {
                    enable = true;
                    aliases = { st = "status -sb"; lg = "log --graph --oneline --decorate"; };
                    extraConfig.pull.rebase = %2$s;
                  };
                  xdg.configFile."%1$s/config.json".text = builtins.toJSON {
                    url = "http://127.0.0.1:%3$d/";
                    retries = %4$d;
                    labels = { team = "ops"; service = "%1$s"; };
                  };
                  home.activation.%5$s = lib.hm.dag.entryAfter [ "writeBoundary" ] ''
                    $DRY_RUN_CMD mkdir -p ${config.home.homeDirectory}/.cache/%1$s
                  '';
                  home.sessionVariables.PATH = "$HOME/.local/bin:$PATH";
                }
                """.formatted(
                        service,
                        random.nextBoolean(),
                        8000 + random.nextInt(1000),
                        random.nextInt(9),
                        service.replace("-", ""));
    }

    private static String flake(String service, Random random) {
        return """
                {
                  description = "%1$s hosts";
                  inputs = {
                    nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.%2$d";
                    darwin = { url = "github:LnL7/nix-darwin"; inputs.nixpkgs.follows = "nixpkgs"; };
                  };
                  outputs = { self, nixpkgs, darwin, ... }@inputs:
                    let
                      systems = [ "x86_64-linux" "aarch64-darwin" ];
                      forAll = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
                    in {
                      nixosConfigurations.%1$s = nixpkgs.lib.nixosSystem {
                        system = "x86_64-linux";
                        modules = [ ./configuration.nix { services.%1$s.enable = true; } ];
                        specialArgs = { inherit inputs; };
                      };
                      devShells = forAll (pkgs: { default = pkgs.mkShell { packages = [ pkgs.jdk17 ]; }; });
                      checks = forAll (pkgs: { ok = pkgs.runCommand "ok" { } "touch $out"; });
                    };
                }
                """.formatted(service.replace("-", "_"), 5 + random.nextInt(7));
    }
}
