package dev.outage.nix.rules;

import static dev.outage.nix.rules.NixAuditFixture.darwinModule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.finding.Severity;
import dev.outage.nix.module.DarwinRevision;
import dev.outage.nix.module.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarwinActivationScriptRuleTest {

    private static final String RULE = "darwin-activation-script-never-runs";

    private static List<Finding> neverRuns(String module) {
        return darwinModule(module).findings(RULE);
    }

    /** Each shape: the module text, then the name as written; the finding must point at it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dotted path                | { system.activationScripts.foo.text = "echo"; }                                              | foo
            nested set                 | { system = { activationScripts = { foo = { text = "echo"; }; }; }; }                          | foo
            nested dotted in set       | { system = {\\n  activationScripts.foo.text = "x";\\n}; }                                     | foo
            module function            | { config, lib, pkgs, ... }:\\n{ system.activationScripts.foo.text = "x"; }                 | foo
            config split               | { lib, ... }: { options = {}; config.system.activationScripts.foo.text = "x"; }           | foo
            config set                 | { lib, ... }: { imports = []; config = { system.activationScripts.foo.text = "x"; }; }     | foo
            lib.mkIf                   | { config, lib, ... }: { config = lib.mkIf config.x.enable { system.activationScripts.foo.text = "x"; }; } | foo
            bare mkIf with lib         | { config, lib, ... }: with lib; { config = mkIf true { system.activationScripts.foo.text = "x"; }; } | foo
            mkMerge                    | { lib, ... }: { config = lib.mkMerge [ { } { system.activationScripts.foo.text = "x"; } ]; } | foo
            mkAfter                    | { lib, ... }: { system.activationScripts.foo.text = lib.mkAfter "x"; }                     | foo
            mkForce on set             | { lib, ... }: { system.activationScripts.foo = lib.mkForce { text = "x"; }; }              | foo
            mkOrder                    | { lib, ... }: { system.activationScripts.foo.text = lib.mkOrder 1500 "x"; }               | foo
            mkOverride                 | { lib, ... }: { system.activationScripts = lib.mkOverride 50 { foo.text = "x"; }; }       | foo
            optionalAttrs              | { lib, ... }: { system = lib.optionalAttrs true { activationScripts.foo.text = "x"; }; }   | foo
            if then else               | { lib, ... }: { system.activationScripts = if true then { foo.text = "x"; } else { }; }   | foo
            update operator            | { lib, ... }: { system.activationScripts = { } // { foo.text = "x"; }; }                  | foo
            let bound set              | { lib, ... }: let s = { foo.text = "x"; }; in { system.activationScripts = s; }           | foo
            let in module body         | { lib, ... }:\\nlet t = "x"; in\\n{ system.activationScripts.foo.text = t; }               | foo
            quoted name                | { system.activationScripts."foo-bar".text = "x"; }                                         | "foo-bar"
            interpolated name          | let n = "x"; in { system.activationScripts."${n}-setup".text = "x"; }                      | "${n}-setup"
            """)
    void findsCustomNamesInEveryShape(String shape, String module, String name) {
        String text = module.replace("\\n", "\n");
        List<Finding> findings = neverRuns(text);
        String position = position(text, name);

        assertThat(findings).as(shape).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().file()).isEqualTo("module.nix");
            assertThat(f.location().line() + ":" + f.location().column()).isEqualTo(position);
            assertThat(f.message()).contains("never runs");
        });
    }

    /** Returns line:column of the first {@code name} that is not part of a longer word. */
    private static String position(String text, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(name))
                .matcher(text);
        assertThat(m.find()).as("name %s in %s", name, text).isTrue();
        int line = 1
                + (int) text.substring(0, m.start())
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        int column = m.start() - text.lastIndexOf('\n', m.start() - 1);
        return line + ":" + column;
    }

    @Test
    void hintNamesThePhasesThatRunAndTheFix() {
        Finding finding = neverRuns("{ system.activationScripts.ollama-restart.text = \"x\"; }")
                .get(0);

        assertThat(finding.message()).contains("system.activationScripts.ollama-restart");
        assertThat(finding.hint())
                .contains("preActivation", "extraActivation", "postActivation", "launchd", "homebrew")
                .contains("lib.mkAfter")
                .contains("listed in darwinConfigurations.mac modules at flake.nix:5:");
    }

    @Test
    void realPhasesAndTheScriptItselfAreFine() {
        assertThat(neverRuns("""
                { lib, ... }: {
                  system.activationScripts.postActivation.text = lib.mkAfter "echo post";
                  system.activationScripts.extraActivation.text = "echo extra";
                  system.activationScripts.preActivation.text = lib.mkBefore "echo pre";
                  system.activationScripts.launchd.text = lib.mkForce "";
                  system.activationScripts.script.text = lib.mkAfter "echo raw";
                }
                """)).isEmpty();
    }

    @Test
    void commentsAndOptionDescriptionsThatMentionANameAreNotDefinitions() {
        assertThat(neverRuns("""
                { lib, ... }: {
                  # system.activationScripts.foo.text = "never defined";
                  /* system.activationScripts.bar.text = "x"; */
                  options.my.enable = lib.mkOption {
                    description = "Adds system.activationScripts.baz, which nix-darwin never runs.";
                    default = false;
                  };
                  config.environment.etc."x".text = "system.activationScripts.qux.text";
                }
                """)).isEmpty();
    }

    @Test
    void nixosRunsCustomNames() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", NixAuditFixture.NIXOS_FLAKE)
                .file("module.nix", "{ system.activationScripts.foo = { text = \"x\"; deps = [ \"etc\" ]; }; }")
                .findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void homeManagerActivationIsAnotherMechanism() {
        List<Finding> findings = darwinModule("""
                { lib, ... }: {
                  home-manager.users.bob = { lib, ... }: {
                    home.activation.linkModels = lib.hm.dag.entryAfter [ "writeBoundary" ] "ln -s a b";
                  };
                }
                """).findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void modulesOfHomeManagerUsersAreHomeManagerEvenInsideADarwinConfiguration() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", NixAuditFixture.DARWIN_FLAKE)
                .file(
                        "module.nix",
                        "{ home-manager.users.bob = import ./bob.nix; home-manager.sharedModules = [ ./all.nix ]; }")
                .file("bob.nix", "{ system.activationScripts.notDarwin.text = \"x\"; }")
                .file("all.nix", "{ system.activationScripts.alsoNot.text = \"x\"; }")
                .findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void unreachedModuleWithoutPlatformGetsAWarning() {
        List<Finding> findings = new NixAuditFixture()
                .file("shared.nix", "{ system.activationScripts.foo.text = \"x\"; }")
                .findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message())
                    .startsWith("if this module is used by nix-darwin, ")
                    .contains("never runs");
        });
    }

    @Test
    void unreachedModuleWithDarwinOnlyOptionsIsDarwin() {
        List<Finding> findings = new NixAuditFixture()
                .file("mac.nix", "{ homebrew.enable = true; system.activationScripts.foo.text = \"x\"; }")
                .findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.hint()).contains("defines the nix-darwin option homebrew");
        });
    }

    /** Shapes of NixOS-only modules seen in public configuration repositories, reduced. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            desktop service    | { services.xserver.enable = true; system.activationScripts.setup.text = "x"; }
            firewall           | { networking.firewall.allowedTCPPorts = [ 22 ]; system.activationScripts.setup = "x"; }
            normal user        | { users.users.ann = { isNormalUser = true; }; system.activationScripts.setup.text = "x"; }
            hardware           | { lib, ... }: { hardware.bluetooth.enable = true; system.activationScripts.setup = lib.mkAfter "x"; }
            flatpak            | { services.flatpak.enable = true; system.activationScripts.setup.text = "x"; }
            """)
    void unreachedModuleWithNixosOnlyOptionsIsNixos(String shape, String module) {
        List<Finding> findings =
                new NixAuditFixture().file("shared.nix", module).findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void nixosModuleWithStringScriptsAndUserUnitsIsNixos() {
        List<Finding> findings =
                new NixAuditFixture().file("activation.nix", """
                        { config, lib, ... }: {
                          config = {
                            system.activationScripts.tmpdirs = "mkdir -p /var/tmp";
                            system.activationScripts.envlink = if config.x then "ln -s a b" else "rm -f b";
                            systemd.user.services.on-activation.script = "true";
                          };
                        }
                        """).findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void unreachedModuleOfATreeThatBuildsOnlyNixosIsNixos() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", NixAuditFixture.NIXOS_FLAKE)
                .file("module.nix", "{ imports = map (f: ./parts + \"/${f}\") [ \"a.nix\" ]; }")
                .file("parts/a.nix", "{ system.activationScripts.seed = { deps = [ \"users\" ]; text = \"x\"; }; }")
                .findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void nixosConfigurationsBuiltByAHelperWithComputedPathsStillMakeTheTreeNixos() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", """
                        { outputs = { nixpkgs, ... }: let
                            mk = host: nixpkgs.lib.nixosSystem { modules = [ ./hosts/${host} ]; };
                          in { nixosConfigurations = nixpkgs.lib.genAttrs [ "box" ] mk; }; }
                        """)
                .file("hosts/box/default.nix", "{ system.activationScripts.seed.text = \"x\"; }")
                .findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void modulesAFlakeExportsGetThePlatformOfTheExport() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", """
                        { outputs = { self, ... }: {
                            darwinModules.default = ./mac.nix;
                            nixosModules = { seed = import ./seed.nix; inline = { system.activationScripts.b.text = "x"; }; };
                          }; }
                        """)
                .file("mac.nix", "{ system.activationScripts.warmCache.text = \"x\"; }")
                .file("seed.nix", "{ system.activationScripts.seed.text = \"x\"; }")
                .findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().file()).isEqualTo("mac.nix");
            assertThat(f.hint()).contains("exported as darwinModules.default at flake.nix:2:");
        });
    }

    @Test
    void unreachedModuleStaysUnknownWhenTheTreeAlsoUsesDarwin() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", NixAuditFixture.NIXOS_FLAKE)
                .file("module.nix", "{ }")
                .file("mac.nix", "{ homebrew.enable = true; }")
                .file("parts/a.nix", "{ system.activationScripts.seed.text = \"x\"; }")
                .findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().file()).isEqualTo("parts/a.nix");
        });
    }

    @Test
    void unreachedModuleSettingAnOldDarwinUserHookIsDarwin() {
        List<Finding> findings = new NixAuditFixture().file("term.nix", """
                        { config, lib, ... }: {
                          options.my.term.enable = lib.mkEnableOption "term";
                          config.system.activationScripts.extraUserActivation.text =
                            if config.my.term.enable then "ln -sf /etc/term.conf ~/.term.conf" else "";
                        }
                        """).findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("extraUserActivation was removed from nix-darwin");
        });
    }

    @Test
    void launchdAgentsAloneDoNotMakeAHomeManagerModuleDarwin() {
        List<Finding> findings = new NixAuditFixture().file("mac-home.nix", """
                        { config, lib, ... }: {
                          home.packages = [ ];
                          launchd.agents.wake = { enable = true; config.RunAtLoad = true; };
                          system.activationScripts.notHere.text = "x";
                        }
                        """).findings(RULE);

        assertThat(findings).isEmpty();
    }

    /** A module shared by nix-darwin and NixOS hosts that guards its NixOS-only scripts by platform. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mkIf isLinux          | { pkgs, lib, ... }: { config = lib.mkIf pkgs.stdenv.isLinux { system.activationScripts.seed = { deps = [ "users" ]; text = "x"; }; }; }
            mkIf host isLinux     | { pkgs, lib, ... }: { config = lib.mkIf (pkgs.stdenv.hostPlatform.isLinux && true) { system.activationScripts.seed.text = "x"; }; }
            mkIf not isDarwin     | { pkgs, lib, ... }: { system.activationScripts = lib.mkIf (!pkgs.stdenv.isDarwin) { seed.text = "x"; }; }
            else of isDarwin      | { pkgs, lib, ... }: { system = if pkgs.stdenv.isDarwin then { } else { activationScripts.seed.text = "x"; }; }
            optionalAttrs isLinux | { pkgs, lib, ... }: lib.optionalAttrs pkgs.stdenv.isLinux { system.activationScripts.seed.text = "x"; }
            """)
    void scriptsGuardedAgainstMacosAreNotJudgedForDarwin(String shape, String module) {
        List<Finding> findings = darwinModule(module).findings();

        assertThat(findings).isEmpty();
    }

    @Test
    void aConditionThatCanHoldOnMacosDoesNotExcuseTheScript() {
        List<Finding> findings = darwinModule("""
                { pkgs, lib, config, ... }: {
                  config = lib.mkIf (config.my.enable || pkgs.stdenv.isLinux) { system.activationScripts.seed.text = "x"; };
                }
                """).findings(RULE);

        assertThat(findings).hasSize(1);
    }

    @Test
    void platformOverrideWins() {
        NixAuditFixture fixture =
                new NixAuditFixture().file("shared.nix", "{ system.activationScripts.foo.text = \"x\"; }");

        assertThat(fixture.platform(Platform.NIXOS).findings(RULE)).isEmpty();
        assertThat(fixture.platform(Platform.DARWIN).findings(RULE))
                .singleElement()
                .extracting(Finding::severity)
                .isEqualTo(Severity.ERROR);
    }

    @Test
    void removedUserHooksHaveTheirOwnMessageOnCurrentDarwin() {
        List<Finding> findings = neverRuns("{ system.activationScripts.postUserActivation.text = \"x\"; }");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("was removed from nix-darwin").contains("evaluation fails");
            assertThat(f.hint()).contains("postActivation").contains("lib.mkAfter");
        });
    }

    @Test
    void userHooksRanBeforeTheRootOnlyChange() {
        DarwinRevision before =
                new DarwinRevision(Optional.of("abc"), Optional.of(Instant.parse("2024-06-01T00:00:00Z")));

        List<Finding> findings = darwinModule("{ system.activationScripts.postUserActivation.text = \"x\"; }")
                .revision(before)
                .findings(RULE);

        assertThat(findings).isEmpty();
    }

    @Test
    void importsCarryThePlatform() {
        List<Finding> findings = new NixAuditFixture()
                .file("flake.nix", NixAuditFixture.DARWIN_FLAKE)
                .file("module.nix", "{ imports = [ ./services ]; }")
                .file("services/default.nix", "{ imports = [ (import ./web.nix) ]; }")
                .file("services/web.nix", "{ system.activationScripts.web-setup.text = \"x\"; }")
                .findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().file()).isEqualTo("services/web.nix");
            assertThat(f.hint()).contains("imported by services/default.nix");
        });
    }

    @Test
    void inlineModulesInTheFlakeAreChecked() {
        List<Finding> findings = new NixAuditFixture().file("flake.nix", """
                        {
                          outputs = { nix-darwin, ... }: {
                            darwinConfigurations.mac = nix-darwin.lib.darwinSystem {
                              modules = [
                                ({ pkgs, ... }: { system.activationScripts.inline-one.text = "x"; })
                              ];
                            };
                          };
                        }
                        """).findings(RULE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(5);
            assertThat(f.message()).contains("inline-one");
        });
    }

    @Test
    void suppressionCommentOnTheLineAboveDropsTheFinding() {
        assertThat(neverRuns("""
                {
                  # outage: ignore darwin-activation-script-never-runs
                  system.activationScripts.foo.text = "x";
                  system.activationScripts.bar.text = "x"; # outage: ignore pip-user-install
                }
                """))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains(".bar"));
    }

    @Test
    void unparsableFileIsAFindingWithItsPosition() {
        List<Finding> findings =
                darwinModule("{ system.activationScripts.foo.text = \"x\" }").findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("file-unparsable");
            assertThat(f.location().line()).isEqualTo(1);
            assertThat(f.message()).contains("syntax error");
        });
    }
}
