package dev.outage.alerting.notify.template;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.outage.alerting.model.LabelSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Go's template builtins and Alertmanager's default functions, as far as the subset goes. */
final class Functions {

    private static final Set<String> NAMES = Set.of(
            // Go builtins
            "and",
            "or",
            "not",
            "len",
            "index",
            "eq",
            "ne",
            "lt",
            "le",
            "gt",
            "ge",
            "html",
            "urlquery",
            "print",
            "println",
            "printf",
            // Alertmanager 0.25 DefaultFuncs
            "toUpper",
            "toLower",
            "title",
            "trimSpace",
            "join",
            "match",
            "safeHtml",
            "reReplaceAll",
            "stringSlice");

    private Functions() {}

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** Calls the function with evaluated arguments. */
    static Object call(String name, List<Object> args, Position at) throws TemplateException {
        return switch (name) {
            case "and" -> logic(args, false, at);
            case "or" -> logic(args, true, at);
            case "not" -> !Values.truth(one(name, args, at));
            case "len" -> length(one(name, args, at), at);
            case "index" -> index(args, at);
            case "eq" -> eq(args, at);
            case "ne" -> !eq(arity(name, args, 2, at), at);
            case "lt", "le", "gt", "ge" -> compare(name, arity(name, args, 2, at), at);
            case "html" -> escapeHtml(printAll(args, false));
            case "urlquery" -> URLEncoder.encode(printAll(args, false), StandardCharsets.UTF_8);
            case "print" -> printAll(args, false);
            case "println" -> printAll(args, true) + "\n";
            case "printf" -> printf(args, at);
            case "toUpper" -> string(name, one(name, args, at), at).toUpperCase(Locale.ROOT);
            case "toLower" -> string(name, one(name, args, at), at).toLowerCase(Locale.ROOT);
            case "title" -> title(string(name, one(name, args, at), at));
            case "trimSpace" -> string(name, one(name, args, at), at).strip();
            case "join" -> join(arity(name, args, 2, at), at);
            case "match" ->
                regex(string(name, arity(name, args, 2, at).get(0), at), at)
                        .matcher(string(name, args.get(1), at))
                        .find();
            case "safeHtml" -> new Values.SafeHtml(string(name, one(name, args, at), at));
            case "reReplaceAll" -> reReplaceAll(arity(name, args, 3, at), at);
            case "stringSlice" -> stringSlice(args, at);
            default -> throw at.error("function \"" + name + "\" not defined");
        };
    }

    private static Object one(String name, List<Object> args, Position at) throws TemplateException {
        return arity(name, args, 1, at).get(0);
    }

    private static List<Object> arity(String name, List<Object> args, int count, Position at) throws TemplateException {
        if (args.size() != count) {
            throw at.error("wrong number of args for " + name + ": want " + count + " got " + args.size());
        }
        return args;
    }

    private static String string(String name, Object value, Position at) throws TemplateException {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Values.SafeHtml h) {
            return h.html();
        }
        throw at.error("wrong type for value; expected string; got " + Values.typeName(value) + " in " + name);
    }

    private static Object logic(List<Object> args, boolean or, Position at) throws TemplateException {
        if (args.isEmpty()) {
            throw at.error("wrong number of args: want at least 1 got 0");
        }
        for (Object arg : args) {
            if (Values.truth(arg) == or) {
                return arg;
            }
        }
        return args.get(args.size() - 1);
    }

    private static long length(Object value, Position at) throws TemplateException {
        int length = Values.length(value);
        if (length < 0) {
            throw at.error("len of type " + Values.typeName(value));
        }
        return length;
    }

    private static Object index(List<Object> args, Position at) throws TemplateException {
        if (args.isEmpty()) {
            throw at.error("wrong number of args for index: want at least 1 got 0");
        }
        Object value = args.get(0);
        for (Object key : args.subList(1, args.size())) {
            if (value instanceof LabelSet labels && key instanceof String name) {
                value = labels.getOrEmpty(name);
            } else if (key instanceof Long i && Values.elements(value) != null && !(value instanceof LabelSet)) {
                List<Object[]> elements = Values.elements(value);
                if (i < 0 || i >= elements.size()) {
                    throw at.error("error calling index: index out of range: " + i);
                }
                value = elements.get(i.intValue())[1];
            } else {
                throw at.error("can't index item of type " + Values.typeName(value));
            }
        }
        return value;
    }

    private static boolean eq(List<Object> args, Position at) throws TemplateException {
        if (args.size() < 2) {
            throw at.error("missing argument for comparison");
        }
        Object first = comparable(args.get(0), at);
        for (Object other : args.subList(1, args.size())) {
            Object second = comparable(other, at);
            if (first.getClass() != second.getClass()) {
                throw at.error("incompatible types for comparison");
            }
            if (first.equals(second)) {
                return true;
            }
        }
        return false;
    }

    private static Object comparable(Object value, Position at) throws TemplateException {
        if (value instanceof Values.SafeHtml h) {
            return h.html();
        }
        if (value instanceof String || value instanceof Long || value instanceof Boolean) {
            return value;
        }
        throw at.error("invalid type for comparison: " + Values.typeName(value));
    }

    private static boolean compare(String op, List<Object> args, Position at) throws TemplateException {
        Object a = comparable(args.get(0), at);
        Object b = comparable(args.get(1), at);
        int order;
        if (a instanceof Long x && b instanceof Long y) {
            order = Long.compare(x, y);
        } else if (a instanceof String x && b instanceof String y) {
            order = x.compareTo(y);
        } else {
            throw at.error("incompatible types for comparison");
        }
        return switch (op) {
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            case "gt" -> order > 0;
            default -> order >= 0;
        };
    }

    private static String printAll(List<Object> args, boolean spaces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean strings = i > 0 && args.get(i) instanceof String && args.get(i - 1) instanceof String;
            if (i > 0 && (spaces || !strings)) {
                out.append(' ');
            }
            out.append(Values.print(args.get(i)));
        }
        return out.toString();
    }

    private static String printf(List<Object> args, Position at) throws TemplateException {
        if (args.isEmpty() || !(args.get(0) instanceof String format)) {
            throw at.error("printf needs a format string");
        }
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= format.length()) {
                throw at.error("printf format ends with %");
            }
            char verb = format.charAt(i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if ("sdvq".indexOf(verb) < 0) {
                throw at.error("printf verb %" + verb + " is outside the supported subset (%s %d %v %q %%)");
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            String text = Values.print(args.get(next++));
            out.append(verb == 'q' ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text);
        }
        return out.toString();
    }

    private static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
            start = !Character.isLetterOrDigit(cp) && cp != '\'';
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String join(List<Object> args, Position at) throws TemplateException {
        String separator = string("join", args.get(0), at);
        if (!(args.get(1) instanceof List<?> list)) {
            throw at.error("wrong type for value; expected []string; got " + Values.typeName(args.get(1)) + " in join");
        }
        List<String> parts = new ArrayList<>(list.size());
        for (Object part : list) {
            parts.add(string("join", part, at));
        }
        return String.join(separator, parts);
    }

    private static Pattern regex(String pattern, Position at) throws TemplateException {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw at.error("invalid regular expression " + pattern + ": " + e.getDescription());
        }
    }

    private static String reReplaceAll(List<Object> args, Position at) throws TemplateException {
        Pattern pattern = regex(string("reReplaceAll", args.get(0), at), at);
        String replacement = string("reReplaceAll", args.get(1), at).replaceAll("\\$\\{(\\d+)\\}", "\\$$1");
        return pattern.matcher(string("reReplaceAll", args.get(2), at)).replaceAll(replacement);
    }

    private static List<String> stringSlice(List<Object> args, Position at) throws TemplateException {
        List<String> out = new ArrayList<>(args.size());
        for (Object arg : args) {
            out.add(string("stringSlice", arg, at));
        }
        return List.copyOf(out);
    }

    /** Returns the text with {@code & < > " '} and NUL escaped as Go's html/template does. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
