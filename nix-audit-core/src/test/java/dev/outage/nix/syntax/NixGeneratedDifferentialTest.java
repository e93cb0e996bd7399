package dev.outage.nix.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates random Nix expressions (seeded) and checks that nix-instantiate and our parser agree
 * on accept/reject, on the printed form, and on the first error.
 *
 * <p>Size: {@code -Doutage.nix.generated=N} (default 2000), seed: {@code -Doutage.nix.seed=S}.
 */
class NixGeneratedDifferentialTest {

    @TempDir
    Path dir;

    @Test
    void agreesWithNixInstantiateOnGeneratedExpressions() throws Exception {
        int count = Integer.getInteger("outage.nix.generated", 2000);
        long seed = Long.getLong("outage.nix.seed", 20260101L);
        NixExprGenerator generator = new NixExprGenerator(seed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("g" + i + ".nix");
            Files.writeString(file, generator.next(i % 4 == 3));
            files.add(file);
        }
        NixOracle oracle = NixOracle.find();

        List<String> differences = oracle.differences(files);

        long accepted = files.stream().filter(f -> parse(f).ok()).count();
        assertThat(accepted).as("accepted of %d", count).isBetween(count / 5L, count * 9L / 10);
        assertThat(differences)
                .as("differences with nix-instantiate (seed %d, %d files)", seed, count)
                .isEmpty();
    }

    private static ParseResult parse(Path file) {
        try {
            return NixParser.parse(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
