package dev.outage.nix.rules;

import dev.outage.nix.module.NixModule;
import dev.outage.nix.module.OptionDefinition;
import dev.outage.nix.syntax.AttrName;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.SourceRange;
import dev.outage.nix.syntax.StringPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code system.activationScripts.<name>} entries a module defines, one per written name. */
final class ActivationScripts {

    /**
     * One activation script name as written in a module.
     *
     * @param module the module
     * @param name the name element of the path
     * @param definitions every definition below that name ({@code text}, {@code deps}, ...)
     */
    record Entry(NixModule module, AttrName name, List<OptionDefinition> definitions) {

        /** Returns the name, with {@code ${...}} for interpolations. */
        String display() {
            if (name instanceof AttrName.Static s) {
                return s.name().matches("[A-Za-z_][A-Za-z0-9_'-]*") ? s.name() : '"' + s.name() + '"';
            }
            return module.parse().text(name.range());
        }

        /** Returns the static name, if the name is static. */
        Optional<String> staticName() {
            return name instanceof AttrName.Static s ? Optional.of(s.name()) : Optional.empty();
        }

        /** Returns a pattern a phase name must match to be this (dynamic) name. */
        Pattern namePattern() {
            if (name instanceof AttrName.Static s) {
                return Pattern.compile(Pattern.quote(s.name()));
            }
            Expr expr = ((AttrName.Dynamic) name).expr();
            if (!(expr instanceof Expr.Str str)) {
                return Pattern.compile(".*");
            }
            StringBuilder regex = new StringBuilder();
            for (StringPart part : str.parts()) {
                regex.append(part instanceof StringPart.Text t ? Pattern.quote(t.value()) : ".*");
            }
            return Pattern.compile(regex.toString());
        }

        /** Returns the script text definitions: {@code <name>.text = ...} or {@code <name> = "..."}. */
        List<Expr.Str> texts() {
            List<Expr.Str> texts = new ArrayList<>();
            for (OptionDefinition definition : definitions) {
                boolean text = definition.path().size() == 3
                        || definition.path().size() == 4
                                && definition.name(3).filter("text"::equals).isPresent();
                if (text && definition.value() instanceof Expr.Str str) {
                    texts.add(str);
                }
            }
            return texts;
        }

        SourceRange range() {
            return name.range();
        }

        /**
         * Returns whether every definition of this name sits under a condition that is false on
         * macOS ({@code mkIf pkgs.stdenv.isLinux}, the {@code else} of {@code if stdenv.isDarwin},
         * {@code !isDarwin}, or such a test joined by {@code &&}), so nix-darwin never sees it.
         */
        boolean excludesDarwin() {
            return !definitions.isEmpty()
                    && definitions.stream()
                            .allMatch(d -> d.conditions().stream().anyMatch(ActivationScripts::falseOnDarwin));
        }
    }

    private static final Pattern LINUX_TEST = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_'-]*\\.)*isLinux");
    private static final Pattern NOT_DARWIN_TEST = Pattern.compile("!\\s*(?:[A-Za-z_][A-Za-z0-9_'-]*\\.)*isDarwin");

    /** Returns whether a condition, as written, is false on macOS: a Linux test or a negated Darwin test. */
    static boolean falseOnDarwin(String condition) {
        String text = unwrap(condition.strip());
        if (text.contains("||")) {
            return false;
        }
        for (String term : text.split("&&")) {
            String t = unwrap(term.strip());
            if (LINUX_TEST.matcher(t).matches()) {
                return true;
            }
            if (t.startsWith("!")) {
                String inner = "!" + unwrap(t.substring(1).strip());
                if (NOT_DARWIN_TEST.matcher(inner).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes parentheses that enclose the whole text. */
    private static String unwrap(String text) {
        String t = text;
        while (t.length() >= 2 && t.charAt(0) == '(' && closingOf(t) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static int closingOf(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private ActivationScripts() {}

    /** Returns the activation script names written in {@code module}, in order of first appearance. */
    static List<Entry> of(NixModule module) {
        // A static name is one entry however often it is written; its first spelling is reported.
        Map<Object, List<OptionDefinition>> byName = new LinkedHashMap<>();
        Map<Object, AttrName> names = new LinkedHashMap<>();
        for (OptionDefinition definition : module.definitions()) {
            if (definition.path().size() >= 3 && definition.startsWith("system", "activationScripts")) {
                AttrName name = definition.path().get(2);
                Object key = name instanceof AttrName.Static s ? s.name() : name.range();
                names.putIfAbsent(key, name);
                byName.computeIfAbsent(key, r -> new ArrayList<>()).add(definition);
            }
        }
        List<Entry> entries = new ArrayList<>();
        byName.forEach((range, definitions) -> entries.add(new Entry(module, names.get(range), definitions)));
        return entries;
    }
}
