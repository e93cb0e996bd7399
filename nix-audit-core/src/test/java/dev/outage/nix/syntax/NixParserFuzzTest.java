package dev.outage.nix.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Fuzzes the lexer, parser and printer: no input may throw or hang. In regression mode (the
 * default build) it replays the seeds under {@code NixParserFuzzTestInputs}; run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class NixParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parsesAnyInputWithoutThrowing(FuzzedDataProvider data) {
        String source = data.consumeRemainingAsString();

        ParseResult result = NixParser.parse(source, Path.of("/fuzz/input.nix"));

        if (result.ok()) {
            assertThat(NixPrinter.print(result)).isNotEmpty();
        }
        for (SyntaxError error : result.errors()) {
            assertThat(error.line()).isPositive();
            assertThat(error.offset()).isBetween(0, source.length());
        }
    }
}
