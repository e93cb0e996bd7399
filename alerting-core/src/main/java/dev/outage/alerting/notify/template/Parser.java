package dev.outage.alerting.notify.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the supported subset of Go's text/template into nodes and definitions.
 *
 * <p>Anything outside the subset (unknown functions, {@code block}, {@code break}, assignments
 * with {@code =}, character constants, ...) is rejected with its position.
 */
final class Parser {

    private static final Set<String> KEYWORDS =
            Set.of("if", "else", "end", "range", "with", "template", "define", "block", "break", "continue", "nil");

    private final String source;
    private final String text;
    private final Map<String, List<Node>> definitions;
    private final List<Segment> segments = new ArrayList<>();
    private int next;
    private int depth;
    private int[] lineStarts;

    /** How deep control structures and parentheses may nest. */
    private static final int MAX_NESTING = 100;

    private Parser(String source, String text, Map<String, List<Node>> definitions) {
        this.source = source;
        this.text = text;
        this.definitions = definitions;
    }

    /**
     * Parses the text; {@code define} blocks are put into {@code definitions}, the rest is
     * returned.
     */
    static List<Node> parse(String source, String text, Map<String, List<Node>> definitions) throws TemplateException {
        Parser parser = new Parser(source, text, definitions);
        parser.split();
        List<Node> nodes = new ArrayList<>();
        Segment end = parser.parseList(nodes, false);
        if (end != null) {
            throw end.position.error("unexpected {{" + end.keyword() + "}}");
        }
        return List.copyOf(nodes);
    }

    // ---- splitting into text and actions ----

    private record Segment(Position position, String text, List<Token> tokens) {
        boolean isText() {
            return tokens == null;
        }

        String keyword() {
            return tokens.isEmpty() ? "" : tokens.get(0).text;
        }
    }

    private void split() throws TemplateException {
        int i = 0;
        boolean trimNextText = false;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            int textEnd = open < 0 ? text.length() : open;
            String literal = text.substring(i, textEnd);
            if (trimNextText) {
                literal = literal.stripLeading();
            }
            boolean trimBefore = open >= 0 && text.startsWith("{{- ", open)
                    || open >= 0 && text.startsWith("{{-\t", open)
                    || open >= 0 && text.startsWith("{{-\n", open)
                    || open >= 0 && text.startsWith("{{-\r", open);
            if (trimBefore) {
                literal = literal.stripTrailing();
            }
            if (!literal.isEmpty()) {
                segments.add(new Segment(position(i), literal, null));
            }
            if (open < 0) {
                break;
            }
            int contentStart = open + (trimBefore ? 3 : 2);
            int close = findClose(open, contentStart);
            boolean trimAfter = close - 1 >= contentStart
                    && text.charAt(close - 1) == '-'
                    && close - 2 >= contentStart
                    && Character.isWhitespace(text.charAt(close - 2));
            int contentEnd = trimAfter ? close - 1 : close;
            String content = text.substring(contentStart, contentEnd);
            if (!content.strip().startsWith("/*")) {
                segments.add(new Segment(position(open), null, new Lexer(contentStart).tokens(content)));
            } else if (!content.strip().endsWith("*/")) {
                throw position(open).error("comment must end with */ right before }}");
            }
            trimNextText = trimAfter;
            i = close + 2;
        }
    }

    private int findClose(int open, int from) throws TemplateException {
        int i = from;
        char quote = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (text.startsWith("}}", i)) {
                return i;
            }
            i++;
        }
        throw position(open).error("unclosed action: no }} after {{");
    }

    private Position position(int offset) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int index = java.util.Arrays.binarySearch(lineStarts, Math.min(offset, text.length()));
        int line = index >= 0 ? index : -index - 2;
        return new Position(source, line + 1, offset - lineStarts[line] + 1);
    }

    // ---- tokens inside an action ----

    private enum Kind {
        FIELD,
        DOT,
        VARIABLE,
        IDENTIFIER,
        STRING,
        NUMBER,
        OPEN,
        CLOSE,
        PIPE,
        DECLARE,
        COMMA
    }

    private record Token(Kind kind, String text, Object value, Position position) {}

    private final class Lexer {
        private final int base;

        Lexer(int base) {
            this.base = base;
        }

        List<Token> tokens(String content) throws TemplateException {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < content.length()) {
                char c = content.charAt(i);
                Position at = position(base + i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '.' && (i + 1 >= content.length() || !isNameStart(content.charAt(i + 1)))) {
                    tokens.add(new Token(Kind.DOT, ".", null, at));
                    i++;
                } else if (c == '.') {
                    int end = nameEnd(content, i + 1);
                    tokens.add(new Token(Kind.FIELD, content.substring(i + 1, end), null, at));
                    i = end;
                } else if (c == '$') {
                    int end = nameEnd(content, i + 1);
                    tokens.add(new Token(Kind.VARIABLE, content.substring(i, end), null, at));
                    i = end;
                } else if (isNameStart(c)) {
                    int end = nameEnd(content, i);
                    tokens.add(new Token(Kind.IDENTIFIER, content.substring(i, end), null, at));
                    i = end;
                } else if (c == '"') {
                    i = quoted(content, i, tokens, at);
                } else if (c == '`') {
                    int end = content.indexOf('`', i + 1);
                    if (end < 0) {
                        throw at.error("unterminated raw string");
                    }
                    String value = content.substring(i + 1, end);
                    tokens.add(new Token(Kind.STRING, value, value, at));
                    i = end + 1;
                } else if (Character.isDigit(c)
                        || c == '-' && i + 1 < content.length() && Character.isDigit(content.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < content.length() && Character.isDigit(content.charAt(end))) {
                        end++;
                    }
                    if (end < content.length() && (content.charAt(end) == '.' || isNameStart(content.charAt(end)))) {
                        throw at.error("only integer constants are supported");
                    }
                    String number = content.substring(i, end);
                    tokens.add(new Token(Kind.NUMBER, number, Long.parseLong(number), at));
                    i = end;
                } else if (c == '(' || c == ')' || c == '|' || c == ',') {
                    Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == '|' ? Kind.PIPE : Kind.COMMA;
                    tokens.add(new Token(kind, String.valueOf(c), null, at));
                    i++;
                } else if (content.startsWith(":=", i)) {
                    tokens.add(new Token(Kind.DECLARE, ":=", null, at));
                    i += 2;
                } else {
                    throw at.error("unexpected character '" + c + "' (outside the supported template subset)");
                }
            }
            return tokens;
        }

        private int quoted(String content, int start, List<Token> tokens, Position at) throws TemplateException {
            StringBuilder value = new StringBuilder();
            int i = start + 1;
            while (i < content.length()) {
                char c = content.charAt(i);
                if (c == '"') {
                    tokens.add(new Token(Kind.STRING, content.substring(start, i + 1), value.toString(), at));
                    return i + 1;
                }
                if (c == '\\' && i + 1 < content.length()) {
                    char e = content.charAt(++i);
                    switch (e) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case '"', '\\' -> value.append(e);
                        default -> throw position(base + i).error("unsupported escape \\" + e + " in string");
                    }
                } else {
                    value.append(c);
                }
                i++;
            }
            throw at.error("unterminated string");
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static int nameEnd(String content, int from) {
        int end = from;
        while (end < content.length()
                && (Character.isLetterOrDigit(content.charAt(end)) || content.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    // ---- the tree ----

    /** Parses nodes until {{end}} or {{else}}, which is returned (null at the end of the text). */
    private Segment parseList(List<Node> nodes, boolean nested) throws TemplateException {
        while (next < segments.size()) {
            Segment segment = segments.get(next++);
            if (segment.isText()) {
                nodes.add(new Node.Text(segment.text));
                continue;
            }
            if (segment.tokens.isEmpty()) {
                throw segment.position.error("missing value for command");
            }
            String keyword = segment.tokens.get(0).kind == Kind.IDENTIFIER ? segment.keyword() : "";
            switch (keyword) {
                case "end", "else" -> {
                    if (!nested) {
                        throw segment.position.error("unexpected {{" + keyword + "}}");
                    }
                    return segment;
                }
                case "if", "with", "range" -> nodes.add(parseControl(segment, keyword));
                case "template" -> nodes.add(parseCall(segment));
                case "define" -> parseDefine(segment, nested);
                case "block", "break", "continue" ->
                    throw segment.position.error("{{" + keyword + "}} is outside the supported template subset");
                default -> nodes.add(new Node.Action(segment.position, pipeline(segment, 0, true)));
            }
        }
        if (nested) {
            throw position(text.length()).error("unexpected end of template: missing {{end}}");
        }
        return null;
    }

    private void enter(Position position) throws TemplateException {
        if (++depth > MAX_NESTING) {
            throw position.error("nested more than " + MAX_NESTING + " levels deep");
        }
    }

    private Node parseControl(Segment segment, String keyword) throws TemplateException {
        enter(segment.position);
        try {
            return parseControlBody(segment, keyword);
        } finally {
            depth--;
        }
    }

    private Node parseControlBody(Segment segment, String keyword) throws TemplateException {
        Node.Pipeline pipeline = pipeline(segment, 1, true);
        if (!keyword.equals("range") && pipeline.declarations().size() > 1) {
            throw segment.position.error("too many declarations in " + keyword);
        }
        List<Node> body = new ArrayList<>();
        List<Node> otherwise = new ArrayList<>();
        Segment end = parseList(body, true);
        if (end.keyword().equals("else")) {
            if (end.tokens.size() > 1) {
                if (keyword.equals("range") || !end.tokens.get(1).text.equals(keyword)) {
                    throw end.position.error("{{else " + end.tokens.get(1).text + "}} is not supported here");
                }
                // "else if" / "else with" nest a new control structure that shares our end
                Segment chained = new Segment(end.position, null, end.tokens.subList(1, end.tokens.size()));
                otherwise.add(parseControl(chained, keyword));
                return control(keyword, segment.position, pipeline, body, otherwise);
            }
            end = parseList(otherwise, true);
            if (!end.keyword().equals("end")) {
                throw end.position.error("expected {{end}}, found {{" + end.keyword() + "}}");
            }
        }
        if (end.tokens.size() > 1) {
            throw end.position.error("unexpected text after {{end");
        }
        return control(keyword, segment.position, pipeline, body, otherwise);
    }

    private static Node control(
            String keyword, Position position, Node.Pipeline pipeline, List<Node> body, List<Node> otherwise) {
        return switch (keyword) {
            case "if" -> new Node.If(position, pipeline, List.copyOf(body), List.copyOf(otherwise));
            case "with" -> new Node.With(position, pipeline, List.copyOf(body), List.copyOf(otherwise));
            default -> new Node.Range(position, pipeline, List.copyOf(body), List.copyOf(otherwise));
        };
    }

    private Node parseCall(Segment segment) throws TemplateException {
        if (segment.tokens.size() < 2 || segment.tokens.get(1).kind != Kind.STRING) {
            throw segment.position.error("{{template}} needs a quoted template name");
        }
        String name = (String) segment.tokens.get(1).value;
        Node.Pipeline argument = segment.tokens.size() > 2 ? pipeline(segment, 2, false) : null;
        return new Node.Call(segment.position, name, argument);
    }

    private void parseDefine(Segment segment, boolean nested) throws TemplateException {
        if (nested) {
            throw segment.position.error("{{define}} is only allowed at the top level");
        }
        if (segment.tokens.size() != 2 || segment.tokens.get(1).kind != Kind.STRING) {
            throw segment.position.error("{{define}} needs exactly one quoted template name");
        }
        List<Node> body = new ArrayList<>();
        Segment end = parseList(body, true);
        if (!end.keyword().equals("end") || end.tokens.size() > 1) {
            throw end.position.error("unexpected {{" + end.keyword() + "}} in {{define}}");
        }
        definitions.put((String) segment.tokens.get(1).value, List.copyOf(body));
    }

    // ---- pipelines ----

    private Node.Pipeline pipeline(Segment segment, int from, boolean declarationsAllowed) throws TemplateException {
        TokenCursor cursor = new TokenCursor(segment, from);
        List<String> declarations = declarationsAllowed ? declarations(cursor) : List.of();
        Node.Pipeline pipeline = pipelineBody(cursor, segment.position, declarations);
        if (cursor.hasNext()) {
            throw cursor.peek().position.error("unexpected '" + cursor.peek().text + "' in action");
        }
        return pipeline;
    }

    private static List<String> declarations(TokenCursor cursor) throws TemplateException {
        int mark = cursor.index;
        List<String> names = new ArrayList<>();
        while (cursor.hasNext() && cursor.peek().kind == Kind.VARIABLE) {
            names.add(cursor.next().text);
            if (cursor.hasNext() && cursor.peek().kind == Kind.COMMA && names.size() == 1) {
                cursor.next();
                continue;
            }
            break;
        }
        if (!names.isEmpty() && cursor.hasNext() && cursor.peek().kind == Kind.DECLARE) {
            cursor.next();
            return List.copyOf(names);
        }
        if (names.size() > 1) {
            throw cursor.peek().position.error("expected := after variables");
        }
        cursor.index = mark;
        return List.of();
    }

    private Node.Pipeline pipelineBody(TokenCursor cursor, Position position, List<String> declarations)
            throws TemplateException {
        List<Node.Command> commands = new ArrayList<>();
        while (true) {
            commands.add(command(cursor, position));
            if (cursor.hasNext() && cursor.peek().kind == Kind.PIPE) {
                cursor.next();
                continue;
            }
            return new Node.Pipeline(position, declarations, List.copyOf(commands));
        }
    }

    private Node.Command command(TokenCursor cursor, Position position) throws TemplateException {
        List<Node.Operand> operands = new ArrayList<>();
        while (cursor.hasNext() && cursor.peek().kind != Kind.PIPE && cursor.peek().kind != Kind.CLOSE) {
            operands.add(operand(cursor));
        }
        if (operands.isEmpty()) {
            Position at = cursor.hasNext() ? cursor.peek().position : position;
            throw at.error("missing value for command");
        }
        return new Node.Command(operands.get(0).position(), List.copyOf(operands));
    }

    private Node.Operand operand(TokenCursor cursor) throws TemplateException {
        Token token = cursor.next();
        Node.Operand term = switch (token.kind) {
            case DOT -> new Node.Dot(token.position);
            case FIELD -> new Node.Field(token.position, null, List.of(token.text));
            case VARIABLE -> new Node.Variable(token.position, token.text);
            case STRING, NUMBER -> new Node.Constant(token.position, token.value);
            case IDENTIFIER -> identifier(token);
            case OPEN -> {
                enter(token.position);
                Node.Pipeline inner = pipelineBody(cursor, token.position, List.of());
                depth--;
                if (!cursor.hasNext() || cursor.peek().kind != Kind.CLOSE) {
                    throw token.position.error("unclosed left parenthesis");
                }
                cursor.next();
                yield new Node.Nested(token.position, inner);
            }
            default -> throw token.position.error("unexpected '" + token.text + "' in operand");
        };
        List<String> chain = new ArrayList<>();
        while (cursor.hasNext() && cursor.peek().kind == Kind.FIELD && adjacent(cursor)) {
            chain.add(cursor.next().text);
        }
        if (chain.isEmpty()) {
            return term;
        }
        if (term instanceof Node.Field field) {
            List<String> names = new ArrayList<>(field.names());
            names.addAll(chain);
            return new Node.Field(field.position(), null, List.copyOf(names));
        }
        if (term instanceof Node.Function || term instanceof Node.Constant) {
            throw term.position().error("cannot take a field of " + token.text);
        }
        return new Node.Field(term.position(), term, List.copyOf(chain));
    }

    private static boolean adjacent(TokenCursor cursor) {
        Token previous = cursor.segment.tokens.get(cursor.index - 1);
        Token field = cursor.peek();
        int previousEnd = previous.position.column()
                + (previous.kind == Kind.FIELD ? previous.text.length() + 1 : previous.text.length());
        return field.position.line() == previous.position.line() && field.position.column() == previousEnd;
    }

    private static Node.Operand identifier(Token token) throws TemplateException {
        switch (token.text) {
            case "true" -> {
                return new Node.Constant(token.position, Boolean.TRUE);
            }
            case "false" -> {
                return new Node.Constant(token.position, Boolean.FALSE);
            }
            default -> {
                if (KEYWORDS.contains(token.text)) {
                    throw token.position.error("unexpected keyword " + token.text + " in operand");
                }
                if (!Functions.isKnown(token.text)) {
                    throw token.position.error(
                            "function \"" + token.text + "\" not defined" + " (outside the supported template subset)");
                }
                return new Node.Function(token.position, token.text);
            }
        }
    }

    private static final class TokenCursor {
        private final Segment segment;
        private int index;

        TokenCursor(Segment segment, int index) {
            this.segment = segment;
            this.index = index;
        }

        boolean hasNext() {
            return index < segment.tokens.size();
        }

        Token peek() {
            return segment.tokens.get(index);
        }

        Token next() throws TemplateException {
            if (!hasNext()) {
                throw segment.position.error("unexpected end of action");
            }
            return segment.tokens.get(index++);
        }
    }
}
