package dev.outage.nix.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Compares our parser with the real nix-instantiate on the hand-written corpus of tricky files. */
class NixCorpusTest {

    static List<Path> corpus() throws Exception {
        Path dir = resource("corpus");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".nix")).sorted().toList();
        }
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(NixCorpusTest.class.getResource(name).toURI())
                .toAbsolutePath()
                .normalize();
    }

    @Test
    void agreesWithNixInstantiateOnEveryCorpusFile() throws Exception {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThan(100);

        List<String> differences = NixOracle.find().differences(files);

        assertThat(differences).as("differences with nix-instantiate").isEmpty();
    }

    @Test
    void corpusHoldsBothAcceptedAndRejectedFiles() throws Exception {
        long rejected = corpus().stream()
                .map(p -> {
                    try {
                        return NixParser.parse(p);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .filter(r -> !r.ok())
                .count();
        assertThat(rejected).isGreaterThan(30).isLessThan(corpus().size() - 30);
    }
}
