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
