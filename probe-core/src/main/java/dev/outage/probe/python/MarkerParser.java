package dev.outage.probe.python;

import java.util.Set;

/** Recursive-descent parser of PEP 508 markers; errors name the 1-based column. */
final class MarkerParser {

    private static final Set<String> VARIABLES = Set.of(
            "python_version",
            "python_full_version",
            "os_name",
            "sys_platform",
            "platform_release",
            "platform_system",
            "platform_version",
            "platform_machine",
            "platform_python_implementation",
            "implementation_name",
            "implementation_version",
            "extra",
            "os.name",
            "sys.platform",
            "platform.version",
            "platform.machine",
            "platform.python_implementation",
            "python_implementation");

    private final String text;
    private int pos;

    MarkerParser(String text) {
        this.text = text;
    }

    Marker parseAll() {
        Marker marker = parseOr();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return marker;
    }

    private Marker parseOr() {
        Marker left = parseAnd();
        while (keyword("or")) {
            left = new Marker.Or(left, parseAnd());
        }
        return left;
    }

    private Marker parseAnd() {
        Marker left = parseAtom();
        while (keyword("and")) {
            left = new Marker.And(left, parseAtom());
        }
        return left;
    }

    private Marker parseAtom() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            Marker inner = parseOr();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw error("expected ')'");
            }
            pos++;
            return inner;
        }
        Marker.Operand left = parseOperand();
        String operator = parseOperator();
        Marker.Operand right = parseOperand();
        return new Marker.Comparison(left, operator, right);
    }

    private Marker.Operand parseOperand() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expected a variable or a quoted string");
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return new Marker.Literal(value);
        }
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || "_.".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (!VARIABLES.contains(name)) {
            pos = start;
            throw error(
                    name.isEmpty()
                            ? "expected a variable or a quoted string"
                            : "unknown marker variable '" + name + "'");
        }
        return new Marker.Variable(name);
    }

    private String parseOperator() {
        skipSpace();
        for (String op : new String[] {"===", "==", "!=", "<=", ">=", "~=", "<", ">"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        if (keyword("in")) {
            return "in";
        }
        int save = pos;
        if (keyword("not") && keyword("in")) {
            return "not in";
        }
        pos = save;
        throw error("expected a comparison operator");
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.startsWith(word, pos)
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            pos = end;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("marker column " + (pos + 1) + ": " + message + " in '" + text + "'");
    }
}
