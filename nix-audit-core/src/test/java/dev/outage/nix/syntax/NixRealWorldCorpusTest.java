package dev.outage.nix.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: parses every {@code .nix} file under {@code -Doutage.nix.corpus=DIR} (for example a
 * nixpkgs checkout) and compares each with nix-instantiate, in batches of many files per process.
 *
 * <pre>{@code
 * ./mvnw -B -o -Doutage.buildDirName=target-nix -pl nix-audit-core -am verify \
 *     -Dtest=NixRealWorldCorpusTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Doutage.nix.corpus=$HOME/src/nixpkgs
 * }</pre>
 */
class NixRealWorldCorpusTest {

    @Test
    void agreesWithNixInstantiateOnEveryFileOfTheCorpus() throws Exception {
        String root = System.getProperty("outage.nix.corpus");
        Assumptions.assumeTrue(
                root != null && !root.isBlank(), "set -Doutage.nix.corpus=DIR to compare a real-world corpus");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(root))) {
            files = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        }
        assertThat(files).as("no .nix files under %s", root).isNotEmpty();

        List<String> differences = NixOracle.find().differences(files);

        assertThat(differences)
                .as("%d of %d files differ from nix-instantiate", differences.size(), files.size())
                .isEmpty();
    }
}
