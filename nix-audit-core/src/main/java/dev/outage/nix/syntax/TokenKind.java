package dev.outage.nix.syntax;

/**
 * The kinds of Nix tokens, in the order Nix's grammar numbers them (which is the order its
 * "expecting ..." lists use), each with the name Nix uses in syntax error messages.
 */
public enum TokenKind {
    /** End of input. */
    EOF("end of file"),
    /** A character the grammar does not know, or a lexical error (see {@link Token#value()}). */
    INVALID("invalid token"),
    /** An identifier. */
    ID("ID"),
    /** Literal text inside a {@code "..."} string or an interpolated path. */
    STR("STR"),
    /** Literal text inside a {@code ''...''} string. */
    IND_STR("IND_STR"),
    /** An integer. */
    INT("INT"),
    /** A float. */
    FLOAT("FLOAT"),
    /** A relative or absolute path, or the first segment of an interpolated one. */
    PATH("PATH"),
    /** A {@code ~/...} path. */
    HPATH("HPATH"),
    /** A {@code <...>} search path. */
    SPATH("SPATH"),
    /** The zero-width end of a path. */
    PATH_END("PATH_END"),
    /** An unquoted URI. */
    URI("URI"),
    /** {@code if}. */
    IF("IF"),
    /** {@code then}. */
    THEN("THEN"),
    /** {@code else}. */
    ELSE("ELSE"),
    /** {@code assert}. */
    ASSERT("ASSERT"),
    /** {@code with}. */
    WITH("WITH"),
    /** {@code let}. */
    LET("LET"),
    /** {@code in}. */
    IN("IN"),
    /** {@code rec}. */
    REC("REC"),
    /** {@code inherit}. */
    INHERIT("INHERIT"),
    /** {@code ==}. */
    EQ("EQ"),
    /** {@code !=}. */
    NEQ("NEQ"),
    /** {@code &&}. */
    AND("AND"),
    /** {@code ||}. */
    OR("OR"),
    /** {@code ->}. */
    IMPL("IMPL"),
    /** The keyword {@code or}. */
    OR_KW("OR_KW"),
    /** <code>${</code>. */
    DOLLAR_CURLY("DOLLAR_CURLY"),
    /** {@code ''} opening an indented string. */
    IND_STRING_OPEN("IND_STRING_OPEN"),
    /** {@code ''} closing an indented string. */
    IND_STRING_CLOSE("IND_STRING_CLOSE"),
    /** {@code ...}. */
    ELLIPSIS("ELLIPSIS"),
    /** {@code <}. */
    LT("'<'"),
    /** {@code >}. */
    GT("'>'"),
    /** {@code <=}. */
    LEQ("LEQ"),
    /** {@code >=}. */
    GEQ("GEQ"),
    /** {@code //}. */
    UPDATE("UPDATE"),
    /** {@code +}. */
    PLUS("'+'"),
    /** {@code -}. */
    MINUS("'-'"),
    /** {@code *}. */
    STAR("'*'"),
    /** {@code /}. */
    SLASH("'/'"),
    /** {@code ++}. */
    CONCAT("CONCAT"),
    /** {@code ?}. */
    QUESTION("'?'"),
    /** {@code :}. */
    COLON("':'"),
    /** <code>{</code>. */
    LBRACE("'{'"),
    /** <code>}</code>. */
    RBRACE("'}'"),
    /** {@code @}. */
    AT("'@'"),
    /** {@code ;}. */
    SEMICOLON("';'"),
    /** {@code !}. */
    BANG("'!'"),
    /** {@code .}. */
    DOT("'.'"),
    /** {@code "}. */
    QUOTE("'\"'"),
    /** {@code (}. */
    LPAREN("'('"),
    /** {@code )}. */
    RPAREN("')'"),
    /** {@code [}. */
    LBRACKET("'['"),
    /** {@code ]}. */
    RBRACKET("']'"),
    /** {@code =}. */
    ASSIGN("'='"),
    /** {@code ,}. */
    COMMA("','");

    private final String nixName;

    TokenKind(String nixName) {
        this.nixName = nixName;
    }

    /** Returns the name Nix uses for this token in syntax error messages. */
    public String nixName() {
        return nixName;
    }
}
