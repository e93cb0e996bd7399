package dev.outage.nix.syntax;

import static dev.outage.nix.syntax.TokenKind.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses Nix source into an {@link Expr} tree and the list of errors Nix 2.8 would report.
 *
 * <p>Hand-written recursive descent over the tokens of {@link NixLexer}, following Nix's grammar,
 * precedence and associativity. It never throws on any input: syntax errors, duplicate
 * attributes and formals, dynamic attributes where a static name is required, and undefined
 * variables become {@link SyntaxError} values, and the parser recovers to find further errors.
 * Time is linear in the input; nesting deeper than {@value #MAX_DEPTH} levels is reported as an
 * error instead of overflowing the stack.
 *
 * <p>Usage: {@code ParseResult r = NixParser.parse(Files.readString(file), file);}. The static
 * methods are thread-safe.
 */
public final class NixParser {

    /** The deepest nesting of expressions accepted; deeper input gets an error. */
    public static final int MAX_DEPTH = 512;

    private static final String EXPECT_ATTR = "ID or OR_KW or DOLLAR_CURLY or '\"'";

    private final Path file;
    private final int sourceLength;
    private final Token[] tokens;
    private final List<SyntaxError> errors = new ArrayList<>();
    private final MergedAttrs.Builder merger;
    private final Map<String, Integer> ranks = new HashMap<>(256);
    private final Map<Binding, SourceRange> inheritVarPositions = new IdentityHashMap<>();
    private final Map<Binding, SourceRange> inheritNamePositions = new IdentityHashMap<>();
    private int index;
    private int depth;
    private int lastErrorToken = -1;
    private int formalsHintAt = -1;
    private boolean tooDeep;
    private int syntaxErrors;

    private NixParser(List<Token> tokens, Path file, int sourceLength) {
        this.sourceLength = sourceLength;
        this.file = file;
        this.tokens = tokens.toArray(new Token[0]);
        this.merger = new MergedAttrs.Builder(file, this::staticError, inheritVarPositions, inheritNamePositions);
    }

    /**
     * Parses {@code source}, read from {@code file}. Never throws for any source text.
     *
     * @param source the Nix text
     * @param file where it came from, used in errors and to resolve relative paths when printing
     * @return the tree, errors and comments
     * @throws NullPointerException if an argument is null
     */
    public static ParseResult parse(String source, Path file) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        List<Comment> comments = new ArrayList<>();
        List<Token> tokens = NixLexer.tokenize(source, comments);
        NixParser parser = new NixParser(tokens, file, source.length());
        try {
            Expr root = parser.parseFile();
            if (parser.syntaxErrors == 0) {
                new ScopeChecker(file, parser.ranks, parser.merger, parser.errors::add).check(root);
            }
            return new ParseResult(file, source, root, parser.errors, comments);
        } catch (StackOverflowError e) {
            // only on threads with very small stacks: the depth limit normally comes first
            return parser.tooDeepResult(source, comments);
        }
    }

    private ParseResult tooDeepResult(String source, List<Comment> comments) {
        Token at = tokens[Math.min(index, tokens.length - 1)];
        List<SyntaxError> found = new ArrayList<>(errors);
        found.add(new SyntaxError(
                file,
                at.range().line(),
                at.range().column(),
                at.range().offset(),
                "expression nested too deeply for this thread's stack"));
        return new ParseResult(file, source, new Expr.Invalid(at.range()), found, comments);
    }

    /**
     * Reads {@code file} as UTF-8 and parses it.
     *
     * @throws IOException if the file cannot be read; the message names the file
     */
    public static ParseResult parse(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read Nix file " + file + ": " + e.getMessage(), e);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file);
    }

    // ---- token access -------------------------------------------------------------------------

    private Token peek() {
        return tokens[index];
    }

    private TokenKind kind() {
        return tokens[index].kind();
    }

    private TokenKind kindAt(int offset) {
        int i = Math.min(index + offset, tokens.length - 1);
        return tokens[i].kind();
    }

    private Token next() {
        Token t = tokens[index];
        if (t.kind() != EOF) {
            index++;
        }
        return t;
    }

    private boolean accept(TokenKind k) {
        if (kind() == k) {
            next();
            return true;
        }
        return false;
    }

    private SourceRange prevRange() {
        return tokens[Math.max(0, index - 1)].range();
    }

    private SourceRange from(SourceRange start) {
        SourceRange last = prevRange();
        if (last.end() < start.offset()) {
            return start;
        }
        return start.to(last);
    }

    /** Returns the position just after a single-line token, where Nix places an empty rule. */
    private static SourceRange endOf(Token t) {
        SourceRange r = t.range();
        int bytes = 0;
        for (int i = 0; i < t.value().length(); i++) {
            char c = t.value().charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return new SourceRange(r.end(), r.end(), r.line(), r.column() + bytes);
    }

    private void rank(String name) {
        ranks.putIfAbsent(name, ranks.size());
    }

    // ---- errors -------------------------------------------------------------------------------

    /** Reports a syntax error about token {@code t}, placed at the current token's position. */
    private void syntaxErrorAs(Token t, String expecting) {
        Token here = peek();
        lastErrorToken = index;
        syntaxErrors++;
        String message = "syntax error, unexpected " + t.kind().nixName() + ", expecting " + expecting;
        errors.add(new SyntaxError(
                file, here.range().line(), here.range().column(), here.range().offset(), message));
    }

    /** Reports a syntax error at the current token; {@code expecting} may be null. */
    private void syntaxError(String expecting) {
        if (index == lastErrorToken) {
            return;
        }
        lastErrorToken = index;
        syntaxErrors++;
        Token t = peek();
        String message;
        if (t.has(Token.LEXICAL_ERROR)) {
            message = t.value();
        } else {
            if (index == formalsHintAt) {
                expecting = "':' or '@'";
            }
            message = "syntax error, unexpected " + t.kind().nixName()
                    + (expecting == null ? "" : ", expecting " + expecting);
        }
        errors.add(new SyntaxError(
                file, t.range().line(), t.range().column(), t.range().offset(), message));
    }

    private void staticError(SyntaxError error) {
        errors.add(error);
    }

    private void staticError(SourceRange at, String message) {
        errors.add(new SyntaxError(file, at.line(), at.column(), at.offset(), message));
    }

    private boolean expect(TokenKind k, String expecting) {
        if (accept(k)) {
            return true;
        }
        syntaxError(expecting);
        return false;
    }

    private Expr invalid() {
        SourceRange r = peek().range();
        return new Expr.Invalid(new SourceRange(r.offset(), r.offset(), r.line(), r.column()));
    }

    private boolean enter() {
        if (++depth > MAX_DEPTH) {
            if (!tooDeep) {
                tooDeep = true;
                syntaxErrors++;
                staticError(peek().range(), "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
            }
            return false;
        }
        return true;
    }

    /** Skips the rest of the input after the depth limit was hit, so the parse ends quickly. */
    private Expr bailOut() {
        index = tokens.length - 1;
        return invalid();
    }

    // ---- entry --------------------------------------------------------------------------------

    private Expr parseFile() {
        Expr root = parseExpr();
        if (kind() != EOF && !tooDeep) {
            syntaxError("end of file");
            while (kind() != EOF && !tooDeep) {
                if (startsExpr(kind())) {
                    int before = index;
                    parseExpr();
                    if (index == before) {
                        next();
                    }
                } else {
                    next();
                }
                if (kind() != EOF) {
                    syntaxError(null);
                }
            }
        }
        return root;
    }

    private static boolean startsSelect(TokenKind k) {
        return switch (k) {
            case ID, INT, FLOAT, QUOTE, IND_STRING_OPEN, PATH, HPATH, SPATH, URI, LPAREN, LBRACE, LBRACKET, LET, REC ->
                true;
            default -> false;
        };
    }

    private static boolean startsExpr(TokenKind k) {
        return startsSelect(k) || k == ASSERT || k == WITH || k == IF || k == BANG || k == MINUS;
    }

    // ---- expr_function ------------------------------------------------------------------------

    private Expr parseExpr() {
        if (!enter()) {
            depth--;
            return bailOut();
        }
        try {
            return parseFunction();
        } finally {
            depth--;
        }
    }

    private Expr parseFunction() {
        Token t = peek();
        switch (t.kind()) {
            case ID -> {
                if (kindAt(1) == COLON) {
                    next();
                    next();
                    rank(t.value());
                    Expr body = parseExpr();
                    return new Expr.Lambda(t.value(), null, body, from(t.range()));
                }
                if (kindAt(1) == AT) {
                    next();
                    next();
                    rank(t.value());
                    if (!expect(LBRACE, "'{'")) {
                        return invalid();
                    }
                    return parseFormalsLambda(t, t.value(), tokens[index - 1].range(), false);
                }
                return parseIf();
            }
            case LBRACE -> {
                if (looksLikeFormals()) {
                    next();
                    return parseFormalsLambda(t, null, t.range(), true);
                }
                return parseIf();
            }
            case ASSERT, WITH -> {
                next();
                Expr cond = parseExpr();
                if (!expect(SEMICOLON, "';'")) {
                    return cond;
                }
                Expr body = parseExpr();
                return t.kind() == ASSERT
                        ? new Expr.Assert(cond, body, from(t.range()))
                        : new Expr.With(cond, body, from(t.range()));
            }
            case LET -> {
                if (kindAt(1) == LBRACE) {
                    return parseIf();
                }
                next();
                List<Binding> bindings = new ArrayList<>();
                MergedAttrs merged = new MergedAttrs();
                parseBinds(bindings, merged, IN);
                if (!expect(IN, null)) {
                    return new Expr.Let(bindings, invalid(), from(t.range()));
                }
                Expr body = parseExpr();
                if (!merged.dynamic.isEmpty()) {
                    staticError(t.range(), "dynamic attributes not allowed in let");
                }
                Expr.Let let = new Expr.Let(bindings, body, from(t.range()));
                merger.register(let, merged);
                return let;
            }
            default -> {
                return parseIf();
            }
        }
    }

    /** Decides between {@code { formals }} and {@code { binds }} the way Nix's grammar does. */
    private boolean looksLikeFormals() {
        TokenKind first = kindAt(1);
        if (first == ELLIPSIS) {
            return true;
        }
        if (first == RBRACE) {
            TokenKind after = kindAt(2);
            if (after == COLON || after == AT) {
                return true;
            }
            formalsHintAt = index + 2;
            return false;
        }
        if (first == ID) {
            TokenKind second = kindAt(2);
            return second == COMMA || second == QUESTION || second == RBRACE;
        }
        return false;
    }

    private Expr parseFormalsLambda(Token start, String argument, SourceRange open, boolean mayTakeAt) {
        List<Formals.Formal> formals = new ArrayList<>();
        boolean ellipsis = false;
        while (true) {
            if (kind() == RBRACE) {
                break;
            }
            if (kind() == ELLIPSIS) {
                next();
                ellipsis = true;
                break;
            }
            if (kind() != ID) {
                break;
            }
            Token name = next();
            rank(name.value());
            Expr def = null;
            if (accept(QUESTION)) {
                def = parseExpr();
            }
            formals.add(new Formals.Formal(name.value(), def, from(name.range())));
            if (!accept(COMMA)) {
                break;
            }
        }
        if (!expect(RBRACE, "'}'")) {
            return invalid();
        }
        Formals pattern = new Formals(formals, ellipsis, from(open));
        String arg = argument;
        if (mayTakeAt && kind() == AT) {
            next();
            Token name = peek();
            if (!expect(ID, "ID")) {
                return invalid();
            }
            rank(name.value());
            arg = name.value();
        }
        if (!expect(COLON, mayTakeAt && arg == null ? "':' or '@'" : "':'")) {
            return invalid();
        }
        Expr body = parseExpr();
        checkFormals(pattern, arg, start.range());
        return new Expr.Lambda(arg, pattern, body, from(start.range()));
    }

    private void checkFormals(Formals pattern, String arg, SourceRange lambdaPos) {
        List<Formals.Formal> sorted = new ArrayList<>(pattern.formals());
        Comparator<Formals.Formal> order = Comparator.comparingInt((Formals.Formal f) -> symbolRank(f.name()))
                .thenComparing(Formals.Formal::name)
                .thenComparingInt(f -> f.range().offset());
        sorted.sort(order);
        Formals.Formal duplicate = null;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i + 1).name())) {
                Formals.Formal candidate = sorted.get(i + 1);
                if (duplicate == null || order.compare(candidate, duplicate) < 0) {
                    duplicate = candidate;
                }
            }
        }
        if (duplicate != null) {
            staticError(
                    duplicate.range(),
                    "duplicate formal function argument '" + NixPrinter.identifier(duplicate.name()) + "'");
            return;
        }
        if (arg != null && pattern.formals().stream().anyMatch(f -> f.name().equals(arg))) {
            staticError(lambdaPos, "duplicate formal function argument '" + NixPrinter.identifier(arg) + "'");
        }
    }

    private int symbolRank(String name) {
        return ScopeChecker.rank(ranks, name);
    }

    // ---- expr_if / expr_op ----------------------------------------------------------------------

    private Expr parseIf() {
        Token t = peek();
        if (t.kind() != IF) {
            return parseOp(1);
        }
        next();
        Expr cond = parseExpr();
        if (!expect(THEN, "THEN")) {
            return cond;
        }
        Expr then = parseExpr();
        if (!expect(ELSE, "ELSE")) {
            return then;
        }
        Expr otherwise = parseExpr();
        return new Expr.If(cond, then, otherwise, from(t.range()));
    }

    private static final int NOT_LEVEL = 7;

    private static int level(TokenKind k) {
        return switch (k) {
            case IMPL -> 1;
            case OR -> 2;
            case AND -> 3;
            case EQ, NEQ -> 4;
            case LT, GT, LEQ, GEQ -> 5;
            case UPDATE -> 6;
            case PLUS, MINUS -> 8;
            case STAR, SLASH -> 9;
            case CONCAT -> 10;
            case QUESTION -> 11;
            default -> 0;
        };
    }

    private static BinaryOperator operator(TokenKind k) {
        return switch (k) {
            case IMPL -> BinaryOperator.IMPLIES;
            case OR -> BinaryOperator.OR;
            case AND -> BinaryOperator.AND;
            case EQ -> BinaryOperator.EQUAL;
            case NEQ -> BinaryOperator.NOT_EQUAL;
            case LT -> BinaryOperator.LESS;
            case GT -> BinaryOperator.GREATER;
            case LEQ -> BinaryOperator.LESS_OR_EQUAL;
            case GEQ -> BinaryOperator.GREATER_OR_EQUAL;
            case UPDATE -> BinaryOperator.UPDATE;
            case PLUS -> BinaryOperator.ADD;
            case MINUS -> BinaryOperator.SUBTRACT;
            case STAR -> BinaryOperator.MULTIPLY;
            case SLASH -> BinaryOperator.DIVIDE;
            case CONCAT -> BinaryOperator.CONCAT;
            default -> throw new IllegalArgumentException("not a binary operator: " + k);
        };
    }

    private static boolean rightAssociative(int level) {
        return level == 1 || level == 6 || level == 10;
    }

    private static boolean nonAssociative(int level) {
        return level == 4 || level == 5;
    }

    private Expr parseOp(int minLevel) {
        Expr left = parseUnary();
        int chain = 0;
        int lastNonAssoc = -1;
        while (true) {
            TokenKind k = kind();
            int level = level(k);
            if (level == 0 || level < minLevel) {
                return left;
            }
            if (level == lastNonAssoc) {
                syntaxError(null);
                return left;
            }
            if (++chain + depth > MAX_DEPTH && !enterChain()) {
                return bailOut();
            }
            Token op = next();
            if (k == QUESTION) {
                AttrPath path = parseAttrPath();
                left = new Expr.HasAttr(left, path, from(left.range()));
                continue;
            }
            Expr right = parseOp(rightAssociative(level) ? level : level + 1);
            left = new Expr.Binary(operator(op.kind()), left, right, from(left.range()));
            lastNonAssoc = nonAssociative(level) ? level : -1;
        }
    }

    private boolean enterChain() {
        if (!tooDeep) {
            tooDeep = true;
            syntaxErrors++;
            staticError(peek().range(), "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        return false;
    }

    private Expr parseUnary() {
        Token t = peek();
        if (t.kind() != BANG && t.kind() != MINUS) {
            return parseApp();
        }
        if (!enter()) {
            depth--;
            return bailOut();
        }
        try {
            next();
            if (t.kind() == BANG) {
                Expr operand = parseOp(NOT_LEVEL + 1);
                return new Expr.Not(operand, from(t.range()));
            }
            Expr operand = parseOp(12);
            return new Expr.Negate(operand, from(t.range()));
        } finally {
            depth--;
        }
    }

    // ---- expr_app / expr_select ---------------------------------------------------------------

    private Expr parseApp() {
        Expr fn = parseSelect();
        int chain = 0;
        while (startsSelect(kind())) {
            if (++chain + depth > MAX_DEPTH && !enterChain()) {
                return bailOut();
            }
            Expr arg = parseSelect();
            fn = new Expr.Apply(fn, arg, from(fn.range()));
        }
        return fn;
    }

    private Expr parseSelect() {
        SourceRange first = peek().range();
        Expr simple = parseSimple();
        if (kind() == DOT) {
            next();
            AttrPath path = parseAttrPath();
            Expr def = null;
            if (accept(OR_KW)) {
                def = parseSelectNested();
            }
            return new Expr.Select(simple, path, def, from(simple.range()));
        }
        if (kind() == OR_KW) {
            Token or = next();
            rank("or");
            // Nix places this variable at the start of the whole `e or` expression
            SourceRange at = new SourceRange(first.offset(), or.range().end(), first.line(), first.column());
            return new Expr.Apply(simple, new Expr.Var("or", at), from(simple.range()));
        }
        return simple;
    }

    private Expr parseSelectNested() {
        if (!enter()) {
            depth--;
            return bailOut();
        }
        try {
            if (!startsSelect(kind())) {
                syntaxError(null);
                return invalid();
            }
            return parseSelect();
        } finally {
            depth--;
        }
    }

    private AttrPath parseAttrPath() {
        SourceRange start = peek().range();
        List<AttrName> names = new ArrayList<>();
        AttrName first = parseAttrName();
        if (first == null) {
            names.add(new AttrName.Dynamic(invalid(), start));
            return new AttrPath(names, start);
        }
        names.add(first);
        while (kind() == DOT) {
            next();
            AttrName name = parseAttrName();
            if (name == null) {
                break;
            }
            names.add(name);
        }
        return new AttrPath(names, from(start));
    }

    /** Parses {@code attr} or {@code string_attr}; returns null after reporting an error. */
    private AttrName parseAttrName() {
        Token t = peek();
        switch (t.kind()) {
            case ID, OR_KW -> {
                next();
                rank(t.value());
                return new AttrName.Static(t.value(), false, t.range());
            }
            case QUOTE -> {
                Expr.Str str = parseString();
                String literal = str.literal();
                if (literal != null) {
                    rank(literal);
                    return new AttrName.Static(literal, true, str.range());
                }
                return new AttrName.Dynamic(str, str.range());
            }
            case DOLLAR_CURLY -> {
                next();
                Expr e = parseExpr();
                expect(RBRACE, "'}'");
                if (e instanceof Expr.Str str && str.parts().size() <= 1 && str.literal() != null) {
                    rank(str.literal());
                    return new AttrName.Static(str.literal(), true, from(t.range()));
                }
                return new AttrName.Dynamic(e, from(t.range()));
            }
            default -> {
                syntaxError(EXPECT_ATTR);
                return null;
            }
        }
    }

    // ---- expr_simple --------------------------------------------------------------------------

    private Expr parseSimple() {
        if (!enter()) {
            depth--;
            return bailOut();
        }
        try {
            return parseSimpleInner();
        } finally {
            depth--;
        }
    }

    private Expr parseSimpleInner() {
        Token t = peek();
        switch (t.kind()) {
            case ID -> {
                next();
                if (t.value().equals("__curPos")) {
                    return new Expr.CurPos(t.range());
                }
                rank(t.value());
                return new Expr.Var(t.value(), t.range());
            }
            case INT -> {
                next();
                return new Expr.Int(Long.parseLong(t.value()), t.range());
            }
            case FLOAT -> {
                next();
                return new Expr.Float(Double.parseDouble(t.value()), t.value(), t.range());
            }
            case QUOTE -> {
                return parseString();
            }
            case IND_STRING_OPEN -> {
                return parseIndString();
            }
            case PATH, HPATH -> {
                return parsePath();
            }
            case SPATH -> {
                next();
                return new Expr.SearchPath(t.value().substring(1, t.value().length() - 1), t.range());
            }
            case URI -> {
                next();
                return new Expr.Uri(t.value(), t.range());
            }
            case LPAREN -> {
                next();
                Expr e = parseExpr();
                expect(RPAREN, "')'");
                return e;
            }
            case LET, REC -> {
                next();
                if (!expect(LBRACE, "'{'")) {
                    return invalid();
                }
                return parseAttrSetBody(t, t.kind() == LET ? 2 : 1);
            }
            case LBRACE -> {
                next();
                return parseAttrSetBody(t, 0);
            }
            case LBRACKET -> {
                next();
                List<Expr> elements = new ArrayList<>();
                while (kind() != RBRACKET) {
                    if (startsSelect(kind())) {
                        elements.add(parseSelect());
                    } else {
                        syntaxError(null);
                        if (kind() == EOF
                                || kind() == RBRACE
                                || kind() == SEMICOLON
                                || kind() == RPAREN
                                || kind() == IN) {
                            return new Expr.ListExpr(elements, from(t.range()));
                        }
                        next();
                    }
                }
                next();
                return new Expr.ListExpr(elements, from(t.range()));
            }
            default -> {
                syntaxError(null);
                return invalid();
            }
        }
    }

    /** Parses {@code binds '}'} after the opening brace; {@code flavour} 0 set, 1 rec, 2 legacy let. */
    private Expr parseAttrSetBody(Token start, int flavour) {
        List<Binding> bindings = new ArrayList<>();
        MergedAttrs merged = new MergedAttrs();
        merged.recursive = flavour != 0;
        parseBinds(bindings, merged, RBRACE);
        expect(RBRACE, null);
        SourceRange range = from(start.range());
        if (flavour == 2) {
            Expr.LegacyLet let = new Expr.LegacyLet(bindings, range);
            merger.register(let, merged);
            return let;
        }
        Expr.AttrSet set = new Expr.AttrSet(flavour == 1, bindings, range);
        merger.register(set, merged);
        return set;
    }

    private void parseBinds(List<Binding> out, MergedAttrs merged, TokenKind end) {
        SourceRange bindsStart = endOf(tokens[Math.max(0, index - 1)]);
        while (true) {
            TokenKind k = kind();
            if (k == end || k == EOF) {
                return;
            }
            if (k == INHERIT) {
                Binding b = parseInherit();
                if (b != null) {
                    inheritVarPositions.put(b, bindsStart);
                    out.add(b);
                    merger.add(merged, b);
                }
            } else if (k == ID || k == OR_KW || k == QUOTE || k == DOLLAR_CURLY) {
                Binding b = parseAttributeBinding();
                if (b != null) {
                    out.add(b);
                    merger.add(merged, b);
                }
            } else {
                syntaxError(null);
                if (!recoverInBinds(end)) {
                    return;
                }
            }
        }
    }

    /** Skips to just after the next ';' of this level; returns false at the end of the binds. */
    private boolean recoverInBinds(TokenKind end) {
        int nesting = 0;
        while (true) {
            TokenKind k = kind();
            if (k == EOF) {
                return false;
            }
            if (nesting == 0 && (k == end || k == RBRACE || k == IN)) {
                return k == end ? true : false;
            }
            if (k == LBRACE || k == LPAREN || k == LBRACKET || k == DOLLAR_CURLY) {
                nesting++;
            } else if ((k == RBRACE || k == RPAREN || k == RBRACKET) && nesting > 0) {
                nesting--;
            }
            next();
            if (nesting == 0 && k == SEMICOLON) {
                return true;
            }
        }
    }

    private Binding parseInherit() {
        Token start = next();
        Expr from = null;
        if (accept(LPAREN)) {
            from = parseExpr();
            if (!expect(RPAREN, "')'")) {
                recoverInBinds(RBRACE);
                return null;
            }
        }
        SourceRange namesAt = endOf(tokens[index - 1]);
        List<AttrName.Static> names = new ArrayList<>();
        boolean ok = true;
        while (true) {
            TokenKind k = kind();
            if (k == ID || k == OR_KW) {
                Token t = next();
                rank(t.value());
                names.add(new AttrName.Static(t.value(), false, t.range()));
            } else if (k == QUOTE || k == DOLLAR_CURLY) {
                AttrName name = parseAttrName();
                if (name instanceof AttrName.Static s) {
                    names.add(s);
                } else if (name != null && ok) {
                    ok = false;
                    staticError(name.range(), "dynamic attributes not allowed in inherit");
                }
            } else {
                break;
            }
        }
        if (!expect(SEMICOLON, null)) {
            recoverInBinds(RBRACE);
            return null;
        }
        if (!ok) {
            return null;
        }
        Binding.Inherit inherit = new Binding.Inherit(from, names, from(start.range()));
        inheritNamePositions.put(inherit, namesAt);
        return inherit;
    }

    private Binding parseAttributeBinding() {
        SourceRange start = peek().range();
        AttrPath path = parseAttrPath();
        if (!expect(ASSIGN, "'.' or '='")) {
            recoverInBinds(RBRACE);
            return null;
        }
        Expr value = parseExpr();
        if (!expect(SEMICOLON, "';'")) {
            recoverInBinds(RBRACE);
            return null;
        }
        return new Binding.Attribute(path, value, from(start));
    }

    // ---- strings and paths --------------------------------------------------------------------

    private Expr.Str parseString() {
        Token open = next();
        List<StringPart> parts = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == STR) {
                next();
                parts.add(new StringPart.Text(t.value(), t.range()));
            } else if (t.kind() == DOLLAR_CURLY) {
                parts.add(parseInterpolation());
            } else {
                break;
            }
        }
        expect(QUOTE, "'\"'");
        return new Expr.Str(parts, false, from(open.range()));
    }

    private StringPart.Interpolation parseInterpolation() {
        Token open = next();
        Expr e = parseExpr();
        expect(RBRACE, "'}'");
        return new StringPart.Interpolation(e, from(open.range()));
    }

    private Expr parseIndString() {
        Token open = next();
        List<Object> raw = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == IND_STR) {
                next();
                raw.add(t);
            } else if (t.kind() == DOLLAR_CURLY) {
                raw.add(parseInterpolation());
            } else {
                break;
            }
        }
        expect(IND_STRING_CLOSE, "IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE");
        return new Expr.Str(IndentStripper.strip(raw), true, from(open.range()));
    }

    private Expr parsePath() {
        Token start = next();
        PathKind kindOf = start.kind() == HPATH
                ? PathKind.HOME
                : start.value().startsWith("/") ? PathKind.ABSOLUTE : PathKind.RELATIVE;
        List<StringPart> parts = new ArrayList<>();
        parts.add(new StringPart.Text(start.value(), start.range()));
        boolean interpolated = false;
        while (true) {
            Token t = peek();
            if (t.kind() == STR) {
                next();
                if (!interpolated && peek().has(Token.LEXICAL_ERROR)) {
                    syntaxError(null);
                    return new Expr.Path(kindOf, parts, from(start.range()));
                }
                if (!interpolated && kind() != DOLLAR_CURLY) {
                    // Nix reports this at the text after the path's first segment, or at the
                    // start of the path when the input ends there
                    int at = index;
                    boolean atEof = peek().range().offset() >= sourceLength;
                    index = atEof ? index : index - 1;
                    lastErrorToken = -1;
                    syntaxErrorAs(tokens[at], "DOLLAR_CURLY");
                    index = at;
                    return new Expr.Path(kindOf, parts, from(start.range()));
                }
                parts.add(new StringPart.Text(t.value(), t.range()));
            } else if (t.kind() == DOLLAR_CURLY) {
                interpolated = true;
                parts.add(parseInterpolation());
            } else {
                break;
            }
        }
        expect(PATH_END, parts.size() == 1 ? "STR or PATH_END or DOLLAR_CURLY" : "STR or PATH_END or DOLLAR_CURLY");
        return new Expr.Path(kindOf, parts, from(start.range()));
    }
}
