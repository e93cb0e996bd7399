package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NixCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Outage.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void exitsZeroAndPrintsOneLinePerFileLikeNixInstantiate() throws IOException {
        Path a = write("a.nix", "{ b = 1; a.x = ./foo; }\n");
        Path b = write("b.nix", "x: x - 1\n");

        assertThat(run("nix", "parse", "--print", a.toString(), b.toString())).isZero();

        assertThat(out.toString())
                .isEqualTo("{ a = { x = " + dir.toAbsolutePath().normalize().resolve("foo") + "; }; b = 1; }\n"
                        + "(x: (__sub x 1))\n");
    }

    @Test
    void exitsOneWithOneLinePerErrorAndPosition() throws IOException {
        Path bad = write("bad.nix", "{ a = 1 }\n");

        assertThat(run("nix", "parse", bad.toString())).isEqualTo(1);

        assertThat(err.toString()).isEqualTo(bad + ":1:9: error: syntax error, unexpected '}', expecting ';'\n");
    }

    @Test
    void reportsUndefinedVariablesAndDuplicates() throws IOException {
        Path bad = write("dup.nix", "{ a = 1; a = y; }\n");

        assertThat(run("nix", "parse", bad.toString())).isEqualTo(1);

        assertThat(err.toString())
                .startsWith(bad + ":1:10: error: attribute 'a' already defined at "
                        + bad.toAbsolutePath().normalize() + ":1:3");
    }

    @Test
    void exitsTwoWhenAFileCannotBeRead() {
        assertThat(run("nix", "parse", dir.resolve("missing.nix").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.nix");
    }
}
