package dev.outage.nix.syntax;

import java.util.List;
import java.util.Objects;

/**
 * A Nix expression as written in the source: an immutable tree in which every node knows its
 * {@link SourceRange}.
 *
 * <p>The tree keeps the surface syntax (operators, dotted binding paths, {@code inherit}, string
 * parts); {@link NixPrinter} renders the desugared form that Nix itself prints. Parts that could
 * not be parsed are {@link Invalid} nodes, reported as {@link SyntaxError}s next to the tree.
 */
public sealed interface Expr {

    /** Returns where this expression is written. */
    SourceRange range();

    /** An integer literal, {@code 42}. */
    record Int(long value, SourceRange range) implements Expr {
        /** Validates the node. */
        public Int {
            Objects.requireNonNull(range, "range");
        }
    }

    /** A float literal, {@code 1.5} or {@code .5e3}, with its source text. */
    record Float(double value, String text, SourceRange range) implements Expr {
        /** Validates the node. */
        public Float {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * A string literal, {@code "..."} or {@code ''...''}; text parts are unescaped and, for
     * indented strings, already stripped of their common indentation.
     */
    record Str(List<StringPart> parts, boolean indented, SourceRange range) implements Expr {
        /** Validates the node and copies the list. */
        public Str {
            parts = List.copyOf(parts);
            Objects.requireNonNull(range, "range");
        }

        /** Returns the text when the string has no interpolation, else null. */
        public String literal() {
            StringBuilder out = new StringBuilder();
            for (StringPart part : parts) {
                if (!(part instanceof StringPart.Text text)) {
                    return null;
                }
                out.append(text.value());
            }
            return out.toString();
        }
    }

    /**
     * A path literal such as {@code ./foo}, {@code /etc/x}, {@code ~/x} or {@code ./a/${b}}; the
     * first part is the text as written, not yet made absolute.
     */
    record Path(PathKind kind, List<StringPart> parts, SourceRange range) implements Expr {
        /** Validates the node and copies the list. */
        public Path {
            Objects.requireNonNull(kind, "kind");
            parts = List.copyOf(parts);
            if (parts.isEmpty() || !(parts.get(0) instanceof StringPart.Text)) {
                throw new IllegalArgumentException("path must start with text");
            }
            Objects.requireNonNull(range, "range");
        }
    }

    /** A search path {@code <nixpkgs/lib>}; {@code name} is the text between the brackets. */
    record SearchPath(String name, SourceRange range) implements Expr {
        /** Validates the node. */
        public SearchPath {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
        }
    }

    /** An unquoted URI, {@code https://example.org}, which Nix reads as a string. */
    record Uri(String value, SourceRange range) implements Expr {
        /** Validates the node. */
        public Uri {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(range, "range");
        }
    }

    /** A variable reference. */
    record Var(String name, SourceRange range) implements Expr {
        /** Validates the node. */
        public Var {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code __curPos}, the position of itself. */
    record CurPos(SourceRange range) implements Expr {
        /** Validates the node. */
        public CurPos {
            Objects.requireNonNull(range, "range");
        }
    }

    /** An attribute set {@code { ... }} or {@code rec { ... }}, bindings in source order. */
    record AttrSet(boolean recursive, List<Binding> bindings, SourceRange range) implements Expr {
        /** Validates the node and copies the list. */
        public AttrSet {
            bindings = List.copyOf(bindings);
            Objects.requireNonNull(range, "range");
        }
    }

    /** The legacy {@code let { ...; body = e; }}, which means {@code (rec { ... }).body}. */
    record LegacyLet(List<Binding> bindings, SourceRange range) implements Expr {
        /** Validates the node and copies the list. */
        public LegacyLet {
            bindings = List.copyOf(bindings);
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code let bindings in body}. */
    record Let(List<Binding> bindings, Expr body, SourceRange range) implements Expr {
        /** Validates the node and copies the list. */
        public Let {
            bindings = List.copyOf(bindings);
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(range, "range");
        }
    }

    /** A list {@code [ a b c ]}. */
    record ListExpr(List<Expr> elements, SourceRange range) implements Expr {
        /** Validates the node and copies the list. */
        public ListExpr {
            elements = List.copyOf(elements);
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * A function: {@code x: body}, {@code { a, b }: body} or {@code args@{ a }: body}.
     *
     * @param argument the name bound to the whole argument, or null
     * @param formals the pattern, or null for a plain {@code x: body}
     */
    record Lambda(String argument, Formals formals, Expr body, SourceRange range) implements Expr {
        /** Validates the node. */
        public Lambda {
            if (argument == null && formals == null) {
                throw new IllegalArgumentException("lambda needs an argument name or formals");
            }
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(range, "range");
        }
    }

    /** A function application {@code function argument}. */
    record Apply(Expr function, Expr argument, SourceRange range) implements Expr {
        /** Validates the node. */
        public Apply {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code target.path} or {@code target.path or orDefault}; {@code orDefault} may be null. */
    record Select(Expr target, AttrPath path, Expr orDefault, SourceRange range) implements Expr {
        /** Validates the node. */
        public Select {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code target ? path}. */
    record HasAttr(Expr target, AttrPath path, SourceRange range) implements Expr {
        /** Validates the node. */
        public HasAttr {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(range, "range");
        }
    }

    /** An infix operation. */
    record Binary(BinaryOperator operator, Expr left, Expr right, SourceRange range) implements Expr {
        /** Validates the node. */
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code !operand}. */
    record Not(Expr operand, SourceRange range) implements Expr {
        /** Validates the node. */
        public Not {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code -operand}. */
    record Negate(Expr operand, SourceRange range) implements Expr {
        /** Validates the node. */
        public Negate {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code if condition then then else otherwise}. */
    record If(Expr condition, Expr then, Expr otherwise, SourceRange range) implements Expr {
        /** Validates the node. */
        public If {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(otherwise, "otherwise");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code assert condition; body}. */
    record Assert(Expr condition, Expr body, SourceRange range) implements Expr {
        /** Validates the node. */
        public Assert {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(range, "range");
        }
    }

    /** {@code with scope; body}. */
    record With(Expr scope, Expr body, SourceRange range) implements Expr {
        /** Validates the node. */
        public With {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(range, "range");
        }
    }

    /** A placeholder where the parser found no valid expression; a {@link SyntaxError} says why. */
    record Invalid(SourceRange range) implements Expr {
        /** Validates the node. */
        public Invalid {
            Objects.requireNonNull(range, "range");
        }
    }
}
