package dev.outage.nix.syntax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An attribute set after Nix's merging of dotted paths ({@code a.b = 1; a.c = 2;} gives one
 * nested set {@code a}), with the duplicate checks Nix makes while merging.
 *
 * <p>Package-private: used by the parser for its duplicate checks and by the printer.
 */
final class MergedAttrs {

    enum Kind {
        VALUE,
        NESTED,
        INHERITED,
        INHERIT_FROM
    }

    /** One static attribute. */
    static final class Def {
        final Kind kind;
        final Expr value;
        final MergedAttrs nested;
        final SourceRange pos;
        final SourceRange varPos;

        Def(Kind kind, Expr value, MergedAttrs nested, SourceRange pos) {
            this(kind, value, nested, pos, pos);
        }

        Def(Kind kind, Expr value, MergedAttrs nested, SourceRange pos, SourceRange varPos) {
            this.kind = kind;
            this.value = value;
            this.nested = nested;
            this.pos = pos;
            this.varPos = varPos;
        }
    }

    /** One dynamic attribute; {@code name} is the name expression. */
    record Dynamic(Expr name, Def def) {}

    boolean recursive;
    final Map<String, Def> attrs = new TreeMap<>(MergedAttrs::compareBytes);
    final List<Dynamic> dynamic = new ArrayList<>();

    /** Builds merged sets, caching the merge of each attribute set literal. */
    static final class Builder {
        private final Map<Expr, MergedAttrs> cache = new IdentityHashMap<>();
        private final Map<Binding, SourceRange> inheritVarPositions;
        private final Map<Binding, SourceRange> inheritNamePositions;
        private final Consumer<SyntaxError> errors;
        private final Path file;
        private final String fileName;

        Builder(Path file, Consumer<SyntaxError> errors) {
            this(file, errors, Map.of());
        }

        Builder(Path file, Consumer<SyntaxError> errors, Map<Binding, SourceRange> inheritVarPositions) {
            this(file, errors, inheritVarPositions, Map.of());
        }

        Builder(
                Path file,
                Consumer<SyntaxError> errors,
                Map<Binding, SourceRange> inheritVarPositions,
                Map<Binding, SourceRange> inheritNamePositions) {
            this.inheritVarPositions = inheritVarPositions;
            this.inheritNamePositions = inheritNamePositions;
            this.file = file;
            this.fileName = file.toAbsolutePath().normalize().toString();
            this.errors = errors;
        }

        /** Remembers the merge of a literal that the parser built while reading it. */
        void register(Expr owner, MergedAttrs merged) {
            cache.put(owner, merged);
        }

        /** Returns the merged form of a {@code { }}, {@code rec { }}, {@code let { }} or let's bindings. */
        MergedAttrs of(Expr owner, boolean recursive, List<Binding> bindings) {
            MergedAttrs cached = cache.get(owner);
            if (cached != null) {
                return cached;
            }
            MergedAttrs merged = new MergedAttrs();
            merged.recursive = recursive;
            cache.put(owner, merged);
            for (Binding binding : bindings) {
                add(merged, binding);
            }
            return merged;
        }

        /** Adds one binding to {@code target}, reporting duplicates as Nix does. */
        void add(MergedAttrs target, Binding binding) {
            if (binding instanceof Binding.Inherit inherit) {
                addInherit(target, inherit);
            } else if (binding instanceof Binding.Attribute attribute) {
                addAttribute(target, attribute);
            }
        }

        private void addInherit(MergedAttrs target, Binding.Inherit inherit) {
            if (inherit.names().isEmpty()) {
                return;
            }
            SourceRange pos = inheritNamePositions.getOrDefault(
                    inherit, inherit.names().get(0).range());
            for (AttrName.Static name : inherit.names()) {
                Def existing = target.attrs.get(name.name());
                if (existing != null) {
                    duplicate(NixPrinter.identifier(name.name()), pos, existing.pos);
                    continue;
                }
                Def def = inherit.from() == null
                        ? new Def(Kind.INHERITED, null, null, pos, inheritVarPositions.getOrDefault(inherit, pos))
                        : new Def(Kind.INHERIT_FROM, inherit.from(), null, pos);
                target.attrs.put(name.name(), def);
            }
        }

        private void addAttribute(MergedAttrs target, Binding.Attribute binding) {
            List<AttrName> names = binding.path().names();
            SourceRange pos = binding.path().range();
            MergedAttrs attrs = target;
            for (int i = 0; i + 1 < names.size(); i++) {
                AttrName name = names.get(i);
                if (name instanceof AttrName.Static s) {
                    Def existing = attrs.attrs.get(s.name());
                    if (existing != null) {
                        if (existing.kind != Kind.NESTED) {
                            duplicate(NixPrinter.attrPath(binding.path()), pos, existing.pos);
                            return;
                        }
                        attrs = existing.nested;
                    } else {
                        MergedAttrs nested = new MergedAttrs();
                        attrs.attrs.put(s.name(), new Def(Kind.NESTED, null, nested, pos));
                        attrs = nested;
                    }
                } else {
                    MergedAttrs nested = new MergedAttrs();
                    attrs.dynamic.add(new Dynamic(dynamicName(name), new Def(Kind.NESTED, null, nested, pos)));
                    attrs = nested;
                }
            }
            AttrName last = names.get(names.size() - 1);
            Def def = valueDef(binding.value(), pos);
            if (!(last instanceof AttrName.Static s)) {
                attrs.dynamic.add(new Dynamic(dynamicName(last), def));
                return;
            }
            Def existing = attrs.attrs.get(s.name());
            if (existing == null) {
                attrs.attrs.put(s.name(), def);
            } else if (existing.kind == Kind.NESTED && def.kind == Kind.NESTED) {
                for (Map.Entry<String, Def> entry : def.nested.attrs.entrySet()) {
                    Def clash = existing.nested.attrs.get(entry.getKey());
                    if (clash != null) {
                        duplicate(NixPrinter.identifier(entry.getKey()), clash.pos, entry.getValue().pos);
                        return;
                    }
                    existing.nested.attrs.put(entry.getKey(), entry.getValue());
                }
            } else {
                duplicate(NixPrinter.attrPath(binding.path()), pos, existing.pos);
            }
        }

        private Def valueDef(Expr value, SourceRange pos) {
            if (value instanceof Expr.AttrSet set) {
                return new Def(Kind.NESTED, value, of(set, set.recursive(), set.bindings()), pos);
            }
            return new Def(Kind.VALUE, value, null, pos);
        }

        private static Expr dynamicName(AttrName name) {
            return ((AttrName.Dynamic) name).expr();
        }

        private void duplicate(String shown, SourceRange at, SourceRange previous) {
            errors.accept(new SyntaxError(
                    file,
                    at.line(),
                    at.column(),
                    at.offset(),
                    "attribute '" + shown + "' already defined at " + fileName + ":" + previous.line() + ":"
                            + previous.column()));
        }
    }

    /** Compares strings by their UTF-8 bytes, the order Nix sorts attribute names in. */
    static int compareBytes(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(i);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x > 0xFFFF) {
                i++;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
