package dev.outage.nix.syntax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Nix's check for undefined variables, run after a successful parse: every variable must be bound
 * by a {@code let}, a {@code rec} set, a function argument or the global scope, unless it is
 * inside some {@code with}. Visits the tree in the order Nix does, so the first error matches.
 */
final class ScopeChecker {

    /** The names Nix 2.8 binds in its base scope. */
    static final Set<String> GLOBALS = Set.of(
            "abort",
            "__add",
            "__addErrorContext",
            "__all",
            "__any",
            "__appendContext",
            "__attrNames",
            "__attrValues",
            "baseNameOf",
            "__bitAnd",
            "__bitOr",
            "__bitXor",
            "builtins",
            "__catAttrs",
            "__ceil",
            "__compareVersions",
            "__concatLists",
            "__concatMap",
            "__concatStringsSep",
            "__currentSystem",
            "__currentTime",
            "__deepSeq",
            "derivation",
            "derivationStrict",
            "dirOf",
            "__div",
            "__elem",
            "__elemAt",
            "false",
            "fetchGit",
            "fetchMercurial",
            "fetchTarball",
            "fetchTree",
            "__fetchurl",
            "__filter",
            "__filterSource",
            "__findFile",
            "__floor",
            "__foldl'",
            "__fromJSON",
            "fromTOML",
            "__functionArgs",
            "__genList",
            "__genericClosure",
            "__getAttr",
            "__getContext",
            "__getEnv",
            "__groupBy",
            "__hasAttr",
            "__hasContext",
            "__hashFile",
            "__hashString",
            "__head",
            "import",
            "__intersectAttrs",
            "__isAttrs",
            "__isBool",
            "__isFloat",
            "__isFunction",
            "__isInt",
            "__isList",
            "isNull",
            "__isPath",
            "__isString",
            "__langVersion",
            "__length",
            "__lessThan",
            "__listToAttrs",
            "map",
            "__mapAttrs",
            "__match",
            "__mul",
            "__nixPath",
            "__nixVersion",
            "null",
            "__parseDrvName",
            "__partition",
            "__path",
            "__pathExists",
            "placeholder",
            "__readDir",
            "__readFile",
            "removeAttrs",
            "__replaceStrings",
            "scopedImport",
            "__seq",
            "__sort",
            "__split",
            "__splitVersion",
            "__storeDir",
            "__storePath",
            "__stringLength",
            "__sub",
            "__substring",
            "__tail",
            "throw",
            "__toFile",
            "__toJSON",
            "__toPath",
            "toString",
            "__toXML",
            "__trace",
            "true",
            "__tryEval",
            "__typeOf",
            "__unsafeDiscardOutputDependency",
            "__unsafeDiscardStringContext",
            "__unsafeGetAttrPos",
            "__zipAttrsWith");

    private static final Set<String> PRECREATED = Set.of(
            "outPath",
            "drvPath",
            "type",
            "meta",
            "name",
            "value",
            "system",
            "overrides",
            "outputs",
            "outputName",
            "ignoreNulls",
            "file",
            "line",
            "column",
            "__functor",
            "__toString",
            "right",
            "wrong",
            "__structuredAttrs",
            "builder",
            "args",
            "__contentAddressed",
            "__impure",
            "outputHash",
            "outputHashAlgo",
            "outputHashMode",
            "recurseForDerivations",
            "description",
            "self",
            "startSet",
            "operator",
            "key",
            "path",
            "prefix",
            "body",
            "or",
            "<let-body>");

    private record Scope(Set<String> names, boolean with, Scope up) {}

    private final Path file;
    private final Map<String, Integer> ranks;
    private final MergedAttrs.Builder merger;
    private final Consumer<SyntaxError> errors;

    /** Uses the parser's merges (no new duplicate reports: each set is merged once). */
    ScopeChecker(Path file, Map<String, Integer> ranks, MergedAttrs.Builder merger, Consumer<SyntaxError> errors) {
        this.file = file;
        this.ranks = ranks;
        this.merger = merger;
        this.errors = errors;
    }

    /** Returns the order in which Nix would likely have created the symbol {@code name}. */
    static int rank(Map<String, Integer> ranks, String name) {
        if (GLOBALS.contains(name) || PRECREATED.contains(name)) {
            return -1;
        }
        return ranks.getOrDefault(name, Integer.MAX_VALUE);
    }

    void check(Expr root) {
        visit(root, new Scope(GLOBALS, false, null));
    }

    private void visit(Expr e, Scope scope) {
        if (e instanceof Expr.Var v) {
            lookup(v, scope);
        } else if (e instanceof Expr.Str s) {
            parts(s.parts(), scope);
        } else if (e instanceof Expr.Path p) {
            parts(p.parts(), scope);
        } else if (e instanceof Expr.AttrSet set) {
            attrs(merger.of(set, set.recursive(), set.bindings()), scope);
        } else if (e instanceof Expr.LegacyLet let) {
            attrs(merger.of(let, true, let.bindings()), scope);
        } else if (e instanceof Expr.Let let) {
            letExpr(let, scope);
        } else if (e instanceof Expr.ListExpr list) {
            list.elements().forEach(x -> visit(x, scope));
        } else if (e instanceof Expr.Lambda lambda) {
            lambda(lambda, scope);
        } else if (e instanceof Expr.Apply apply) {
            visit(apply.function(), scope);
            visit(apply.argument(), scope);
        } else if (e instanceof Expr.Select select) {
            visit(select.target(), scope);
            if (select.orDefault() != null) {
                visit(select.orDefault(), scope);
            }
            path(select.path(), scope);
        } else if (e instanceof Expr.HasAttr has) {
            visit(has.target(), scope);
            path(has.path(), scope);
        } else if (e instanceof Expr.Binary b) {
            boolean swap = b.operator() == BinaryOperator.GREATER || b.operator() == BinaryOperator.LESS_OR_EQUAL;
            visit(swap ? b.right() : b.left(), scope);
            visit(swap ? b.left() : b.right(), scope);
        } else if (e instanceof Expr.Not not) {
            visit(not.operand(), scope);
        } else if (e instanceof Expr.Negate neg) {
            visit(neg.operand(), scope);
        } else if (e instanceof Expr.If i) {
            visit(i.condition(), scope);
            visit(i.then(), scope);
            visit(i.otherwise(), scope);
        } else if (e instanceof Expr.Assert a) {
            visit(a.condition(), scope);
            visit(a.body(), scope);
        } else if (e instanceof Expr.With w) {
            visit(w.scope(), scope);
            visit(w.body(), new Scope(Set.of(), true, scope));
        }
    }

    private void lookup(Expr.Var v, Scope scope) {
        for (Scope s = scope; s != null; s = s.up()) {
            if (s.with() || s.names().contains(v.name())) {
                return;
            }
        }
        SourceRange r = v.range();
        errors.accept(new SyntaxError(
                file,
                r.line(),
                r.column(),
                r.offset(),
                "undefined variable '" + NixPrinter.identifier(v.name()) + "'"));
    }

    private void parts(List<StringPart> parts, Scope scope) {
        for (StringPart part : parts) {
            if (part instanceof StringPart.Interpolation i) {
                visit(i.expr(), scope);
            }
        }
    }

    private void path(AttrPath path, Scope scope) {
        for (AttrName name : path.names()) {
            if (name instanceof AttrName.Dynamic d) {
                visit(d.expr(), scope);
            }
        }
    }

    private List<Map.Entry<String, MergedAttrs.Def>> inSymbolOrder(MergedAttrs attrs) {
        List<Map.Entry<String, MergedAttrs.Def>> entries = new ArrayList<>(attrs.attrs.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, MergedAttrs.Def> en) -> rank(ranks, en.getKey()))
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    private void attrs(MergedAttrs attrs, Scope scope) {
        Scope inner = attrs.recursive ? new Scope(attrs.attrs.keySet(), false, scope) : scope;
        for (Map.Entry<String, MergedAttrs.Def> entry : inSymbolOrder(attrs)) {
            def(entry.getKey(), entry.getValue(), entry.getValue().kind == MergedAttrs.Kind.INHERITED ? scope : inner);
        }
        for (MergedAttrs.Dynamic dynamic : attrs.dynamic) {
            visit(dynamic.name(), inner);
            def(null, dynamic.def(), inner);
        }
    }

    private void def(String name, MergedAttrs.Def def, Scope scope) {
        if (def.kind == MergedAttrs.Kind.NESTED) {
            attrs(def.nested, scope);
        } else if (def.kind == MergedAttrs.Kind.INHERITED) {
            lookup(new Expr.Var(name, def.varPos), scope);
        } else {
            visit(def.value, scope);
        }
    }

    private void letExpr(Expr.Let let, Scope scope) {
        MergedAttrs attrs = merger.of(let, true, let.bindings());
        Scope inner = new Scope(attrs.attrs.keySet(), false, scope);
        for (Map.Entry<String, MergedAttrs.Def> entry : inSymbolOrder(attrs)) {
            def(entry.getKey(), entry.getValue(), entry.getValue().kind == MergedAttrs.Kind.INHERITED ? scope : inner);
        }
        visit(let.body(), inner);
    }

    private void lambda(Expr.Lambda lambda, Scope scope) {
        Set<String> names = new HashSet<>();
        if (lambda.argument() != null) {
            names.add(lambda.argument());
        }
        Scope inner = new Scope(names, false, scope);
        if (lambda.formals() != null) {
            List<Formals.Formal> formals = new ArrayList<>(lambda.formals().formals());
            formals.forEach(f -> names.add(f.name()));
            formals.sort(Comparator.comparingInt((Formals.Formal f) -> rank(ranks, f.name()))
                    .thenComparing(Formals.Formal::name));
            for (Formals.Formal f : formals) {
                if (f.defaultValue() != null) {
                    visit(f.defaultValue(), inner);
                }
            }
        }
        visit(lambda.body(), inner);
    }
}
