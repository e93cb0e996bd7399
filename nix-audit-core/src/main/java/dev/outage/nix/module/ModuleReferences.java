package dev.outage.nix.module;

import dev.outage.nix.syntax.Expr;
import java.util.Map;
import java.util.Optional;

/** Turns an element of an {@code imports} or {@code modules} list into a {@link ModuleReference}. */
final class ModuleReferences {

    private ModuleReferences() {}

    static Optional<ModuleReference> of(
            String file, Expr element, Platform platform, String reason, Map<String, Expr> scope) {
        Expr target = element;
        for (int depth = 0; depth < 8 && target instanceof Expr.Var var && scope.containsKey(var.name()); depth++) {
            target = scope.get(var.name());
        }
        if (target instanceof Expr.Path || target instanceof Expr.Str) {
            return ModuleAnalyzer.literalPath(target)
                    .flatMap(path -> ModuleAnalyzer.resolvePath(file, path))
                    .map(path -> new ModuleReference(
                            Optional.of(path), Optional.empty(), platform, reason, element.range()));
        }
        if (target instanceof Expr.Apply) {
            ModuleAnalyzer.Call call = ModuleAnalyzer.call(target);
            if (call.name().filter("import"::equals).isPresent() && !call.args().isEmpty()) {
                return of(file, call.args().get(0), platform, reason, scope)
                        .map(ref -> new ModuleReference(ref.file(), ref.inline(), platform, reason, element.range()));
            }
            return Optional.empty();
        }
        if (target instanceof Expr.AttrSet
                || target instanceof Expr.Lambda
                || target instanceof Expr.Let
                || target instanceof Expr.With) {
            return Optional.of(
                    new ModuleReference(Optional.empty(), Optional.of(target), platform, reason, element.range()));
        }
        return Optional.empty();
    }
}
