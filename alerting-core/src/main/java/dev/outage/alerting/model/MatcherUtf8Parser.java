package dev.outage.alerting.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads matchers in Alertmanager's UTF-8 syntax: optional braces, comma-separated matchers whose
 * names and values are either double-quoted Go strings or unquoted text without whitespace and
 * without any of {@code {}!=~,\"'`}. Error messages follow Alertmanager's {@code matcher/parse}
 * package ({@code 0:5: unexpected }: expected label value}); columns count characters.
 */
final class MatcherUtf8Parser {

    private static final String RESERVED = "{}!=~,\\\"'`";

    private enum Kind {
        EOF,
        OPEN_BRACE,
        CLOSE_BRACE,
        COMMA,
        EQUALS,
        NOT_EQUALS,
        MATCHES,
        NOT_MATCHES,
        QUOTED,
        UNQUOTED
    }

    private record Token(Kind kind, String value, int start, int end) {}

    private final String input;
    private int offset;
    private Token peeked;

    MatcherUtf8Parser(String input) {
        this.input = input;
    }

    List<Matcher> parse() {
        List<Matcher> matchers = new ArrayList<>();
        Token first = peek();
        if (first.kind() == Kind.EOF) {
            return List.of();
        }
        boolean braces = first.kind() == Kind.OPEN_BRACE;
        if (braces) {
            next();
        }
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.EOF) {
                break;
            }
            if (t.kind() == Kind.CLOSE_BRACE) {
                break;
            }
            matchers.add(parseMatcher());
            Token end = peek();
            if (end.kind() == Kind.COMMA) {
                next();
                continue;
            }
            if (end.kind() != Kind.CLOSE_BRACE && end.kind() != Kind.EOF) {
                throw unexpected(end, "expected a comma or close brace");
            }
        }
        Token close = peek();
        if (braces) {
            if (close.kind() != Kind.CLOSE_BRACE) {
                throw new MatcherSyntaxException("0:" + input.length() + ": end of input: expected close brace");
            }
            next();
        } else if (close.kind() == Kind.CLOSE_BRACE) {
            throw new MatcherSyntaxException("0:" + close.end() + ": }: expected opening brace");
        }
        Token eof = next();
        if (eof.kind() != Kind.EOF) {
            throw new MatcherSyntaxException(
                    eof.start() + ":" + eof.end() + ": " + eof.value() + ": expected end of input");
        }
        return List.copyOf(matchers);
    }

    private Matcher parseMatcher() {
        Token name = expect("expected label name", Kind.QUOTED, Kind.UNQUOTED);
        Token operator = expect(
                "expected an operator such as '=', '!=', '=~' or '!~'",
                Kind.EQUALS,
                Kind.NOT_EQUALS,
                Kind.MATCHES,
                Kind.NOT_MATCHES);
        Token value = expect("expected label value", Kind.QUOTED, Kind.UNQUOTED);
        MatcherType type = switch (operator.kind()) {
            case EQUALS -> MatcherType.EQUAL;
            case NOT_EQUALS -> MatcherType.NOT_EQUAL;
            case MATCHES -> MatcherType.REGEX;
            default -> MatcherType.NOT_REGEX;
        };
        try {
            return Matcher.of(unquote(name), type, unquote(value));
        } catch (MatcherSyntaxException e) {
            if (e.getMessage().startsWith("error parsing regexp")) {
                throw new MatcherSyntaxException("failed to create matcher: " + e.getMessage());
            }
            throw e;
        }
    }

    private Token expect(String what, Kind... kinds) {
        Token t = next();
        if (t.kind() == Kind.EOF) {
            throw new MatcherSyntaxException("end of input: " + what);
        }
        for (Kind kind : kinds) {
            if (t.kind() == kind) {
                return t;
            }
        }
        throw unexpected(t, what);
    }

    private static MatcherSyntaxException unexpected(Token t, String what) {
        return new MatcherSyntaxException(t.start() + ":" + t.end() + ": unexpected " + t.value() + ": " + what);
    }

    private Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    private Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private Token scan() {
        while (offset < input.length() && Character.isWhitespace(input.charAt(offset))) {
            offset++;
        }
        int start = offset;
        if (offset >= input.length()) {
            return new Token(Kind.EOF, "", start, start);
        }
        char c = input.charAt(offset);
        switch (c) {
            case '{':
                offset++;
                return new Token(Kind.OPEN_BRACE, "{", start, offset);
            case '}':
                offset++;
                return new Token(Kind.CLOSE_BRACE, "}", start, offset);
            case ',':
                offset++;
                return new Token(Kind.COMMA, ",", start, offset);
            case '=':
                offset++;
                if (offset < input.length() && input.charAt(offset) == '~') {
                    offset++;
                    return new Token(Kind.MATCHES, "=~", start, offset);
                }
                return new Token(Kind.EQUALS, "=", start, offset);
            case '!':
                offset++;
                if (offset < input.length() && input.charAt(offset) == '=') {
                    offset++;
                    return new Token(Kind.NOT_EQUALS, "!=", start, offset);
                }
                if (offset < input.length() && input.charAt(offset) == '~') {
                    offset++;
                    return new Token(Kind.NOT_MATCHES, "!~", start, offset);
                }
                throw new MatcherSyntaxException(start + ":" + offset + ": !: expected one of '=~'");
            case '"':
                return scanQuoted(start);
            default:
                return scanUnquoted(start);
        }
    }

    private Token scanQuoted(int start) {
        offset++;
        boolean escaped = false;
        while (offset < input.length()) {
            char c = input.charAt(offset++);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                return new Token(Kind.QUOTED, input.substring(start, offset), start, offset);
            }
        }
        throw new MatcherSyntaxException(start + ":" + offset + ": " + input.substring(start) + ": missing end \"");
    }

    private Token scanUnquoted(int start) {
        while (offset < input.length()) {
            char c = input.charAt(offset);
            if (Character.isWhitespace(c) || RESERVED.indexOf(c) >= 0) {
                break;
            }
            offset++;
        }
        if (offset == start) {
            offset++;
            throw new MatcherSyntaxException(start + ":" + offset + ": " + input.charAt(start) + ": invalid input");
        }
        return new Token(Kind.UNQUOTED, input.substring(start, offset), start, offset);
    }

    /** Returns the token's text, decoding a double-quoted Go string literal. */
    private static String unquote(Token t) {
        if (t.kind() != Kind.QUOTED) {
            return t.value();
        }
        String s = t.value();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                throw invalid(t);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '"' -> out.append(e);
                case 'x' -> i = appendHex(out, s, i, 2, t);
                case 'u' -> i = appendHex(out, s, i, 4, t);
                case 'U' -> i = appendHex(out, s, i, 8, t);
                default -> {
                    if (e >= '0' && e <= '7' && i + 2 < s.length() - 1) {
                        int value = Integer.parseInt(s.substring(i, i + 3), 8);
                        if (value > 255) {
                            throw invalid(t);
                        }
                        out.append((char) value);
                        i += 2;
                    } else {
                        throw invalid(t);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendHex(StringBuilder out, String s, int at, int digits, Token t) {
        if (at + digits >= s.length() - 0) {
            throw invalid(t);
        }
        try {
            int value = Integer.parseInt(s.substring(at + 1, at + 1 + digits), 16);
            out.appendCodePoint(value);
        } catch (IllegalArgumentException e) {
            throw invalid(t);
        }
        return at + digits;
    }

    private static MatcherSyntaxException invalid(Token t) {
        return new MatcherSyntaxException(t.start() + ":" + t.end() + ": " + t.value() + ": invalid input");
    }
}
