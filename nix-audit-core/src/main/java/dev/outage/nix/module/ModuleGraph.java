package dev.outage.nix.module;

import dev.outage.nix.syntax.AttrName;
import dev.outage.nix.syntax.Binding;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.Formals;
import dev.outage.nix.syntax.ParseResult;
import dev.outage.nix.syntax.StringPart;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules of a tree and the platform each is used on, with the reason.
 *
 * <p>Platforms flow from where configurations are built: {@code darwinSystem}/
 * {@code darwinConfigurations} modules are nix-darwin, {@code nixosSystem}/
 * {@code nixosConfigurations} NixOS, {@code homeManagerConfiguration}/{@code homeConfigurations},
 * {@code home-manager.users.<name>} and {@code home-manager.sharedModules} home-manager; modules a
 * flake exports as {@code darwinModules}, {@code nixosModules} or {@code homeManagerModules}/
 * {@code homeModules} are used on that platform; every module inherits the platform of the module
 * that imports it. A module reached from nowhere gets
 * a platform from options only one platform has ({@code homebrew}, {@code system.defaults},
 * {@code launchd.daemons}/{@code launchd.user}, {@code services.nix-daemon} for nix-darwin; {@code systemd},
 * {@code boot}, {@code fileSystems}, {@code hardware},
 * {@code services.xserver}, {@code networking.firewall}, {@code users.users.<name>.isNormalUser}
 * and similar for NixOS; {@code home.*} for home-manager). A module still without a platform
 * belongs to the tree's only platform when every configuration the tree builds is for NixOS (or
 * every one for home-manager) and no file of the tree is used on or looks like nix-darwin;
 * otherwise it has none.
 *
 * <pre>{@code
 * ModuleGraph graph = ModuleGraph.build(Map.of("flake.nix", flakeParse, "darwin.nix", darwinParse));
 * for (NixModule module : graph.modules()) {
 *     PlatformAssignment platform = graph.platformOf(module);
 * }
 * }</pre>
 *
 * <p>Limitations: configurations built by custom helper functions are recognised only under
 * {@code darwinConfigurations}, {@code nixosConfigurations} or {@code homeConfigurations}; modules
 * from other flakes ({@code inputs.x.darwinModules.y}) are not read. Not thread-safe while
 * building (files are analysed on the common fork-join pool); immutable afterwards.
 */
public final class ModuleGraph {

    private static final Map<String, Platform> BUILDERS = Map.of(
            "darwinSystem", Platform.DARWIN,
            "nixosSystem", Platform.NIXOS,
            "homeManagerConfiguration", Platform.HOME_MANAGER);
    private static final Map<String, Platform> OUTPUTS = Map.of(
            "darwinConfigurations", Platform.DARWIN,
            "nixosConfigurations", Platform.NIXOS,
            "homeConfigurations", Platform.HOME_MANAGER);

    /** Flake outputs that export modules for one platform. */
    private static final Map<String, Platform> EXPORTS = Map.of(
            "darwinModules", Platform.DARWIN,
            "nixosModules", Platform.NIXOS,
            "homeManagerModules", Platform.HOME_MANAGER,
            "homeModules", Platform.HOME_MANAGER);

    /** First names of options that only NixOS has among the platforms (nix-darwin has none of them). */
    private static final Set<String> NIXOS_TOP_LEVEL = Set.of(
            "systemd",
            "boot",
            "fileSystems",
            "swapDevices",
            "hardware",
            "virtualisation",
            "powerManagement",
            "zramSwap",
            "sound",
            "console");
    /** Second names under a shared first name that only NixOS has. */
    private static final Map<String, Set<String>> NIXOS_SECOND_LEVEL = Map.of(
            "services",
                    Set.of(
                            "xserver",
                            "pipewire",
                            "printing",
                            "udev",
                            "flatpak",
                            "getty",
                            "logind",
                            "journald",
                            "displayManager",
                            "desktopManager",
                            "resolved",
                            "fstrim"),
            "networking", Set.of("firewall", "networkmanager", "useDHCP", "interfaces", "nftables", "wireless"),
            "security", Set.of("polkit", "rtkit", "apparmor"));

    private final Map<String, NixModule> fileModules = new LinkedHashMap<>();
    private final Map<Expr, NixModule> inlineModules = new IdentityHashMap<>();
    private final Map<NixModule, Map<Platform, String>> platforms = new IdentityHashMap<>();
    private PlatformAssignment treeFallback;

    private ModuleGraph() {}

    /**
     * Builds the graph of the parsed files.
     *
     * @param files parsed files by relative path with {@code /} separators
     */
    public static ModuleGraph build(Map<String, ParseResult> files) {
        ModuleGraph graph = new ModuleGraph();
        List<String> paths = List.copyOf(files.keySet());
        List<NixModule> analysed = paths.parallelStream()
                .map(path -> ModuleAnalyzer.analyzeFile(path, files.get(path)))
                .toList();
        analysed.forEach(module -> graph.fileModules.put(module.file(), module));
        Deque<Visit> queue = new ArrayDeque<>();
        Map<Platform, String> built = new LinkedHashMap<>();
        for (NixModule module : List.copyOf(graph.fileModules.values())) {
            RootFinder finder = RootFinder.find(module.file(), module.parse());
            for (ModuleReference root : finder.roots) {
                queue.add(new Visit(module, root, root.platform(), root.reason()));
            }
            finder.built.forEach(built::putIfAbsent);
        }
        graph.propagate(queue);
        graph.treeFallback = graph.onlyPlatformOfTree(built);
        return graph;
    }

    /** Returns every module: each file, then each inline module reached from a configuration. */
    public List<NixModule> modules() {
        List<NixModule> all = new ArrayList<>(fileModules.values());
        all.addAll(inlineModules.values());
        return all;
    }

    /** Returns the module of a file, if the file is in the graph. */
    public Optional<NixModule> fileModule(String path) {
        return Optional.ofNullable(fileModules.get(path));
    }

    /** Returns every platform {@code module} is used on, with the reason; inferred when it is reached from nowhere. */
    public Map<Platform, String> platformsOf(NixModule module) {
        Map<Platform, String> reached = platforms.get(module);
        if (reached != null && !reached.isEmpty()) {
            return Map.copyOf(reached);
        }
        PlatformAssignment inferred = infer(module);
        return Map.of(inferred.platform(), inferred.reason());
    }

    /**
     * Returns the platform a rule about nix-darwin should assume for {@code module}: nix-darwin when
     * any configuration uses it there, otherwise its only platform, otherwise unknown.
     */
    public PlatformAssignment platformOf(NixModule module) {
        Map<Platform, String> all = platformsOf(module);
        for (Platform platform : List.of(Platform.DARWIN, Platform.NIXOS, Platform.HOME_MANAGER)) {
            if (all.containsKey(platform)) {
                return new PlatformAssignment(platform, all.get(platform));
            }
        }
        if (treeFallback != null) {
            return treeFallback;
        }
        return new PlatformAssignment(
                Platform.UNKNOWN,
                all.getOrDefault(Platform.UNKNOWN, PlatformAssignment.unknown().reason()));
    }

    /**
     * Returns the one platform every configuration of the tree is built for, when there are such
     * configurations, all for NixOS or all for home-manager, and no file of the tree is used on or
     * looks like nix-darwin; null otherwise. Modules reached from nowhere (imported by a helper the
     * graph cannot follow) then belong to that platform.
     */
    private PlatformAssignment onlyPlatformOfTree(Map<Platform, String> built) {
        if (built.size() != 1 || built.containsKey(Platform.DARWIN)) {
            return null;
        }
        Platform only = built.keySet().iterator().next();
        for (NixModule module : fileModules.values()) {
            if (platformsOf(module).containsKey(Platform.DARWIN)) {
                return null;
            }
        }
        return new PlatformAssignment(
                only,
                "the tree builds only " + (only == Platform.NIXOS ? "NixOS" : "home-manager") + " configurations ("
                        + built.get(only) + ") and no file in it uses nix-darwin");
    }

    private void propagate(Deque<Visit> queue) {
        int steps = 0;
        while (!queue.isEmpty() && steps++ < 100_000) {
            Visit visit = queue.poll();
            Optional<NixModule> target = target(visit.from(), visit.reference());
            if (target.isEmpty()) {
                continue;
            }
            Map<Platform, String> reached = platforms.computeIfAbsent(target.get(), m -> new LinkedHashMap<>());
            if (reached.containsKey(visit.platform())) {
                continue;
            }
            reached.put(visit.platform(), visit.reason());
            for (ModuleReference next : target.get().references()) {
                Platform platform = next.platform() == Platform.UNKNOWN ? visit.platform() : next.platform();
                String reason =
                        next.platform() == Platform.UNKNOWN ? next.reason() + ", " + visit.reason() : next.reason();
                queue.add(new Visit(target.get(), next, platform, shorten(reason)));
            }
        }
    }

    private Optional<NixModule> target(NixModule from, ModuleReference reference) {
        if (reference.inline().isPresent()) {
            Expr expr = reference.inline().get();
            return Optional.of(inlineModules.computeIfAbsent(
                    expr, e -> ModuleAnalyzer.analyzeInline(from.file(), from.parse(), e)));
        }
        String path = reference.file().orElseThrow();
        NixModule module = fileModules.get(path);
        if (module == null) {
            module = fileModules.get(path + "/default.nix");
        }
        return Optional.ofNullable(module);
    }

    private static String shorten(String reason) {
        String[] steps = reason.split(", ");
        if (steps.length <= 3) {
            return reason;
        }
        return steps[0] + ", " + steps[1] + ", ..., " + steps[steps.length - 1];
    }

    private static PlatformAssignment infer(NixModule module) {
        for (OptionDefinition definition : module.definitions()) {
            Optional<String> darwin = darwinOnly(definition);
            if (darwin.isPresent()) {
                return new PlatformAssignment(
                        Platform.DARWIN,
                        "defines the nix-darwin option " + darwin.get() + " at " + module.file() + ":"
                                + definition.rangeOf(0).position());
            }
        }
        for (OptionDefinition definition : module.definitions()) {
            String first = definition.name(0).orElse("");
            Optional<String> nixos = nixosOnly(definition);
            if (nixos.isPresent()) {
                return new PlatformAssignment(
                        Platform.NIXOS,
                        "defines the NixOS option " + nixos.get() + " at " + module.file() + ":"
                                + definition.rangeOf(0).position());
            }
            if (first.equals("home")) {
                return new PlatformAssignment(
                        Platform.HOME_MANAGER,
                        "defines the home-manager option home at " + module.file() + ":"
                                + definition.rangeOf(0).position());
            }
        }
        return PlatformAssignment.unknown();
    }

    /**
     * Names the NixOS option {@code definition} sets when nix-darwin has no such option. Home-manager
     * shares a few ({@code systemd.user}), but it has no activation scripts of this kind, so the
     * nix-darwin rules judge such a module the same either way.
     */
    private static Optional<String> nixosOnly(OptionDefinition definition) {
        String first = definition.name(0).orElse("");
        if (NIXOS_TOP_LEVEL.contains(first)) {
            return Optional.of(first);
        }
        String second = definition.name(1).orElse("");
        if (NIXOS_SECOND_LEVEL.getOrDefault(first, Set.of()).contains(second)) {
            return Optional.of(first + "." + second);
        }
        if (first.equals("users") && second.equals("users")) {
            Optional<String> fourth = definition.name(3);
            if (fourth.filter(name ->
                            name.equals("isNormalUser") || name.equals("isSystemUser") || name.equals("extraGroups"))
                    .isPresent()) {
                return Optional.of("users.users.<name>." + fourth.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> darwinOnly(OptionDefinition definition) {
        if (definition.startsWith("homebrew")) {
            return Optional.of("homebrew");
        }
        if (definition.startsWith("system", "defaults")) {
            return Optional.of("system.defaults");
        }
        if (definition.startsWith("system", "primaryUser")) {
            return Optional.of("system.primaryUser");
        }
        if (definition.startsWith("launchd") && !definition.startsWith("launchd", "agents")) {
            // home-manager has launchd.agents too; daemons and user.agents are nix-darwin's alone
            return Optional.of("launchd");
        }
        if (definition.startsWith("services", "nix-daemon")) {
            return Optional.of("services.nix-daemon");
        }
        for (String phase : List.of(
                "preActivation",
                "extraActivation",
                "postActivation",
                "preUserActivation",
                "extraUserActivation",
                "postUserActivation")) {
            if (definition.startsWith("system", "activationScripts", phase)) {
                return Optional.of("system.activationScripts." + phase);
            }
        }
        return Optional.empty();
    }

    private record Visit(NixModule from, ModuleReference reference, Platform platform, String reason) {}

    /** Finds where configurations are built in a file and the modules they list. */
    private static final class RootFinder {
        private final String file;
        private final List<ModuleReference> roots = new ArrayList<>();
        /** Each platform a configuration is built for in this file, with where, even when its modules cannot be read. */
        private final Map<Platform, String> built = new LinkedHashMap<>();

        private final Map<String, Expr> scope = new HashMap<>();

        private RootFinder(String file) {
            this.file = file;
        }

        static RootFinder find(String file, ParseResult parse) {
            RootFinder finder = new RootFinder(file);
            finder.walk(parse.root(), Platform.UNKNOWN, "", 0);
            return finder;
        }

        private void walk(Expr expr, Platform context, String where, int depth) {
            if (expr == null || depth > 200) {
                return;
            }
            if (expr instanceof Expr.AttrSet set) {
                bindings(set.bindings(), context, where, depth);
            } else if (expr instanceof Expr.Let let) {
                remember(let.bindings());
                bindings(let.bindings(), context, where, depth);
                walk(let.body(), context, where, depth + 1);
            } else if (expr instanceof Expr.LegacyLet let) {
                bindings(let.bindings(), context, where, depth);
            } else if (expr instanceof Expr.Apply apply) {
                ModuleAnalyzer.Call call = ModuleAnalyzer.call(apply);
                Platform builder = call.name().map(BUILDERS::get).orElse(null);
                if (builder != null) {
                    built.putIfAbsent(
                            builder,
                            call.name().get() + " at " + file + ":"
                                    + apply.range().position());
                }
                Platform inner = builder != null ? builder : context;
                String innerWhere =
                        builder != null && where.isEmpty() ? call.name().get() : where;
                walk(call.head(), context, where, depth + 1);
                for (Expr arg : call.args()) {
                    walk(arg, inner, innerWhere, depth + 1);
                }
            } else if (expr instanceof Expr.Lambda lambda) {
                Formals formals = lambda.formals();
                if (formals != null) {
                    formals.formals().forEach(f -> walk(f.defaultValue(), context, where, depth + 1));
                }
                walk(lambda.body(), context, where, depth + 1);
            } else if (expr instanceof Expr.ListExpr list) {
                list.elements().forEach(e -> walk(e, context, where, depth + 1));
            } else if (expr instanceof Expr.With with) {
                walk(with.scope(), context, where, depth + 1);
                walk(with.body(), context, where, depth + 1);
            } else if (expr instanceof Expr.If branch) {
                walk(branch.then(), context, where, depth + 1);
                walk(branch.otherwise(), context, where, depth + 1);
            } else if (expr instanceof Expr.Binary binary) {
                walk(binary.left(), context, where, depth + 1);
                walk(binary.right(), context, where, depth + 1);
            } else if (expr instanceof Expr.Assert a) {
                walk(a.body(), context, where, depth + 1);
            } else if (expr instanceof Expr.Select select) {
                walk(select.target(), context, where, depth + 1);
            } else if (expr instanceof Expr.Str str) {
                for (StringPart part : str.parts()) {
                    if (part instanceof StringPart.Interpolation interpolation) {
                        walk(interpolation.expr(), context, where, depth + 1);
                    }
                }
            }
        }

        private void remember(List<Binding> bindings) {
            for (Binding binding : bindings) {
                if (binding instanceof Binding.Attribute a
                        && a.path().names().size() == 1
                        && a.path().names().get(0) instanceof AttrName.Static name) {
                    scope.putIfAbsent(name.name(), a.value());
                }
            }
        }

        /**
         * Records the modules a flake exports for a platform ({@code darwinModules.x = ./x.nix},
         * {@code nixosModules = { a = import ./a.nix; }}) as used on that platform; returns whether
         * {@code attribute} was such an export.
         */
        private boolean exports(Binding.Attribute attribute, List<AttrName> names) {
            for (int i = 0; i < names.size(); i++) {
                if (!(names.get(i) instanceof AttrName.Static name) || !EXPORTS.containsKey(name.name())) {
                    continue;
                }
                Platform platform = EXPORTS.get(name.name());
                Expr value = resolve(attribute.value());
                if (i == names.size() - 1 && value instanceof Expr.AttrSet set) {
                    for (Binding each : set.bindings()) {
                        if (each instanceof Binding.Attribute module) {
                            export(
                                    platform,
                                    name.name() + "." + module.path().dotted().orElse("<dynamic>"),
                                    module.value());
                        }
                    }
                } else {
                    export(
                            platform,
                            name.name()
                                    + (i + 1 < names.size() && names.get(i + 1) instanceof AttrName.Static key
                                            ? "." + key.name()
                                            : ""),
                            attribute.value());
                }
                return true;
            }
            return false;
        }

        private void export(Platform platform, String where, Expr module) {
            String reason = "exported as " + where + " at " + file + ":"
                    + module.range().position();
            ModuleReferences.of(file, module, platform, reason, scope).ifPresent(roots::add);
        }

        private void bindings(List<Binding> bindings, Platform context, String where, int depth) {
            for (Binding binding : bindings) {
                if (!(binding instanceof Binding.Attribute attribute)) {
                    continue;
                }
                Platform inner = context;
                String innerWhere = where;
                List<AttrName> names = attribute.path().names();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i) instanceof AttrName.Static name && OUTPUTS.containsKey(name.name())) {
                        inner = OUTPUTS.get(name.name());
                        built.putIfAbsent(
                                inner,
                                name.name() + " at " + file + ":"
                                        + attribute.range().position());
                        innerWhere = name.name()
                                + (i + 1 < names.size() && names.get(i + 1) instanceof AttrName.Static host
                                        ? "." + host.name()
                                        : "");
                    }
                }
                if (exports(attribute, names)) {
                    continue;
                }
                AttrName last = names.get(names.size() - 1);
                if (inner != Platform.UNKNOWN
                        && last instanceof AttrName.Static s
                        && s.name().equals("modules")) {
                    for (Expr element : ModuleAnalyzer.elements(resolve(attribute.value()))) {
                        String reason = "listed in " + (innerWhere.isEmpty() ? inner.id() : innerWhere) + " modules at "
                                + file + ":" + element.range().position();
                        ModuleReferences.of(file, element, inner, reason, scope).ifPresent(roots::add);
                    }
                    continue;
                }
                walk(attribute.value(), inner, innerWhere, depth + 1);
            }
        }

        private Expr resolve(Expr value) {
            return value instanceof Expr.Var var && scope.containsKey(var.name()) ? scope.get(var.name()) : value;
        }
    }
}
