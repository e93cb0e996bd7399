package dev.outage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outage.alerting.model.LabelSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelArgumentsTest {

    @Test
    void readsBareAndQuotedValues() {
        LabelSet labels =
                LabelArguments.parse(List.of("alertname=DiskFull", "summary=\"disk full, again\"", "empty="), "label");

        assertThat(labels).isEqualTo(LabelSet.of("alertname", "DiskFull", "summary", "disk full, again", "empty", ""));
    }

    @Test
    void decodesEscapesInsideQuotes() {
        LabelSet labels = LabelArguments.parse(List.of("q=\"a \\\"b\\\" c\\\\d\\ne\""), "label");

        assertThat(labels.get("q")).isEqualTo("a \"b\" c\\d\ne");
    }

    @Test
    void keepsEqualsSignsInTheValue() {
        assertThat(LabelArguments.parse(List.of("expr=a=b"), "label").get("expr"))
                .isEqualTo("a=b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "=x", "q=\"open", "q=\"a\"b", "q=\"\\t\""})
    void rejectsMalformedArgumentsAsUsageErrors(String argument) {
        assertThatThrownBy(() -> LabelArguments.parse(List.of(argument), "label"))
                .isInstanceOfSatisfying(
                        CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("label");
    }

    @Test
    void rejectsARepeatedName() {
        assertThatThrownBy(() -> LabelArguments.parse(List.of("a=1", "a=2"), "label"))
                .hasMessageContaining("twice");
    }
}
