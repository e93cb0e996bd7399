package dev.outage.nix.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, grammar-based generator of random Nix expressions covering the whole language, with
 * optional mutations that usually make the text invalid. Same seed, same output.
 */
final class NixExprGenerator {

    private static final String[] NAMES = {"a", "b", "c", "x", "y", "foo", "bar-baz", "f'", "_z", "or", "body"};
    private static final String[] GLOBALS = {"true", "false", "null", "builtins", "map", "toString", "import"};
    private static final String[] OPERATORS = {
        "->", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "//", "+", "-", "*", "/", "++"
    };
    private static final String[] JUNK = {
        ";", "}", "{", ")", "(", "]", "[", "=", "in", "let", ".", "?", "''", "\"", ":", "@", ",", "...", "${", "or",
        "then", "else", "-", "!", "%", "/*", "./a/", "1e5", "inherit"
    };

    private final Random random;
    private final List<List<String>> scopes = new ArrayList<>();

    NixExprGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Returns one expression; {@code mutate} asks for a random edit that is usually an error. */
    String next(boolean mutate) {
        scopes.clear();
        StringBuilder out = new StringBuilder();
        if (random.nextInt(3) == 0) {
            out.append("with builtins; ");
        }
        expr(out, 0);
        String text = out.toString();
        return mutate ? mutate(text) : text;
    }

    private int pick(int n) {
        return random.nextInt(n);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String name() {
        return NAMES[pick(NAMES.length)];
    }

    private void gap(StringBuilder out) {
        int r = pick(30);
        if (r == 0) {
            out.append(" # c\n");
        } else if (r == 1) {
            out.append(" /* c */ ");
        } else if (r == 2) {
            out.append("\n  ");
        } else if (r == 3) {
            out.append("\r\n");
        } else {
            out.append(' ');
        }
    }

    private void expr(StringBuilder out, int depth) {
        if (depth > 5) {
            simple(out, depth);
            return;
        }
        switch (pick(16)) {
            case 0 -> lambda(out, depth);
            case 1 -> {
                out.append("let");
                gap(out);
                List<String> names = new ArrayList<>();
                int n = 1 + pick(3);
                for (int i = 0; i < n; i++) {
                    String nm = name();
                    names.add(nm);
                }
                scopes.add(names);
                bindings(out, depth, names);
                out.append("in");
                gap(out);
                expr(out, depth + 1);
                scopes.remove(scopes.size() - 1);
            }
            case 2 -> {
                out.append(pick(2) == 0 ? "with " : "assert ");
                expr(out, depth + 1);
                out.append(";");
                gap(out);
                expr(out, depth + 1);
            }
            case 3 -> {
                out.append("if ");
                expr(out, depth + 1);
                out.append(" then ");
                expr(out, depth + 1);
                out.append(" else ");
                expr(out, depth + 1);
            }
            case 4, 5, 6 -> {
                operand(out, depth);
                int n = 1 + pick(3);
                for (int i = 0; i < n; i++) {
                    gap(out);
                    out.append(OPERATORS[pick(OPERATORS.length)]);
                    gap(out);
                    operand(out, depth);
                }
            }
            case 7 -> {
                operand(out, depth);
                out.append(" ? ");
                attrPath(out, depth);
            }
            default -> app(out, depth);
        }
    }

    private void operand(StringBuilder out, int depth) {
        int r = pick(8);
        if (r == 0) {
            out.append('!');
        } else if (r == 1) {
            out.append('-');
        }
        app(out, depth + 1);
    }

    private void app(StringBuilder out, int depth) {
        select(out, depth);
        int n = chance(30) ? 1 + pick(3) : 0;
        for (int i = 0; i < n; i++) {
            out.append(' ');
            select(out, depth + 1);
        }
    }

    private void select(StringBuilder out, int depth) {
        simple(out, depth);
        int r = pick(10);
        if (r < 2) {
            out.append('.');
            attrPath(out, depth);
            if (chance(40)) {
                out.append(" or ");
                simple(out, depth + 1);
            }
        } else if (r == 2) {
            out.append(" or");
        }
    }

    private void simple(StringBuilder out, int depth) {
        int choices = depth > 5 ? 8 : 17;
        switch (pick(choices)) {
            case 0 -> out.append(pick(1000));
            case 1 -> out.append(new String[] {"1.5", ".5e3", "0.001", "123456789.0", "2.", "1e5", "01.5"}[pick(7)]);
            case 2, 3 -> variable(out);
            case 4 -> string(out, depth);
            case 5 ->
                out.append(new String[] {
                            "./a/b",
                            "/etc/nixos",
                            "../up/x.nix",
                            "~/h",
                            "a/b",
                            "<nixpkgs>",
                            "<nixpkgs/lib>",
                            "https://example.org/x?y=1",
                            "x:y",
                            "./.",
                            "/a/../b//c"
                        }
                        [pick(11)]);
            case 6 -> out.append("__curPos");
            case 7 -> out.append(pick(2) == 0 ? "[ ]" : "{ }");
            case 8, 9 -> attrSet(out, depth);
            case 10 -> indString(out, depth);
            case 11 -> {
                out.append("[");
                int n = pick(4);
                for (int i = 0; i < n; i++) {
                    out.append(' ');
                    select(out, depth + 1);
                }
                out.append(" ]");
            }
            case 12 -> {
                out.append("(");
                expr(out, depth + 1);
                out.append(")");
            }
            case 13 -> {
                out.append("./p/${");
                expr(out, depth + 1);
                out.append(pick(2) == 0 ? "}" : "}/q");
            }
            case 15 ->
                out.append(new String[] {
                            "x@{ x }: x",
                            "{ a, a }: a",
                            "{ b ? 1, c, ... }@d: d",
                            "let ${\"x\"} = 1; in x",
                            "let ${toString 1} = 1; in 2",
                            "{ ${if true then \"i\" else \"e\"} = 1; }",
                            "a.\"b\".${\"c\"}",
                            "{ }: 1",
                            "{...}: 2",
                            "a: b: { inherit a; inherit (b) c d; }",
                            "(x: x) or",
                            "1 - -1",
                            "[ \"é\" ''\r\n  crlf\r\n  ''\r\n ]",
                            "builtins.or",
                            "__sub 1 2",
                            "map or [ ]"
                        }
                        [pick(16)]);
            case 14 -> {
                out.append("let { ");
                out.append("body = ");
                expr(out, depth + 1);
                out.append("; }");
            }
            default -> variable(out);
        }
    }

    private void variable(StringBuilder out) {
        if (!scopes.isEmpty() && chance(70)) {
            List<String> scope = scopes.get(pick(scopes.size()));
            if (!scope.isEmpty()) {
                out.append(scope.get(pick(scope.size())));
                return;
            }
        }
        if (chance(85)) {
            out.append(GLOBALS[pick(GLOBALS.length)]);
        } else {
            out.append(name());
        }
    }

    private void string(StringBuilder out, int depth) {
        out.append('"');
        int n = pick(4);
        for (int i = 0; i < n; i++) {
            switch (pick(6)) {
                case 0 -> out.append("${").append(pick(10)).append('}');
                case 1 -> out.append(new String[] {"\\n", "\\t", "\\\"", "\\\\", "\\$", "$", "$$", "\\${x}"}[pick(8)]);
                case 2 -> {
                    out.append("${");
                    expr(out, depth + 2);
                    out.append('}');
                }
                default -> out.append(new String[] {"hello", " world", "a b", "é", "tab\there"}[pick(5)]);
            }
        }
        out.append('"');
    }

    private void indString(StringBuilder out, int depth) {
        out.append("''");
        if (chance(70)) {
            out.append('\n');
        }
        int lines = 1 + pick(4);
        for (int l = 0; l < lines; l++) {
            out.append(" ".repeat(pick(6)));
            switch (pick(7)) {
                case 0 -> out.append("''$ x");
                case 1 -> out.append("'''q");
                case 2 -> out.append("''\\n");
                case 3 -> {
                    out.append("${");
                    expr(out, depth + 2);
                    out.append('}');
                }
                case 4 -> out.append("$x 'a");
                default -> out.append("text ").append(pick(100));
            }
            out.append('\n');
        }
        out.append(" ".repeat(pick(4))).append("''");
    }

    private void attrSet(StringBuilder out, int depth) {
        boolean rec = chance(25);
        List<String> names = new ArrayList<>();
        int n = pick(5);
        for (int i = 0; i < n; i++) {
            names.add(name());
        }
        if (rec) {
            out.append("rec ");
            scopes.add(names);
        }
        out.append('{');
        gap(out);
        bindings(out, depth, names);
        out.append('}');
        if (rec) {
            scopes.remove(scopes.size() - 1);
        }
    }

    private void bindings(StringBuilder out, int depth, List<String> names) {
        for (String nm : names) {
            int r = pick(14);
            if (r == 10 && depth < 4) {
                // nested paths that Nix merges, sometimes clashing
                out.append(nm).append(".p = 1; ").append(nm).append(pick(2) == 0 ? ".q = " : " = { q = ");
                simple(out, depth + 1);
                out.append(chance(50) ? "; " : " }; ");
                continue;
            }
            if (r == 11) {
                out.append(nm).append(" = 1; ").append(chance(20) ? nm : name()).append(" = 2;");
                continue;
            }
            if (r == 12) {
                out.append("inherit ")
                        .append(chance(50) ? "${\"k\"} " : "\"l m\" ")
                        .append(nm)
                        .append(';');
                continue;
            }
            if (r == 0) {
                out.append("inherit ").append(nm).append(';');
            } else if (r == 1) {
                out.append("inherit (");
                expr(out, depth + 1);
                out.append(") ").append(nm).append(';');
            } else {
                attrName(out, nm, depth);
                if (chance(30)) {
                    out.append('.');
                    attrName(out, name(), depth);
                }
                out.append(" = ");
                expr(out, depth + 1);
                out.append(';');
            }
            gap(out);
        }
    }

    private void attrName(StringBuilder out, String nm, int depth) {
        int r = pick(12);
        if (r == 0) {
            out.append('"').append(nm).append(" q\"");
        } else if (r == 1 && depth < 4) {
            out.append("${");
            string(out, depth + 2);
            out.append('}');
        } else {
            out.append(nm);
        }
    }

    private void attrPath(StringBuilder out, int depth) {
        attrName(out, name(), depth + 2);
        if (chance(30)) {
            out.append('.');
            attrName(out, name(), depth + 2);
        }
    }

    private void lambda(StringBuilder out, int depth) {
        List<String> names = new ArrayList<>();
        int r = pick(3);
        if (r == 0) {
            String arg = name();
            if (arg.equals("or")) {
                arg = "x";
            }
            names.add(arg);
            out.append(arg).append(": ");
        } else {
            out.append("{ ");
            int n = pick(4);
            for (int i = 0; i < n; i++) {
                String nm = name();
                if (nm.equals("or")) {
                    nm = "z";
                }
                names.add(nm);
                out.append(nm);
                if (chance(30)) {
                    out.append(" ? ");
                    simple(out, depth + 2);
                }
                out.append(i + 1 < n || chance(30) ? ", " : " ");
            }
            if (chance(40)) {
                out.append("... ");
            }
            out.append('}');
            if (r == 2) {
                out.append(" @ args");
                names.add("args");
            }
            out.append(": ");
        }
        scopes.add(names);
        expr(out, depth + 1);
        scopes.remove(scopes.size() - 1);
    }

    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + pick(2);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = pick(out.length() + 1);
            switch (pick(3)) {
                case 0 -> out.insert(at, " " + JUNK[pick(JUNK.length)] + " ");
                case 1 -> out.delete(Math.min(at, out.length() - 1), Math.min(out.length(), at + 1 + pick(3)));
                default -> out.insert(at, JUNK[pick(JUNK.length)]);
            }
        }
        return out.toString();
    }
}
