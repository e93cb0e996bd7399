/**
 * A complete Nix parser that reads exactly what Nix 2.8 reads: tokens, lexer, parser, an
 * immutable AST with source ranges, syntax errors as values, and a printer that renders the
 * desugared expression byte for byte like {@code nix-instantiate --parse}.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * ParseResult result = NixParser.parse(Files.readString(file), file);
 * for (SyntaxError error : result.errors()) {
 *     System.err.println(error.format()); // file:line:column: error: message
 * }
 * if (result.root() instanceof Expr.Lambda lambda
 *         && lambda.body() instanceof Expr.AttrSet set) {
 *     for (Binding binding : set.bindings()) {
 *         if (binding instanceof Binding.Attribute attribute) {
 *             String path = attribute.path().dotted().orElse("<dynamic>");
 *             SourceRange where = attribute.range(); // line, column, offset, end
 *         }
 *     }
 * }
 * String printed = NixPrinter.print(result); // as `nix-instantiate --parse` prints it
 * }</pre>
 *
 * <p>The parser never throws on any input: problems are {@link dev.outage.nix.syntax.SyntaxError}
 * values, and the tree holds {@link dev.outage.nix.syntax.Expr.Invalid} nodes where it recovered.
 * All types are immutable and safe to share between threads.
 */
package dev.outage.nix.syntax;
