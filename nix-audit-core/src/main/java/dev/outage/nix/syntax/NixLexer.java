package dev.outage.nix.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits Nix source into tokens the way Nix 2.8's lexer does, including its modes for strings,
 * indented strings and interpolated paths, and its quirks ({@code a:b} is a URI, {@code 1e5} is
 * an integer followed by an identifier, {@code ./a/} is an error).
 *
 * <p>Runs in time linear in the input and never throws on any input; lexical errors become
 * {@link TokenKind#INVALID} tokens. Instances are single-use and not thread-safe; the static
 * {@link #tokenize(String)} is safe to call from any thread.
 */
public final class NixLexer {

    private static final String[] KEYWORDS = {
        "if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"
    };
    private static final TokenKind[] KEYWORD_KINDS = {
        TokenKind.IF, TokenKind.THEN, TokenKind.ELSE, TokenKind.ASSERT, TokenKind.WITH,
        TokenKind.LET, TokenKind.IN, TokenKind.REC, TokenKind.INHERIT, TokenKind.OR_KW
    };

    private static final int DEFAULT = 0;
    private static final int STRING = 1;
    private static final int IND_STRING = 2;
    private static final int INPATH = 3;
    private static final int INPATH_SLASH = 4;

    private final String src;
    private final int n;
    private final List<Token> tokens;
    private final List<Comment> comments = new ArrayList<>();
    private int[] stack = new int[16];
    private int depth;
    private int pos;
    private int line = 1;
    private int column = 1;
    private int lastLine = 1;
    private int lastColumn = 1;
    private int lastOffset;
    private int prevLine = 1;
    private int prevColumn = 1;
    private int prevOffset;

    private NixLexer(String src) {
        this.src = src;
        this.n = src.length();
        this.tokens = new ArrayList<>(16 + src.length() / 5);
    }

    /**
     * Tokens and comments of one source text.
     *
     * @param tokens the tokens, always ending with one {@link TokenKind#EOF}
     * @param comments the comments in source order
     */
    public record Tokens(List<Token> tokens, List<Comment> comments) {
        /** Copies the lists. */
        public Tokens {
            tokens = List.copyOf(tokens);
            comments = List.copyOf(comments);
        }
    }

    /** Returns the tokens and comments of {@code source}. */
    public static Tokens tokenize(String source) {
        Objects.requireNonNull(source, "source");
        NixLexer lexer = new NixLexer(source);
        lexer.run();
        return new Tokens(lexer.tokens, lexer.comments);
    }

    static List<Token> tokenize(String source, List<Comment> commentsOut) {
        NixLexer lexer = new NixLexer(source);
        lexer.run();
        commentsOut.addAll(lexer.comments);
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            int state = depth == 0 ? DEFAULT : stack[depth - 1];
            boolean more = switch (state) {
                case STRING -> lexString();
                case IND_STRING -> lexIndString();
                case INPATH, INPATH_SLASH -> lexInPath(state);
                default -> lexDefault();
            };
            if (!more) {
                return;
            }
        }
    }

    // ---- positions ----------------------------------------------------------------------------

    /** Consumes [pos, end) and returns the range; updates the "last lexeme" position like flex. */
    private SourceRange consume(int end) {
        int start = pos;
        prevLine = lastLine;
        prevColumn = lastColumn;
        prevOffset = lastOffset;
        lastLine = line;
        lastColumn = column;
        lastOffset = start;
        for (int i = start; i < end; i++) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (c == '\r') {
                if (i + 1 < end && src.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                column = 1;
            } else {
                column += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
        }
        pos = end;
        return new SourceRange(start, end, lastLine, lastColumn);
    }

    private void emit(TokenKind kind, int end) {
        SourceRange range = consume(end);
        tokens.add(new Token(kind, src.substring(range.offset(), range.end()), range, 0));
    }

    private void emit(TokenKind kind, int end, String value, int flags) {
        tokens.add(new Token(kind, value, consume(end), flags));
    }

    private boolean emitEof() {
        SourceRange at = new SourceRange(lastOffset, lastOffset, lastLine, lastColumn);
        tokens.add(new Token(TokenKind.EOF, "", at, 0));
        return false;
    }

    private void push(int state) {
        if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = state;
    }

    private void pop() {
        if (depth > 0) {
            depth--;
        }
    }

    private char at(int i) {
        return i < n ? src.charAt(i) : '\0';
    }

    private boolean has(int i) {
        return i < n;
    }

    // ---- DEFAULT ------------------------------------------------------------------------------

    private boolean lexDefault() {
        if (pos >= n) {
            return emitEof();
        }
        char c = src.charAt(pos);
        switch (c) {
            case ' ', '\t', '\r', '\n' -> {
                int e = pos;
                while (e < n && isBlank(src.charAt(e))) {
                    e++;
                }
                consume(e);
                return true;
            }
            case '#' -> {
                int e = pos;
                while (e < n && src.charAt(e) != '\n' && src.charAt(e) != '\r') {
                    e++;
                }
                SourceRange r = consume(e);
                comments.add(new Comment(src.substring(r.offset(), r.end()), false, r));
                return true;
            }
            case '"' -> {
                emit(TokenKind.QUOTE, pos + 1);
                push(STRING);
                return true;
            }
            case '{' -> {
                emit(TokenKind.LBRACE, pos + 1);
                push(DEFAULT);
                return true;
            }
            case '}' -> {
                emit(TokenKind.RBRACE, pos + 1);
                pop();
                return true;
            }
            default -> {
                // handled below
            }
        }
        if (c == '/' && at(pos + 1) == '*') {
            int close = src.indexOf("*/", pos + 2);
            if (close >= 0) {
                SourceRange r = consume(close + 2);
                comments.add(new Comment(src.substring(r.offset(), r.end()), true, r));
                return true;
            }
        }
        if (c == '$' && at(pos + 1) == '{') {
            emit(TokenKind.DOLLAR_CURLY, pos + 2);
            push(DEFAULT);
            return true;
        }
        if (c == '\'' && at(pos + 1) == '\'') {
            int e = pos + 2;
            int k = e;
            while (k < n && src.charAt(k) == ' ') {
                k++;
            }
            if (k < n && src.charAt(k) == '\n') {
                e = k + 1;
            }
            emit(TokenKind.IND_STRING_OPEN, e);
            push(IND_STRING);
            return true;
        }
        lexWordLike(c);
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Longest match among identifiers, keywords, numbers, paths, URIs and operators. */
    private void lexWordLike(char c) {
        int best = 0;
        TokenKind kind = TokenKind.INVALID;
        int idEnd = matchId(pos);
        if (idEnd > pos) {
            best = idEnd - pos;
            kind = keyword(pos, idEnd);
            char after = at(idEnd);
            if (after != '.' && after != '+' && after != '/' && after != ':') {
                // no path or URI can be longer than this identifier
                emit(kind, idEnd);
                return;
            }
        }
        boolean digit = c >= '0' && c <= '9';
        if (digit) {
            int intEnd = matchDigits(pos);
            if (intEnd - pos > best) {
                best = intEnd - pos;
                kind = TokenKind.INT;
            }
        }
        if (digit || c == '.') {
            int floatEnd = matchFloat(pos);
            if (floatEnd - pos > best) {
                best = floatEnd - pos;
                kind = TokenKind.FLOAT;
            }
        }
        int pathCharsEnd = c == '~' ? pos + 1 : matchPathChars(pos);
        if (at(pathCharsEnd) == '/') {
            int segEnd = matchPathSegmentInterpolation(pos);
            if (segEnd - pos > best) {
                startInterpolatedPath(segEnd - 2);
                return;
            }
            int pathEnd = matchPath(pos);
            if (pathEnd - pos > best) {
                best = pathEnd - pos;
                kind = TokenKind.PATH;
            }
            int hpathEnd = matchHomePath(pos);
            if (hpathEnd - pos > best) {
                best = hpathEnd - pos;
                kind = TokenKind.HPATH;
            }
        }
        if (c == '<') {
            int spathEnd = matchSearchPath(pos);
            if (spathEnd - pos > best) {
                best = spathEnd - pos;
                kind = TokenKind.SPATH;
            }
        }
        if (idEnd > pos || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            int uriEnd = matchUri(pos);
            if (uriEnd - pos > best) {
                best = uriEnd - pos;
                kind = TokenKind.URI;
            }
        }
        TokenKind op = operator(c, at(pos + 1), at(pos + 2));
        int opLen = op == null ? 0 : op == TokenKind.ELLIPSIS ? 3 : isTwoCharOperator(op) ? 2 : 1;
        if (opLen > best || (opLen == best && opLen > 1)) {
            best = opLen;
            kind = op;
        }
        if (best == 0) {
            int e = pos + (Character.isHighSurrogate(c) && Character.isLowSurrogate(at(pos + 1)) ? 2 : 1);
            emit(TokenKind.INVALID, e);
            return;
        }
        int end = pos + best;
        switch (kind) {
            case INT -> emitInt(end);
            case FLOAT -> emitFloat(end);
            case PATH, HPATH -> {
                emit(kind, end);
                push(src.charAt(end - 1) == '/' ? INPATH_SLASH : INPATH);
            }
            default -> emit(kind, end);
        }
    }

    private static boolean isTwoCharOperator(TokenKind op) {
        return switch (op) {
            case EQ, NEQ, AND, OR, IMPL, UPDATE, CONCAT, LEQ, GEQ -> true;
            default -> false;
        };
    }

    private static TokenKind operator(char c, char d, char e) {
        return switch (c) {
            case '.' -> d == '.' && e == '.' ? TokenKind.ELLIPSIS : TokenKind.DOT;
            case '=' -> d == '=' ? TokenKind.EQ : TokenKind.ASSIGN;
            case '!' -> d == '=' ? TokenKind.NEQ : TokenKind.BANG;
            case '&' -> d == '&' ? TokenKind.AND : null;
            case '|' -> d == '|' ? TokenKind.OR : null;
            case '-' -> d == '>' ? TokenKind.IMPL : TokenKind.MINUS;
            case '/' -> d == '/' ? TokenKind.UPDATE : TokenKind.SLASH;
            case '+' -> d == '+' ? TokenKind.CONCAT : TokenKind.PLUS;
            case '<' -> d == '=' ? TokenKind.LEQ : TokenKind.LT;
            case '>' -> d == '=' ? TokenKind.GEQ : TokenKind.GT;
            case '*' -> TokenKind.STAR;
            case '?' -> TokenKind.QUESTION;
            case ':' -> TokenKind.COLON;
            case '@' -> TokenKind.AT;
            case ';' -> TokenKind.SEMICOLON;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case ',' -> TokenKind.COMMA;
            default -> null;
        };
    }

    private TokenKind keyword(int start, int end) {
        int len = end - start;
        if (len < 2 || len > 7) {
            return TokenKind.ID;
        }
        for (int k = 0; k < KEYWORDS.length; k++) {
            if (is(start, len, KEYWORDS[k])) {
                return KEYWORD_KINDS[k];
            }
        }
        return TokenKind.ID;
    }

    private boolean is(int start, int len, String word) {
        return len == word.length() && src.startsWith(word, start);
    }

    private void emitInt(int end) {
        String text = src.substring(pos, end);
        try {
            Long.parseLong(text);
            emit(TokenKind.INT, end);
        } catch (NumberFormatException e) {
            emit(TokenKind.INVALID, end, "invalid integer '" + text + "'", Token.LEXICAL_ERROR);
        }
    }

    private void emitFloat(int end) {
        String text = src.substring(pos, end);
        double value = Double.parseDouble(text);
        boolean outOfRange = Double.isInfinite(value)
                || (value != 0 && value < Double.MIN_NORMAL)
                || (value == 0 && hasNonZeroDigit(text));
        if (outOfRange) {
            emit(TokenKind.INVALID, end, "invalid float '" + text + "'", Token.LEXICAL_ERROR);
        } else {
            emit(TokenKind.FLOAT, end);
        }
    }

    private static boolean hasNonZeroDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    // ---- regular sub-matchers (return end index, or start when no match) -----------------------

    private static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdChar(char c) {
        return isIdStart(c) || (c >= '0' && c <= '9') || c == '\'' || c == '-';
    }

    private static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '-'
                || c == '+';
    }

    private static boolean isUriChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "%/?:@&=+$,-_.!~*'".indexOf(c) >= 0;
    }

    private int matchId(int p) {
        if (!has(p) || !isIdStart(src.charAt(p))) {
            return p;
        }
        int e = p + 1;
        while (e < n && isIdChar(src.charAt(e))) {
            e++;
        }
        return e;
    }

    private int matchDigits(int p) {
        int e = p;
        while (e < n && src.charAt(e) >= '0' && src.charAt(e) <= '9') {
            e++;
        }
        return e;
    }

    /** {@code (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?}. */
    private int matchFloat(int p) {
        int e;
        char c = at(p);
        if (c >= '1' && c <= '9') {
            e = matchDigits(p + 1);
            if (at(e) != '.') {
                return p;
            }
            e = matchDigits(e + 1);
        } else {
            int q = c == '0' ? p + 1 : p;
            if (at(q) != '.') {
                return p;
            }
            int d = matchDigits(q + 1);
            if (d == q + 1) {
                return p;
            }
            e = d;
        }
        char x = at(e);
        if (x == 'e' || x == 'E') {
            int q = e + 1;
            if (at(q) == '+' || at(q) == '-') {
                q++;
            }
            int d = matchDigits(q);
            if (d > q) {
                e = d;
            }
        }
        return e;
    }

    private int matchPathChars(int p) {
        int e = p;
        while (e < n && isPathChar(src.charAt(e))) {
            e++;
        }
        return e;
    }

    /** {@code (\/{PATH_CHAR}+)+\/?} from p; returns p when there is no segment. */
    private int matchSegments(int p) {
        int e = p;
        while (at(e) == '/' && has(e + 1) && isPathChar(src.charAt(e + 1))) {
            e = matchPathChars(e + 1);
        }
        if (e > p && at(e) == '/') {
            e++;
        }
        return e;
    }

    /** {@code {PATH_CHAR}*(\/{PATH_CHAR}+)+\/?}. */
    private int matchPath(int p) {
        int q = matchPathChars(p);
        int e = matchSegments(q);
        return e > q ? e : p;
    }

    /** {@code {PATH_CHAR}*\/\$\{}: the start of a path whose first segment is interpolated. */
    private int matchPathSegmentInterpolation(int p) {
        int q = c0(p) == '~' && at(p + 1) == '/' ? p + 1 : matchPathChars(p);
        if (at(q) == '/' && at(q + 1) == '$' && at(q + 2) == '{') {
            return q + 3;
        }
        return p;
    }

    private char c0(int p) {
        return at(p);
    }

    private void startInterpolatedPath(int segmentEnd) {
        boolean home = src.charAt(pos) == '~';
        emit(home ? TokenKind.HPATH : TokenKind.PATH, segmentEnd);
        push(INPATH_SLASH);
    }

    /** {@code \~(\/{PATH_CHAR}+)+\/?}. */
    private int matchHomePath(int p) {
        if (at(p) != '~') {
            return p;
        }
        int e = matchSegments(p + 1);
        return e > p + 1 ? e : p;
    }

    /** {@code \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>}. */
    private int matchSearchPath(int p) {
        if (at(p) != '<') {
            return p;
        }
        int e = matchPathChars(p + 1);
        if (e == p + 1) {
            return p;
        }
        while (at(e) == '/' && has(e + 1) && isPathChar(src.charAt(e + 1))) {
            e = matchPathChars(e + 1);
        }
        return at(e) == '>' ? e + 1 : p;
    }

    /** {@code [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[uri chars]+}. */
    private int matchUri(int p) {
        char c = at(p);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return p;
        }
        int e = p + 1;
        while (e < n) {
            char d = src.charAt(e);
            if ((d >= 'a' && d <= 'z')
                    || (d >= 'A' && d <= 'Z')
                    || (d >= '0' && d <= '9')
                    || d == '+'
                    || d == '-'
                    || d == '.') {
                e++;
            } else {
                break;
            }
        }
        if (at(e) != ':') {
            return p;
        }
        int q = e + 1;
        while (q < n && isUriChar(src.charAt(q))) {
            q++;
        }
        return q > e + 1 ? q : p;
    }

    // ---- STRING ---------------------------------------------------------------------------------

    private boolean lexString() {
        if (pos >= n) {
            return emitEof();
        }
        char c = src.charAt(pos);
        if (c == '"') {
            emit(TokenKind.QUOTE, pos + 1);
            pop();
            return true;
        }
        if (c == '$' && at(pos + 1) == '{') {
            emit(TokenKind.DOLLAR_CURLY, pos + 2);
            push(DEFAULT);
            return true;
        }
        int e = pos;
        while (e < n) {
            char d = src.charAt(e);
            if (d == '"') {
                break;
            } else if (d == '\\') {
                if (!has(e + 1)) {
                    break;
                }
                e += 2;
            } else if (d == '$') {
                char x = at(e + 1);
                if (!has(e + 1) || x == '{') {
                    break;
                } else if (x == '"') {
                    e++;
                    break;
                } else if (x == '\\') {
                    if (!has(e + 2)) {
                        break;
                    }
                    e += 3;
                } else {
                    e += 2;
                }
            } else {
                e++;
            }
        }
        if (e == pos) {
            // a lone '$' or '\' just before the end of input: Nix ends the input here
            consume(n);
            return emitEof();
        }
        String raw = src.substring(pos, e);
        emit(TokenKind.STR, e, unescape(raw), 0);
        return true;
    }

    /** Unescapes {@code \n \r \t \x} and turns CR and CR LF into LF, as Nix does. */
    static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char d = raw.charAt(++i);
                out.append(d == 'n' ? '\n' : d == 'r' ? '\r' : d == 't' ? '\t' : d);
            } else if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- IND_STRING ---------------------------------------------------------------------------

    private boolean lexIndString() {
        if (pos >= n) {
            return emitEof();
        }
        char c = src.charAt(pos);
        if (c == '\'' && at(pos + 1) == '\'') {
            char x = at(pos + 2);
            if (x == '$' && has(pos + 2)) {
                emit(TokenKind.IND_STR, pos + 3, "$", 0);
            } else if (x == '\'' && has(pos + 2)) {
                emit(TokenKind.IND_STR, pos + 3, "''", 0);
            } else if (x == '\\' && has(pos + 3)) {
                int e = pos + 4;
                emit(TokenKind.IND_STR, e, unescape(src.substring(pos + 2, e)), 0);
            } else {
                emit(TokenKind.IND_STRING_CLOSE, pos + 2);
                pop();
            }
            return true;
        }
        if (c == '$' && at(pos + 1) == '{') {
            emit(TokenKind.DOLLAR_CURLY, pos + 2);
            push(DEFAULT);
            return true;
        }
        int e = pos;
        while (e < n) {
            char d = src.charAt(e);
            if (d == '$') {
                char x = at(e + 1);
                if (!has(e + 1) || x == '{' || x == '\'') {
                    break;
                }
                e += 2;
            } else if (d == '\'') {
                char x = at(e + 1);
                if (!has(e + 1) || x == '\'' || x == '$') {
                    break;
                }
                e += 2;
            } else {
                e++;
            }
        }
        if (e > pos) {
            emit(TokenKind.IND_STR, e, src.substring(pos, e), Token.INDENTED);
        } else {
            // a lone '$' or '\'' that the main rule cannot take
            emit(TokenKind.IND_STR, pos + 1, String.valueOf(c), 0);
        }
        return true;
    }

    // ---- INPATH -------------------------------------------------------------------------------

    private boolean lexInPath(int state) {
        if (at(pos) == '$' && at(pos + 1) == '{') {
            stack[depth - 1] = INPATH;
            emit(TokenKind.DOLLAR_CURLY, pos + 2);
            push(DEFAULT);
            return true;
        }
        int e = Math.max(matchPath(pos), Math.max(matchPathChars(pos), matchPathSegment(pos)));
        if (e > pos) {
            emit(TokenKind.STR, e);
            stack[depth - 1] = src.charAt(e - 1) == '/' ? INPATH_SLASH : INPATH;
            return true;
        }
        pop();
        SourceRange at = new SourceRange(pos, pos, line, column);
        if (pos >= n) {
            if (state == INPATH_SLASH) {
                at = new SourceRange(pos, pos, lastLine, lastColumn);
            } else {
                // Nix places a path's end at the end of input one lexeme back, and the end of
                // input with it
                at = new SourceRange(pos, pos, prevLine, prevColumn);
                lastLine = prevLine;
                lastColumn = prevColumn;
                lastOffset = prevOffset;
            }
        }
        if (state == INPATH_SLASH) {
            tokens.add(new Token(TokenKind.INVALID, "path has a trailing slash", at, Token.LEXICAL_ERROR));
        } else {
            tokens.add(new Token(TokenKind.PATH_END, "", at, 0));
        }
        return true;
    }

    /** {@code {PATH_CHAR}*\/}. */
    private int matchPathSegment(int p) {
        int e = matchPathChars(p);
        return at(e) == '/' ? e + 1 : p;
    }
}
