package dev.outage.nix.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NixParserTest {

    private static final Path FILE = Path.of("/cfg/host.nix");

    @Test
    void keepsSourceRangesAndCommentsForRules() {
        ParseResult r =
                NixParser.parse("{\n  # outage: ignore x\n  system.activationScripts.foo.text = \"a\";\n}\n", FILE);

        assertThat(r.ok()).isTrue();
        Binding.Attribute b =
                (Binding.Attribute) ((Expr.AttrSet) r.root()).bindings().get(0);
        assertThat(b.path().dotted()).hasValue("system.activationScripts.foo.text");
        assertThat(b.range().line()).isEqualTo(3);
        assertThat(b.range().column()).isEqualTo(3);
        assertThat(r.commentsBefore(b.range())).extracting(Comment::content).containsExactly("outage: ignore x");
    }

    @Test
    void reportsSeveralErrorsInOneFile() {
        ParseResult r = NixParser.parse("{\n  a = ;\n  b = 2;\n  c = 3 4 ];\n}\n", FILE);

        assertThat(r.errors()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.errors().get(0).format()).isEqualTo("/cfg/host.nix:2:7: error: syntax error, unexpected ';'");
        assertThat(r.errors().get(1).line()).isEqualTo(4);
    }

    @Test
    void reportsTooDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        ParseResult r = NixParser.parse(deep, FILE);

        assertThat(r.errors()).extracting(SyntaxError::message).anyMatch(m -> m.contains("nested too deeply"));
    }

    @Test
    void printsDesugaredFormLikeNix() {
        ParseResult r = NixParser.parse("{ a.b = x: x - 1; a.c = <nixpkgs>; d = a >= b; }", FILE);

        assertThat(NixPrinter.print(r.root(), FILE, "/home/u"))
                .isEqualTo("{ a = { b = (x: (__sub x 1)); c = (__findFile __nixPath \"nixpkgs\"); };"
                        + " d = (! (__lessThan a b)); }");
    }
}
