package dev.outage.nix.rules;

import dev.outage.nix.finding.Finding;
import dev.outage.nix.syntax.AttrName;
import dev.outage.nix.syntax.Binding;
import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs {@link PipUserInstallRule} over every string of a Nix file that can end up as shell text:
 * activation scripts, launchd {@code ProgramArguments}/{@code script}, systemd
 * {@code ExecStart}/{@code script}, {@code writeShellScript} arguments and so on. Strings under
 * {@code description}, {@code longDescription}, {@code example}, {@code meta} and option
 * declarations ({@code options}, {@code mkOption}) are documentation and are skipped; comments
 * are not strings at all.
 */
final class PipUserInstallScan {

    private static final Set<String> DOCUMENTATION = Set.of(
            "description",
            "longDescription",
            "example",
            "meta",
            "options",
            "mdDoc",
            "literalExpression",
            "literalMD",
            "mkOption",
            "mkEnableOption",
            "mkPackageOption");

    private final PipUserInstallRule rule = new PipUserInstallRule();

    List<Finding> check(String file, ParseResult parse) {
        LineIndex index = new LineIndex(file, parse.source());
        List<Finding> findings = new ArrayList<>();
        walk(parse.root(), "", index, parse, findings, 0);
        return findings;
    }

    private void walk(Expr expr, String where, LineIndex index, ParseResult parse, List<Finding> out, int depth) {
        if (expr == null || depth > 500) {
            return;
        }
        if (expr instanceof Expr.Str str) {
            int from = str.range().offset();
            int to = str.range().end();
            // The source range covers interpolations too, so nested strings are searched here once.
            out.addAll(rule.check(index, parse.source(), from, to, where.isEmpty() ? "a string" : where));
        } else if (expr instanceof Expr.AttrSet set) {
            bindings(set.bindings(), where, index, parse, out, depth);
        } else if (expr instanceof Expr.Let let) {
            bindings(let.bindings(), "", index, parse, out, depth);
            walk(let.body(), where, index, parse, out, depth + 1);
        } else if (expr instanceof Expr.LegacyLet let) {
            bindings(let.bindings(), where, index, parse, out, depth);
        } else if (expr instanceof Expr.Apply apply) {
            String name = functionName(apply.function());
            if (DOCUMENTATION.contains(name)) {
                return;
            }
            String inner = name.startsWith("write") || name.startsWith("mk") ? name : where;
            walk(apply.function(), where, index, parse, out, depth + 1);
            walk(apply.argument(), inner, index, parse, out, depth + 1);
        } else if (expr instanceof Expr.Lambda lambda) {
            walk(lambda.body(), where, index, parse, out, depth + 1);
        } else if (expr instanceof Expr.ListExpr list) {
            list.elements().forEach(e -> walk(e, where, index, parse, out, depth + 1));
        } else if (expr instanceof Expr.With with) {
            walk(with.body(), where, index, parse, out, depth + 1);
        } else if (expr instanceof Expr.If branch) {
            walk(branch.then(), where, index, parse, out, depth + 1);
            walk(branch.otherwise(), where, index, parse, out, depth + 1);
        } else if (expr instanceof Expr.Binary binary) {
            walk(binary.left(), where, index, parse, out, depth + 1);
            walk(binary.right(), where, index, parse, out, depth + 1);
        } else if (expr instanceof Expr.Assert a) {
            walk(a.body(), where, index, parse, out, depth + 1);
        }
    }

    private void bindings(
            List<Binding> bindings, String where, LineIndex index, ParseResult parse, List<Finding> out, int depth) {
        for (Binding binding : bindings) {
            if (!(binding instanceof Binding.Attribute attribute)) {
                continue;
            }
            StringBuilder path = new StringBuilder(where);
            boolean documentation = false;
            for (AttrName name : attribute.path().names()) {
                String text = name instanceof AttrName.Static s ? s.name() : "${...}";
                documentation |= DOCUMENTATION.contains(text);
                path.append(path.length() == 0 ? "" : ".").append(text);
            }
            if (!documentation) {
                walk(attribute.value(), path.toString(), index, parse, out, depth + 1);
            }
        }
    }

    private static String functionName(Expr function) {
        Expr head = function;
        while (head instanceof Expr.Apply apply) {
            head = apply.function();
        }
        if (head instanceof Expr.Var var) {
            return var.name();
        }
        if (head instanceof Expr.Select select
                && select.path().names().get(select.path().names().size() - 1) instanceof AttrName.Static last) {
            return last.name();
        }
        return "";
    }
}
