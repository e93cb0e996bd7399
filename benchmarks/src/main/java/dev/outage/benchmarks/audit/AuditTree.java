package dev.outage.benchmarks.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates a configuration tree of a given size for the audit benchmarks: a flake with
 * nix-darwin, NixOS and home-manager configurations, host files importing modules, and modules
 * in the shapes the rules see through (mkIf, mkMerge, let, nested sets, launchd and systemd
 * services). About one module in ten holds a custom activation script.
 *
 * <p>Run {@code java -cp benchmarks/target/benchmarks.jar dev.outage.benchmarks.audit.AuditTree DIR 4000}
 * to write a tree for timing {@code outage audit DIR}.
 */
public final class AuditTree {

    private AuditTree() {}

    /** Writes a tree of {@code files} files into {@code dir}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: AuditTree DIR FILES");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (Map.Entry<String, String> file :
                generate(Integer.parseInt(args[1])).entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    /** Returns {@code files} generated files by relative path. */
    public static Map<String, String> generate(int files) {
        Map<String, String> tree = new LinkedHashMap<>();
        int hosts = Math.max(1, files / 50);
        int modules = files - hosts - 1;
        StringBuilder flake = new StringBuilder("{\n  outputs = { nixpkgs, nix-darwin, home-manager, ... }: {\n");
        for (int h = 0; h < hosts; h++) {
            String kind = h % 3 == 0 ? "darwin" : h % 3 == 1 ? "nixos" : "home";
            String builder = switch (kind) {
                case "darwin" -> "darwinConfigurations.host" + h + " = nix-darwin.lib.darwinSystem";
                case "nixos" -> "nixosConfigurations.host" + h + " = nixpkgs.lib.nixosSystem";
                default -> "homeConfigurations.host" + h + " = home-manager.lib.homeManagerConfiguration";
            };
            flake.append("    ")
                    .append(builder)
                    .append(" { modules = [ ./hosts/host")
                    .append(h)
                    .append(".nix ]; };\n");
            StringBuilder host = new StringBuilder("{ lib, ... }:\n{\n  imports = [\n");
            for (int m = h; m < modules; m += hosts) {
                host.append("    ../modules/group")
                        .append(m % 40)
                        .append("/module")
                        .append(m)
                        .append(".nix\n");
            }
            host.append("  ];\n}\n");
            tree.put("hosts/host" + h + ".nix", host.toString());
        }
        flake.append("  };\n}\n");
        tree.put("flake.nix", flake.toString());
        for (int m = 0; m < modules; m++) {
            tree.put("modules/group" + (m % 40) + "/module" + m + ".nix", module(m));
        }
        return tree;
    }

    private static String module(int m) {
        String custom = m % 10 == 0
                ? "      system.activationScripts.setup" + m + ".text = lib.mkAfter ''\n        mkdir -p /var/lib/svc"
                        + m + "\n      '';\n"
                : "      system.activationScripts.postActivation.text = lib.mkAfter \"echo " + m + "\";\n";
        return "{ config, lib, pkgs, ... }:\n"
                + "with lib;\n"
                + "let\n"
                + "  cfg = config.local.svc" + m + ";\n"
                + "  port = " + (8000 + m % 1000) + ";\n"
                + "in\n"
                + "{\n"
                + "  options.local.svc" + m + ".enable = mkEnableOption \"service " + m + "\";\n"
                + "  config = mkIf cfg.enable (mkMerge [\n"
                + "    {\n"
                + "      launchd.user.agents.svc" + m + ".serviceConfig = {\n"
                + "        ProgramArguments = [ \"${pkgs.hello}/bin/hello\" \"--port\" (toString port) ];\n"
                + "        KeepAlive = true;\n"
                + "      };\n"
                + "    }\n"
                + "    {\n"
                + custom
                + "      environment.etc.\"svc" + m + ".conf\".text = ''\n"
                + "        listen = 127.0.0.1:${toString port}\n"
                + "        name = svc" + m + "\n"
                + "      '';\n"
                + "    }\n"
                + "  ]);\n"
                + "}\n";
    }
}
