package dev.outage.alerting.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses matcher strings in Alertmanager's two syntaxes and tests lists of matchers.
 *
 * <pre>{@code
 * List<Matcher> matchers = Matchers.parse("{severity=~\"critical|page\", team=\"db\"}", MatcherSyntax.CLASSIC);
 * boolean hit = Matchers.matchAll(matchers, alert.labels());
 * }</pre>
 *
 * <p>Both parsers accept optional braces and several comma-separated matchers in one string. The
 * methods are pure functions, safe to call from any thread.
 */
public final class Matchers {

    /** The classic grammar of one matcher: a Prometheus label name, an operator, the rest. */
    private static final Pattern CLASSIC_MATCHER = Pattern.compile(
            "^[\\t\\n\\f\\r ]*([a-zA-Z_:][a-zA-Z0-9_:]*)[\\t\\n\\f\\r ]*(=~|=|!=|!~)[\\t\\n\\f\\r ]*(.*?)[\\t\\n\\f\\r ]*$",
            Pattern.DOTALL);

    private Matchers() {}

    /**
     * Parses one string holding zero or more matchers, in the given syntax.
     *
     * @return the matchers in the order written
     * @throws MatcherSyntaxException with Alertmanager's reason when the text is malformed or a
     *     regex does not compile
     */
    public static List<Matcher> parse(String text, MatcherSyntax syntax) {
        Objects.requireNonNull(text, "text");
        return switch (Objects.requireNonNull(syntax, "syntax")) {
            case CLASSIC -> parseClassic(text);
            case UTF8 -> new MatcherUtf8Parser(text).parse();
        };
    }

    /**
     * Parses one matcher in the given syntax.
     *
     * @throws MatcherSyntaxException when the text is malformed or holds other than one matcher
     */
    public static Matcher parseOne(String text, MatcherSyntax syntax) {
        List<Matcher> matchers = parse(text, syntax);
        if (matchers.size() != 1) {
            throw new MatcherSyntaxException(
                    matchers.isEmpty() ? "no matchers" : "expected 1 matcher, found " + matchers.size());
        }
        return matchers.get(0);
    }

    /** Returns whether every matcher matches the labels; true for an empty list. */
    public static boolean matchAll(List<Matcher> matchers, LabelSet labels) {
        for (int i = 0, n = matchers.size(); i < n; i++) {
            if (!matchers.get(i).matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns an unmodifiable copy ordered for testing: plain comparisons first, regexes with a
     * shortcut next, other regexes last. {@link #matchAll} gives the same answer for any order;
     * this one gives it sooner.
     */
    public static List<Matcher> inEvaluationOrder(List<Matcher> matchers) {
        List<Matcher> copy = new ArrayList<>(matchers);
        copy.sort(java.util.Comparator.comparingInt(Matcher::cost));
        return List.copyOf(copy);
    }

    /** Returns a sorted, unmodifiable copy in Alertmanager's order (name, value, operator). */
    public static List<Matcher> sorted(List<Matcher> matchers) {
        List<Matcher> copy = new ArrayList<>(matchers);
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    /** Returns the matchers as Alertmanager prints a list: {@code {a="1",b=~"2"}}. */
    public static String toString(List<Matcher> matchers) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < matchers.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(matchers.get(i));
        }
        return out.append('}').toString();
    }

    private static List<Matcher> parseClassic(String text) {
        String s = text.startsWith("{") ? text.substring(1) : text;
        s = s.endsWith("}") ? s.substring(0, s.length() - 1) : s;
        List<String> tokens = splitOutsideQuotes(s);
        List<Matcher> matchers = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            matchers.add(parseClassicMatcher(token));
        }
        return List.copyOf(matchers);
    }

    /** Splits at commas outside double quotes; a quote escaped with one backslash does not count. */
    private static List<String> splitOutsideQuotes(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean insideQuotes = false;
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' && !insideQuotes) {
                tokens.add(token.toString());
                token.setLength(0);
                continue;
            }
            if (c == '"') {
                if (escaped) {
                    escaped = false;
                } else {
                    insideQuotes = !insideQuotes;
                }
            } else if (c == '\\') {
                escaped = !escaped;
            } else {
                escaped = false;
            }
            token.append(c);
        }
        String last = token.toString().strip();
        if (!last.isEmpty()) {
            tokens.add(last);
        }
        return tokens;
    }

    private static Matcher parseClassicMatcher(String token) {
        java.util.regex.Matcher parts = CLASSIC_MATCHER.matcher(token);
        if (!parts.matches()) {
            throw new MatcherSyntaxException("bad matcher format: " + token);
        }
        String raw = parts.group(3);
        String rawValue = raw;
        boolean expectTrailingQuote = false;
        if (rawValue.startsWith("\"")) {
            rawValue = rawValue.substring(1);
            expectTrailingQuote = true;
        }
        if (!isValidUtf16(rawValue)) {
            throw new MatcherSyntaxException("matcher value not valid UTF-8: " + raw);
        }
        StringBuilder value = new StringBuilder(rawValue.length());
        boolean escaped = false;
        // Backslash and quote are ASCII, so "last byte" in Go is "last char" here.
        int lastIndex = rawValue.length() - 1;
        for (int i = 0; i < rawValue.length(); ) {
            int c = rawValue.codePointAt(i);
            int at = i;
            i += Character.charCount(c);
            if (escaped) {
                escaped = false;
                switch (c) {
                    case 'n' -> value.append('\n');
                    case '"', '\\' -> value.appendCodePoint(c);
                    default -> value.append('\\').appendCodePoint(c);
                }
                continue;
            }
            if (c == '\\') {
                if (at < lastIndex) {
                    escaped = true;
                    continue;
                }
                value.append('\\');
            } else if (c == '"') {
                if (!expectTrailingQuote || at < lastIndex) {
                    throw new MatcherSyntaxException("matcher value contains unescaped double quote: " + raw);
                }
                expectTrailingQuote = false;
            } else {
                value.appendCodePoint(c);
            }
        }
        if (expectTrailingQuote) {
            throw new MatcherSyntaxException("matcher value contains unescaped double quote: " + raw);
        }
        return Matcher.of(parts.group(1), MatcherType.ofOperator(parts.group(2)), value.toString());
    }

    private static boolean isValidUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
