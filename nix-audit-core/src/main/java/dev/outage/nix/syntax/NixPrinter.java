package dev.outage.nix.syntax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders an expression exactly as Nix 2.8's {@code nix-instantiate --parse} prints it: the
 * desugared form, with nested attribute paths merged, {@code inherit (e) a} as
 * {@code a = (e).a}, operators as calls ({@code __sub}, {@code __lessThan}, ...), paths made
 * absolute against the file's folder and {@code ~} expanded from {@code $HOME}.
 *
 * <p>Thread-safe. Output for a tree with errors is best effort ({@code <invalid>} marks holes).
 */
public final class NixPrinter {

    private final String baseDir;
    private final String home;
    private final MergedAttrs.Builder merger;
    private final StringBuilder out = new StringBuilder();

    private NixPrinter(Path file, String home) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        this.baseDir = parent == null ? "/" : parent.toString();
        this.home = home;
        this.merger = new MergedAttrs.Builder(file, ignored -> {});
    }

    /** Returns the printed form of a parse result, resolving relative paths against its file. */
    public static String print(ParseResult result) {
        return print(result.root(), result.file());
    }

    /**
     * Returns the printed form of {@code expr} as if read from {@code file}; {@code ~} paths use
     * the {@code HOME} environment variable (or {@code user.home}).
     */
    public static String print(Expr expr, Path file) {
        String home = System.getenv("HOME");
        return print(expr, file, home == null ? System.getProperty("user.home") : home);
    }

    /**
     * Returns the printed form of {@code expr} with an explicit home folder for {@code ~} paths.
     *
     * @throws IllegalArgumentException if the tree is too deep for the current thread's stack
     *     (trees from {@link NixParser} are at most {@value NixParser#MAX_DEPTH} levels deep and
     *     print on any thread with the default stack size)
     */
    public static String print(Expr expr, Path file, String home) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(home, "home");
        NixPrinter printer = new NixPrinter(file, home);
        try {
            printer.expr(expr);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("expression nested too deeply to print on this thread's stack", e);
        }
        return printer.out.toString();
    }

    // ---- expressions --------------------------------------------------------------------------

    private void expr(Expr e) {
        if (e instanceof Expr.Int i) {
            out.append(i.value());
        } else if (e instanceof Expr.Float f) {
            out.append(formatFloat(f.value()));
        } else if (e instanceof Expr.Str s) {
            str(s.parts());
        } else if (e instanceof Expr.Path p) {
            path(p);
        } else if (e instanceof Expr.Uri u) {
            out.append(quote(u.value()));
        } else if (e instanceof Expr.Var v) {
            out.append(v.name());
        } else if (e instanceof Expr.CurPos) {
            out.append("__curPos");
        } else if (e instanceof Expr.AttrSet set) {
            attrs(merger.of(set, set.recursive(), set.bindings()));
        } else if (e instanceof Expr.LegacyLet let) {
            out.append('(');
            attrs(merger.of(let, true, let.bindings()));
            out.append(").body");
        } else if (e instanceof Expr.Let let) {
            let(let);
        } else if (e instanceof Expr.ListExpr list) {
            out.append("[ ");
            for (Expr element : list.elements()) {
                out.append('(');
                expr(element);
                out.append(") ");
            }
            out.append(']');
        } else if (e instanceof Expr.Lambda lambda) {
            lambda(lambda);
        } else if (e instanceof Expr.Select select) {
            out.append('(');
            expr(select.target());
            out.append(").");
            attrPath(select.path().names());
            if (select.orDefault() != null) {
                out.append(" or (");
                expr(select.orDefault());
                out.append(')');
            }
        } else if (e instanceof Expr.HasAttr has) {
            out.append("((");
            expr(has.target());
            out.append(") ? ");
            attrPath(has.path().names());
            out.append(')');
        } else if (e instanceof Expr.Binary b) {
            binary(b);
        } else if (e instanceof Expr.Not not) {
            out.append("(! ");
            expr(not.operand());
            out.append(')');
        } else if (e instanceof Expr.If i) {
            out.append("(if ");
            expr(i.condition());
            out.append(" then ");
            expr(i.then());
            out.append(" else ");
            expr(i.otherwise());
            out.append(')');
        } else if (e instanceof Expr.Assert a) {
            out.append("assert ");
            expr(a.condition());
            out.append("; ");
            expr(a.body());
        } else if (e instanceof Expr.With w) {
            out.append("(with ");
            expr(w.scope());
            out.append("; ");
            expr(w.body());
            out.append(')');
        } else if (e instanceof Expr.Apply || e instanceof Expr.Negate || e instanceof Expr.SearchPath) {
            call(callParts(e));
        } else {
            out.append("<invalid>");
        }
    }

    private void binary(Expr.Binary b) {
        switch (b.operator()) {
            case SUBTRACT, MULTIPLY, DIVIDE, LESS, GREATER -> call(callParts(b));
            case LESS_OR_EQUAL, GREATER_OR_EQUAL -> {
                out.append("(! ");
                boolean le = b.operator() == BinaryOperator.LESS_OR_EQUAL;
                call(List.of(
                        new Expr.Var("__lessThan", b.range()), le ? b.right() : b.left(), le ? b.left() : b.right()));
                out.append(')');
            }
            default -> {
                out.append('(');
                expr(b.left());
                out.append(' ').append(b.operator().symbol()).append(' ');
                expr(b.right());
                out.append(')');
            }
        }
    }

    /** Returns head and arguments when {@code e} desugars to a call, else null; flattens applications. */
    private static List<Expr> callParts(Expr e) {
        Deque<Expr> args = new ArrayDeque<>();
        Expr head = e;
        boolean opaque = false;
        while (head instanceof Expr.Apply apply) {
            args.addFirst(apply.argument());
            head = apply.function();
            if (isOrApplication(apply)) {
                // `e or` is a call of its own: Nix never merges its arguments into e
                opaque = true;
                break;
            }
        }
        List<Expr> parts = new ArrayList<>();
        if (opaque) {
            parts.add(head);
        } else if (head instanceof Expr.Binary b && isCall(b.operator())) {
            String fn = switch (b.operator()) {
                case SUBTRACT -> "__sub";
                case MULTIPLY -> "__mul";
                case DIVIDE -> "__div";
                default -> "__lessThan";
            };
            boolean swap = b.operator() == BinaryOperator.GREATER;
            parts.add(new Expr.Var(fn, b.range()));
            parts.add(swap ? b.right() : b.left());
            parts.add(swap ? b.left() : b.right());
        } else if (head instanceof Expr.Negate neg) {
            parts.add(new Expr.Var("__sub", neg.range()));
            parts.add(new Expr.Int(0, neg.range()));
            parts.add(neg.operand());
        } else if (head instanceof Expr.SearchPath s) {
            parts.add(new Expr.Var("__findFile", s.range()));
            parts.add(new Expr.Var("__nixPath", s.range()));
            parts.add(new Expr.Str(List.of(new StringPart.Text(s.name(), s.range())), false, s.range()));
        } else {
            parts.add(head);
        }
        parts.addAll(args);
        return parts;
    }

    private static boolean isOrApplication(Expr.Apply apply) {
        return apply.argument() instanceof Expr.Var v && v.name().equals("or");
    }

    private static boolean isCall(BinaryOperator op) {
        return op == BinaryOperator.SUBTRACT
                || op == BinaryOperator.MULTIPLY
                || op == BinaryOperator.DIVIDE
                || op == BinaryOperator.LESS
                || op == BinaryOperator.GREATER;
    }

    private void call(List<Expr> parts) {
        out.append('(');
        expr(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            out.append(' ');
            expr(parts.get(i));
        }
        out.append(')');
    }

    private void str(List<StringPart> parts) {
        if (parts.isEmpty()) {
            out.append("\"\"");
        } else if (parts.size() == 1 && parts.get(0) instanceof StringPart.Text text) {
            out.append(quote(text.value()));
        } else {
            out.append('(');
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    out.append(" + ");
                }
                part(parts.get(i));
            }
            out.append(')');
        }
    }

    private void part(StringPart part) {
        if (part instanceof StringPart.Text text) {
            out.append(quote(text.value()));
        } else {
            expr(((StringPart.Interpolation) part).expr());
        }
    }

    private void path(Expr.Path p) {
        String first = ((StringPart.Text) p.parts().get(0)).value();
        String resolved;
        if (p.kind() == PathKind.HOME) {
            resolved = home + first.substring(1);
        } else {
            resolved = canonical(p.kind() == PathKind.ABSOLUTE ? first : baseDir + "/" + first);
            if (first.endsWith("/") && first.length() > 1) {
                resolved = resolved + "/";
            }
        }
        if (p.parts().size() == 1) {
            out.append(resolved);
            return;
        }
        out.append('(').append(resolved);
        for (int i = 1; i < p.parts().size(); i++) {
            out.append(" + ");
            part(p.parts().get(i));
        }
        out.append(')');
    }

    /** Removes {@code .}, {@code ..}, repeated and trailing slashes, like Nix's canonPath. */
    static String canonical(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(segment);
            }
        }
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    // ---- attribute sets, let, lambdas ---------------------------------------------------------

    private void attrs(MergedAttrs attrs) {
        if (attrs.recursive) {
            out.append("rec ");
        }
        out.append("{ ");
        for (Map.Entry<String, MergedAttrs.Def> entry : attrs.attrs.entrySet()) {
            String name = identifier(entry.getKey());
            MergedAttrs.Def def = entry.getValue();
            if (def.kind == MergedAttrs.Kind.INHERITED) {
                out.append("inherit ").append(name).append(" ; ");
                continue;
            }
            out.append(name).append(" = ");
            def(entry.getKey(), def);
            out.append("; ");
        }
        for (MergedAttrs.Dynamic dynamic : attrs.dynamic) {
            out.append("\"${");
            expr(dynamic.name());
            out.append("}\" = ");
            def(null, dynamic.def());
            out.append("; ");
        }
        out.append('}');
    }

    private void def(String name, MergedAttrs.Def def) {
        if (def.kind == MergedAttrs.Kind.NESTED) {
            attrs(def.nested);
        } else if (def.kind == MergedAttrs.Kind.INHERIT_FROM) {
            out.append('(');
            expr(def.value);
            out.append(").").append(identifier(name));
        } else {
            expr(def.value);
        }
    }

    private void let(Expr.Let let) {
        MergedAttrs attrs = merger.of(let, true, let.bindings());
        out.append("(let ");
        // Nix 2.8 prints let bindings in its symbol table's address order; the closest stable
        // order is: names Nix creates at start-up first, then the order of definition.
        List<Map.Entry<String, MergedAttrs.Def>> entries = new ArrayList<>(attrs.attrs.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, MergedAttrs.Def> en) ->
                        ScopeChecker.rank(Map.of(), en.getKey()) < 0 ? -1 : 0)
                .thenComparingInt(en -> en.getValue().pos.offset()));
        for (Map.Entry<String, MergedAttrs.Def> entry : entries) {
            String name = identifier(entry.getKey());
            MergedAttrs.Def def = entry.getValue();
            if (def.kind == MergedAttrs.Kind.INHERITED) {
                out.append("inherit ").append(name).append("; ");
                continue;
            }
            out.append(name).append(" = ");
            def(entry.getKey(), def);
            out.append("; ");
        }
        out.append("in ");
        expr(let.body());
        out.append(')');
    }

    private void lambda(Expr.Lambda lambda) {
        out.append('(');
        if (lambda.formals() != null) {
            out.append("{ ");
            List<Formals.Formal> formals = new ArrayList<>(lambda.formals().formals());
            formals.sort(Comparator.comparing(Formals.Formal::name, MergedAttrs::compareBytes));
            boolean first = true;
            for (Formals.Formal formal : formals) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(formal.name());
                if (formal.defaultValue() != null) {
                    out.append(" ? ");
                    expr(formal.defaultValue());
                }
            }
            if (lambda.formals().ellipsis()) {
                out.append(first ? "..." : ", ...");
            }
            out.append(" }");
            if (lambda.argument() != null) {
                out.append(" @ ");
            }
        }
        if (lambda.argument() != null) {
            out.append(lambda.argument());
        }
        out.append(": ");
        expr(lambda.body());
        out.append(')');
    }

    private void attrPath(List<AttrName> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append('.');
            }
            AttrName name = names.get(i);
            if (name instanceof AttrName.Static s) {
                out.append(identifier(s.name()));
            } else {
                out.append("\"${");
                expr(((AttrName.Dynamic) name).expr());
                out.append("}\"");
            }
        }
    }

    /** Returns an attribute path as Nix shows it in messages. */
    static String attrPath(AttrPath path) {
        NixPrinter printer = new NixPrinter(Path.of("/"), "/");
        printer.attrPath(path.names());
        return printer.out.toString();
    }

    // ---- literals -----------------------------------------------------------------------------

    /** Returns {@code name} as Nix prints an attribute name: bare when it is a plain identifier. */
    static String identifier(String name) {
        if (name.isEmpty() || name.equals("if")) {
            return quote(name);
        }
        char c = name.charAt(0);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
            return quote(name);
        }
        for (int i = 0; i < name.length(); i++) {
            char d = name.charAt(i);
            boolean ok = (d >= 'a' && d <= 'z')
                    || (d >= 'A' && d <= 'Z')
                    || (d >= '0' && d <= '9')
                    || d == '_'
                    || d == '\''
                    || d == '-';
            if (!ok) {
                return quote(name);
            }
        }
        return name;
    }

    /** Returns {@code s} as a Nix string literal with {@code " \ $} and control escapes. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\', '$' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Formats a double like C++'s default stream output ({@code %g}, 6 significant digits). */
    static String formatFloat(double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String m = mantissa.toPlainString();
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
