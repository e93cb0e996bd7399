package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.module.DarwinRevision;
import dev.outage.nix.module.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a small tree of Nix files in memory and audits it. */
final class NixAuditFixture {

    static final String DARWIN_FLAKE = """
            {
              inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
              outputs = { self, nixpkgs, nix-darwin, ... }: {
                darwinConfigurations.mac = nix-darwin.lib.darwinSystem {
                  modules = [ ./module.nix ];
                };
              };
            }
            """;

    static final String NIXOS_FLAKE = """
            {
              outputs = { self, nixpkgs, ... }: {
                nixosConfigurations.box = nixpkgs.lib.nixosSystem {
                  modules = [ ./module.nix ];
                };
              };
            }
            """;

    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<NixSource> shell = new ArrayList<>();
    private Platform platform = Platform.UNKNOWN;
    private DarwinRevision revision = DarwinRevision.unknown();
    private Optional<ActivateScript> script = Optional.empty();

    NixAuditFixture file(String path, String text) {
        files.put(path, text);
        return this;
    }

    NixAuditFixture shell(String path, String text) {
        shell.add(new NixSource(path, text));
        return this;
    }

    NixAuditFixture platform(Platform value) {
        platform = value;
        return this;
    }

    NixAuditFixture revision(DarwinRevision value) {
        revision = value;
        return this;
    }

    NixAuditFixture activateScript(String text) {
        script = Optional.of(new ActivateScript("result/activate", text));
        return this;
    }

    /** Puts {@code module} at module.nix under a nix-darwin flake. */
    static NixAuditFixture darwinModule(String module) {
        return new NixAuditFixture().file("flake.nix", DARWIN_FLAKE).file("module.nix", module);
    }

    NixAuditResult run() {
        List<NixSource> sources = new ArrayList<>();
        files.forEach((path, text) -> sources.add(new NixSource(path, text)));
        return new NixAudit(new NixAuditOptions(platform, revision, script)).audit(sources, shell);
    }

    List<Finding> findings() {
        return run().findings();
    }

    List<Finding> findings(String ruleId) {
        return findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
