package dev.outage.probe.python;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PEP 508 environment marker such as {@code python_version < "3.8" and sys_platform == "linux"}.
 */
public sealed interface Marker {

    /** Returns whether the marker holds in the environment. */
    boolean evaluate(MarkerEnvironment environment);

    /**
     * Parses a marker.
     *
     * @throws IllegalArgumentException with the column of the first error
     */
    static Marker parse(String text) {
        return new MarkerParser(text).parseAll();
    }

    /** Both sides hold. */
    record And(Marker left, Marker right) implements Marker {
        /** Checks both sides are present. */
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return left.evaluate(environment) && right.evaluate(environment);
        }

        @Override
        public String toString() {
            return wrap(left, false) + " and " + wrap(right, false);
        }
    }

    /** Either side holds. */
    record Or(Marker left, Marker right) implements Marker {
        /** Checks both sides are present. */
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            return left.evaluate(environment) || right.evaluate(environment);
        }

        @Override
        public String toString() {
            return left + " or " + right;
        }
    }

    /**
     * One comparison; each side is a variable name or a quoted string.
     *
     * @param left the left operand
     * @param operator one of {@code < <= != == >= > ~= === in} or {@code not in}
     * @param right the right operand
     */
    record Comparison(Operand left, String operator, Operand right) implements Marker {

        private static final Set<String> OPERATORS =
                Set.of("<", "<=", "!=", "==", ">=", ">", "~=", "===", "in", "not in");

        /** Checks the operator and operands. */
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (!OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("unknown marker operator '" + operator + "'");
            }
        }

        @Override
        public boolean evaluate(MarkerEnvironment environment) {
            boolean extra = left.isExtra() || right.isExtra();
            String lhs = extra ? normaliseExtra(left.resolve(environment)) : left.resolve(environment);
            String rhs = extra ? normaliseExtra(right.resolve(environment)) : right.resolve(environment);
            Optional<Boolean> asVersions = compareAsVersions(lhs, rhs);
            return asVersions.orElseGet(() -> compareAsStrings(lhs, rhs));
        }

        private Optional<Boolean> compareAsVersions(String lhs, String rhs) {
            if (operator.equals("in") || operator.equals("not in")) {
                return Optional.empty();
            }
            VersionSpecifier specifier;
            try {
                specifier = VersionSpecifier.parse(operator + rhs);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            Optional<Pep440Version> version = Pep440Version.tryParse(lhs);
            if (version.isEmpty()) {
                return operator.equals("===") ? Optional.of(specifier.admitsText(lhs)) : Optional.empty();
            }
            return Optional.of(new SpecifierSet(java.util.List.of(specifier)).contains(version.get(), true));
        }

        private boolean compareAsStrings(String lhs, String rhs) {
            int c = lhs.compareTo(rhs);
            return switch (operator) {
                case "in" -> rhs.contains(lhs);
                case "not in" -> !rhs.contains(lhs);
                case "==", "===" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }

        private static String normaliseExtra(String value) {
            return value.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        }

        @Override
        public String toString() {
            return left + " " + operator + " " + right;
        }
    }

    /** A comparison operand: a variable or a literal string. */
    sealed interface Operand {
        /** Returns the operand's value in the environment. */
        String resolve(MarkerEnvironment environment);

        /** Returns whether this is the {@code extra} variable. */
        default boolean isExtra() {
            return false;
        }
    }

    /** A marker variable such as {@code python_version}. */
    record Variable(String name) implements Operand {
        /** Checks the name is present. */
        public Variable {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String resolve(MarkerEnvironment environment) {
            return environment.value(name);
        }

        @Override
        public boolean isExtra() {
            return name.equals("extra");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A quoted string. */
    record Literal(String value) implements Operand {
        /** Checks the value is present. */
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String resolve(MarkerEnvironment environment) {
            return value;
        }

        @Override
        public String toString() {
            return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
        }
    }

    private static String wrap(Marker marker, boolean always) {
        return marker instanceof Or || always ? "(" + marker + ")" : marker.toString();
    }
}
