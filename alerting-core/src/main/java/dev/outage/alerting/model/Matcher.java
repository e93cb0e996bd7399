package dev.outage.alerting.model;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Alertmanager label matcher: a label name, an operator and a value.
 *
 * <p>A missing label is seen as the empty string, as in Alertmanager. Regular expressions are
 * RE2 (RE2/J), anchored at both ends as Alertmanager anchors them ({@code ^(?:value)$}), so they
 * run in linear time. Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * Matcher severity = Matcher.of("severity", MatcherType.REGEX, "critical|page");
 * boolean hit = severity.matches(LabelSet.of("severity", "page")); // true
 * }</pre>
 *
 * <p>Matchers sort as Alertmanager sorts them: by name, then value, then operator.
 */
public final class Matcher implements Comparable<Matcher> {

    private final String name;
    private final MatcherType type;
    private final String value;
    private final RegexTest regex;

    private Matcher(String name, MatcherType type, String value, RegexTest regex) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.regex = regex;
    }

    /**
     * Returns a matcher; for the regex operators the value is compiled as RE2.
     *
     * @throws MatcherSyntaxException if a regex value does not compile, with Go's message
     * @throws NullPointerException if an argument is null
     */
    public static Matcher of(String name, MatcherType type, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        return new Matcher(name, type, value, type.isRegex() ? RegexTest.compile(value) : null);
    }

    /** Returns a matcher for {@code name="value"}. */
    public static Matcher equal(String name, String value) {
        return of(name, MatcherType.EQUAL, value);
    }

    /** Returns the label name. */
    public String name() {
        return name;
    }

    /** Returns the operator. */
    public MatcherType type() {
        return type;
    }

    /** Returns the value: the text to compare, or the regular expression as written. */
    public String value() {
        return value;
    }

    /** Returns whether the given label value (the empty string for a missing label) matches. */
    public boolean matches(String labelValue) {
        return switch (type) {
            case EQUAL -> value.equals(labelValue);
            case NOT_EQUAL -> !value.equals(labelValue);
            case REGEX -> regex.test(labelValue);
            case NOT_REGEX -> !regex.test(labelValue);
        };
    }

    /** Returns whether the label set's value of this matcher's label matches. */
    public boolean matches(LabelSet labels) {
        return matches(labels.getOrEmpty(name));
    }

    /** Returns a rough cost of {@link #matches(String)}: 0 compare, 1 set or prefix test, 2 regex. */
    int cost() {
        if (regex == null) {
            return 0;
        }
        return regex.literals != null || regex.anyKind != 0 || !regex.prefix.isEmpty() ? 1 : 2;
    }

    @Override
    public int compareTo(Matcher other) {
        int byName = name.compareTo(other.name);
        if (byName != 0) {
            return byName;
        }
        int byValue = value.compareTo(other.value);
        return byValue != 0 ? byValue : type.compareTo(other.type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matcher that && name.equals(that.name) && type == that.type && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value);
    }

    /**
     * Returns the matcher as Alertmanager 0.25 prints it: {@code name=~"value"} with {@code \\},
     * {@code \"} and {@code \n} escaped in the value.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name.length() + value.length() + 4);
        out.append(name).append(type.operator()).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append("\\\"");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * An anchored RE2 test with shortcuts for the common shapes, each equivalent to the regex:
     * a plain alternation of literals, {@code .*} and {@code .+}, a literal prefix every match
     * must start with, and (as Alertmanager does) a cache of recent results by label value.
     */
    private static final class RegexTest {
        /** Results kept per matcher; bounded so that label values with high cardinality cost no memory. */
        private static final int CACHE_LIMIT = 256;

        private final Pattern pattern;
        private final Set<String> literals;
        private final int anyKind;
        private final String prefix;
        private final ConcurrentHashMap<String, Boolean> cache = new ConcurrentHashMap<>();

        private RegexTest(Pattern pattern, Set<String> literals, int anyKind, String prefix) {
            this.pattern = pattern;
            this.literals = literals;
            this.anyKind = anyKind;
            this.prefix = prefix;
        }

        static RegexTest compile(String value) {
            Pattern pattern;
            String anchored = "^(?:" + value + ")$";
            try {
                pattern = Pattern.compile(anchored);
            } catch (PatternSyntaxException e) {
                throw new MatcherSyntaxException(goMessage(e, anchored));
            }
            if (value.equals(".*")) {
                return new RegexTest(pattern, null, 1, "");
            }
            if (value.equals(".+")) {
                return new RegexTest(pattern, null, 2, "");
            }
            return new RegexTest(pattern, literalAlternatives(value), 0, literalPrefix(value));
        }

        boolean test(String text) {
            if (literals != null) {
                return literals.contains(text);
            }
            return switch (anyKind) {
                case 1 -> text.indexOf('\n') < 0;
                case 2 -> !text.isEmpty() && text.indexOf('\n') < 0;
                default -> testPattern(text);
            };
        }

        private boolean testPattern(String text) {
            if (!text.startsWith(prefix)) {
                return false;
            }
            Boolean cached = cache.get(text);
            if (cached != null) {
                return cached;
            }
            boolean result = pattern.matches(text);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(text, result);
            }
            return result;
        }

        /**
         * Returns the literal text every match must start with: the leading plain characters,
         * without one that a quantifier follows; empty when the regex has an alternation.
         */
        private static String literalPrefix(String value) {
            if (value.indexOf('|') >= 0) {
                return "";
            }
            int end = 0;
            while (end < value.length() && isPlainLiteral(value.charAt(end))) {
                end++;
            }
            if (end < value.length() && "*?{".indexOf(value.charAt(end)) >= 0) {
                end--;
            }
            return end <= 0 ? "" : value.substring(0, end);
        }

        private static boolean isPlainLiteral(char c) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || c == ':'
                    || c == '/'
                    || c == '@'
                    || c == ','
                    || c == '='
                    || c == ' ';
        }

        /** Returns the alternatives when the regex is only literals joined by {@code |}, else null. */
        private static Set<String> literalAlternatives(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean literal = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '-'
                        || c == ' '
                        || c == ':'
                        || c == '/'
                        || c == '@'
                        || c == ','
                        || c == '=';
                if (!literal && c != '|') {
                    return null;
                }
            }
            return Set.copyOf(java.util.Arrays.asList(value.split("\\|", -1)));
        }

        private static String goMessage(PatternSyntaxException e, String anchored) {
            return "error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`";
        }
    }
}
