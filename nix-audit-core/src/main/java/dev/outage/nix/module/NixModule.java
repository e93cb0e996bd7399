package dev.outage.nix.module;

import dev.outage.nix.syntax.Expr;
import dev.outage.nix.syntax.ParseResult;
import java.util.List;
import java.util.Objects;

/**
 * A module: a file, or a module written in place (an element of a {@code modules} list, a
 * {@code home-manager.users.<name>} value), with what it defines and which modules it uses.
 *
 * @param file the relative path of the file the module is written in
 * @param inline whether the module is written inside another expression rather than being the file
 * @param parse the parsed file
 * @param expr the module expression
 * @param definitions every option definition, in source order
 * @param references the modules it imports or puts on a platform
 */
public record NixModule(
        String file,
        boolean inline,
        ParseResult parse,
        Expr expr,
        List<OptionDefinition> definitions,
        List<ModuleReference> references) {

    /** Validates the module and copies the lists. */
    public NixModule {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(expr, "expr");
        definitions = List.copyOf(definitions);
        references = List.copyOf(references);
    }

    /** Returns a name for messages: the file, or {@code file:line:column} for an inline module. */
    public String describe() {
        return inline ? file + ":" + expr.range().position() : file;
    }
}
