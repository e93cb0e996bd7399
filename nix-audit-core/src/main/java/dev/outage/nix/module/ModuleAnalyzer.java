package dev.outage.nix.module;

import dev.outage.nix.syntax.AttrName;
import dev.outage.nix.syntax.BinaryOperator;
import dev.outage.nix.syntax.Binding;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.ParseResult;
import dev.outage.nix.syntax.StringPart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a Nix module defines without evaluating it.
 *
 * <p>Sees through the ways people write modules: module functions ({@code { config, lib, ... }:}),
 * {@code let} bindings (also when a let-bound set is used as a value), {@code with lib;},
 * {@code config = ...}, dotted paths and nested sets, quoted and interpolated names,
 * {@code mkIf}, {@code mkMerge [ ... ]}, {@code optionalAttrs}, {@code if}, {@code //}, and the
 * priority wrappers {@code mkAfter}, {@code mkBefore}, {@code mkOrder}, {@code mkForce},
 * {@code mkDefault}, {@code mkOverride}. Conditions are recorded as source text, not evaluated.
 * Option declarations under {@code options} are not definitions.
 *
 * <p>Limitations: names bound by function arguments, {@code inherit} from other files or computed
 * with functions such as {@code mapAttrs} or {@code genAttrs} are not followed. Stateless and
 * thread-safe.
 */
public final class ModuleAnalyzer {

    private static final Set<String> CONDITIONALS = Set.of("mkIf", "optionalAttrs");
    private static final Set<String> PRIORITIES = Set.of(
            "mkAfter", "mkBefore", "mkOrder", "mkForce", "mkDefault", "mkOverride", "mkOptionDefault", "mkVMOverride");
    private static final Set<String> NOT_CONFIG =
            Set.of("imports", "disabledModules", "_file", "key", "meta", "_class", "options");
    private static final int MAX_DEPTH = 64;

    private ModuleAnalyzer() {}

    /** Returns the module that is the whole file. */
    public static NixModule analyzeFile(String file, ParseResult parse) {
        return analyze(file, false, parse, parse.root());
    }

    /** Returns the module written as {@code expr} inside {@code file}. */
    public static NixModule analyzeInline(String file, ParseResult parse, Expr expr) {
        return analyze(file, true, parse, expr);
    }

    private static NixModule analyze(String file, boolean inline, ParseResult parse, Expr expr) {
        Walk walk = new Walk(file, parse);
        walk.module(expr, new HashMap<>());
        return new NixModule(file, inline, parse, expr, walk.definitions, walk.references);
    }

    /** Returns the name a function is called by: {@code mkIf} for {@code lib.mkIf} and {@code mkIf}. */
    static Optional<String> functionName(Expr function) {
        if (function instanceof Expr.Var v) {
            return Optional.of(v.name());
        }
        if (function instanceof Expr.Select s && s.orDefault() == null) {
            List<AttrName> names = s.path().names();
            return names.get(names.size() - 1) instanceof AttrName.Static last
                    ? Optional.of(last.name())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** Returns the head and arguments of an application chain {@code f a b}. */
    static Call call(Expr expr) {
        List<Expr> args = new ArrayList<>();
        Expr head = expr;
        while (head instanceof Expr.Apply apply) {
            args.add(0, apply.argument());
            head = apply.function();
        }
        return new Call(head, args);
    }

    /** An application chain: the function and its arguments in order. */
    record Call(Expr head, List<Expr> args) {
        Optional<String> name() {
            return functionName(head);
        }
    }

    private static final class Walk {
        private final String file;
        private final ParseResult parse;
        private final List<OptionDefinition> definitions = new ArrayList<>();
        private final List<ModuleReference> references = new ArrayList<>();

        Walk(String file, ParseResult parse) {
            this.file = file;
            this.parse = parse;
        }

        void module(Expr expr, Map<String, Expr> scope) {
            Expr body = expr;
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                if (body instanceof Expr.Lambda lambda) {
                    body = lambda.body();
                } else if (body instanceof Expr.Let let) {
                    bind(let.bindings(), scope);
                    body = let.body();
                } else if (body instanceof Expr.With with) {
                    body = with.body();
                } else if (body instanceof Expr.Assert a) {
                    body = a.body();
                } else {
                    break;
                }
            }
            if (body instanceof Expr.AttrSet set) {
                topLevel(set, scope);
            } else {
                collect(List.of(), body, List.of(), Optional.empty(), scope, 0);
            }
        }

        private void topLevel(Expr.AttrSet set, Map<String, Expr> scope) {
            boolean split = set.bindings().stream()
                    .anyMatch(b -> firstName(b)
                            .filter(n -> n.equals("config") || n.equals("options"))
                            .isPresent());
            for (Binding binding : set.bindings()) {
                if (!(binding instanceof Binding.Attribute attribute)) {
                    continue;
                }
                String first = firstName(binding).orElse("");
                List<AttrName> names = attribute.path().names();
                if (first.equals("imports") && names.size() == 1) {
                    imports(attribute.value(), scope);
                } else if (split && first.equals("config")) {
                    collect(names.subList(1, names.size()), attribute.value(), List.of(), Optional.empty(), scope, 0);
                } else if (!split && !NOT_CONFIG.contains(first)) {
                    collect(names, attribute.value(), List.of(), Optional.empty(), scope, 0);
                }
            }
        }

        private void collect(
                List<AttrName> prefix,
                Expr value,
                List<String> conditions,
                Optional<String> priority,
                Map<String, Expr> scope,
                int depth) {
            if (depth > MAX_DEPTH) {
                return;
            }
            if (value instanceof Expr.AttrSet set) {
                for (Binding binding : set.bindings()) {
                    if (binding instanceof Binding.Attribute attribute) {
                        collect(
                                concat(prefix, attribute.path().names()),
                                attribute.value(),
                                conditions,
                                priority,
                                scope,
                                depth + 1);
                    } else if (binding instanceof Binding.Inherit inherit) {
                        for (AttrName.Static name : inherit.names()) {
                            leaf(
                                    concat(prefix, List.of(name)),
                                    new Expr.Var(name.name(), name.range()),
                                    conditions,
                                    priority);
                        }
                    }
                }
                return;
            }
            if (value instanceof Expr.Let let) {
                Map<String, Expr> inner = new HashMap<>(scope);
                bind(let.bindings(), inner);
                collect(prefix, let.body(), conditions, priority, inner, depth + 1);
                return;
            }
            if (value instanceof Expr.With with) {
                collect(prefix, with.body(), conditions, priority, scope, depth + 1);
                return;
            }
            if (value instanceof Expr.If branch) {
                String condition = text(branch.condition());
                collect(prefix, branch.then(), plus(conditions, condition), priority, scope, depth + 1);
                collect(
                        prefix,
                        branch.otherwise(),
                        plus(conditions, "!(" + condition + ")"),
                        priority,
                        scope,
                        depth + 1);
                return;
            }
            if (value instanceof Expr.Binary binary && binary.operator() == BinaryOperator.UPDATE) {
                collect(prefix, binary.left(), conditions, priority, scope, depth + 1);
                collect(prefix, binary.right(), conditions, priority, scope, depth + 1);
                return;
            }
            if (value instanceof Expr.Var var && scope.containsKey(var.name())) {
                Expr bound = scope.get(var.name());
                Map<String, Expr> inner = new HashMap<>(scope);
                inner.remove(var.name());
                if (!(bound instanceof Expr.Lambda)) {
                    collect(prefix, bound, conditions, priority, inner, depth + 1);
                    return;
                }
            }
            if (value instanceof Expr.Apply) {
                Call call = call(value);
                String name = call.name().orElse("");
                List<Expr> args = call.args();
                if (CONDITIONALS.contains(name) && args.size() == 2) {
                    collect(prefix, args.get(1), plus(conditions, text(args.get(0))), priority, scope, depth + 1);
                    return;
                }
                if (name.equals("mkMerge") && args.size() == 1 && args.get(0) instanceof Expr.ListExpr list) {
                    for (Expr element : list.elements()) {
                        collect(prefix, element, conditions, priority, scope, depth + 1);
                    }
                    return;
                }
                if (PRIORITIES.contains(name) && !args.isEmpty()) {
                    collect(prefix, args.get(args.size() - 1), conditions, Optional.of(name), scope, depth + 1);
                    return;
                }
            }
            leaf(prefix, value, conditions, priority);
        }

        private void leaf(List<AttrName> path, Expr value, List<String> conditions, Optional<String> priority) {
            if (path.isEmpty()) {
                return;
            }
            OptionDefinition definition = new OptionDefinition(path, value, conditions, priority);
            definitions.add(definition);
            homeManager(definition);
        }

        private void homeManager(OptionDefinition definition) {
            if (definition.startsWith("home-manager", "users")
                    && definition.path().size() == 3) {
                String user = definition.name(2).orElse("${...}");
                reference(
                        definition.value(),
                        Platform.HOME_MANAGER,
                        "home-manager.users." + user + " in " + file + ":"
                                + definition.rangeOf(2).position(),
                        new HashMap<>());
            } else if (definition.startsWith("home-manager", "sharedModules")
                    && definition.path().size() == 2) {
                for (Expr element : elements(definition.value())) {
                    reference(
                            element,
                            Platform.HOME_MANAGER,
                            "home-manager.sharedModules in " + file + ":"
                                    + element.range().position(),
                            new HashMap<>());
                }
            }
        }

        private void imports(Expr value, Map<String, Expr> scope) {
            for (Expr element : elements(resolve(value, scope))) {
                reference(
                        element,
                        Platform.UNKNOWN,
                        "imported by " + file + ":" + element.range().position(),
                        scope);
            }
        }

        void reference(Expr element, Platform platform, String reason, Map<String, Expr> scope) {
            ModuleReferences.of(file, element, platform, reason, scope).ifPresent(references::add);
        }

        private static Expr resolve(Expr value, Map<String, Expr> scope) {
            return value instanceof Expr.Var var && scope.containsKey(var.name()) ? scope.get(var.name()) : value;
        }

        private String text(Expr expr) {
            return parse.text(expr.range()).replaceAll("\\s+", " ").strip();
        }

        private static void bind(List<Binding> bindings, Map<String, Expr> scope) {
            for (Binding binding : bindings) {
                if (binding instanceof Binding.Attribute attribute
                        && attribute.path().names().size() == 1
                        && attribute.path().names().get(0) instanceof AttrName.Static name) {
                    scope.put(name.name(), attribute.value());
                }
            }
        }

        private static Optional<String> firstName(Binding binding) {
            if (binding instanceof Binding.Attribute attribute
                    && attribute.path().names().get(0) instanceof AttrName.Static name) {
                return Optional.of(name.name());
            }
            return Optional.empty();
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        private static List<String> plus(List<String> list, String item) {
            List<String> out = new ArrayList<>(list);
            out.add(item);
            return out;
        }
    }

    /**
     * Returns the elements of a module list, seeing through {@code ++}, {@code lib.optional(s)},
     * {@code mkIf} and {@code let}/{@code with}.
     */
    static List<Expr> elements(Expr value) {
        List<Expr> out = new ArrayList<>();
        elements(value, out, 0);
        return out;
    }

    private static void elements(Expr value, List<Expr> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Expr.ListExpr list) {
            out.addAll(list.elements());
        } else if (value instanceof Expr.Binary binary && binary.operator() == BinaryOperator.CONCAT) {
            elements(binary.left(), out, depth + 1);
            elements(binary.right(), out, depth + 1);
        } else if (value instanceof Expr.With with) {
            elements(with.body(), out, depth + 1);
        } else if (value instanceof Expr.Let let) {
            elements(let.body(), out, depth + 1);
        } else if (value instanceof Expr.Apply) {
            Call call = call(value);
            String name = call.name().orElse("");
            if ((name.equals("optional") || name.equals("optionals") || name.equals("mkIf"))
                    && call.args().size() == 2) {
                Expr inner = call.args().get(1);
                if (name.equals("optional")) {
                    out.add(inner);
                } else {
                    elements(inner, out, depth + 1);
                }
            }
        }
    }

    /** Returns the literal text of a path or string expression, or empty when it is computed. */
    static Optional<String> literalPath(Expr expr) {
        List<StringPart> parts;
        if (expr instanceof Expr.Path path) {
            parts = path.parts();
        } else if (expr instanceof Expr.Str str && !str.indented()) {
            parts = str.parts();
        } else {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (StringPart part : parts) {
            if (!(part instanceof StringPart.Text t)) {
                return Optional.empty();
            }
            text.append(t.value());
        }
        return Optional.of(text.toString());
    }

    /** Resolves {@code target} written in {@code file} to a normalised relative path with {@code /}. */
    static Optional<String> resolvePath(String file, String target) {
        if (target.startsWith("/") || target.startsWith("~")) {
            return Optional.empty();
        }
        Path dir = Path.of(file).getParent();
        Path resolved = (dir == null ? Path.of(target) : dir.resolve(target)).normalize();
        String text = resolved.toString().replace('\\', '/');
        return text.startsWith("..") || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
