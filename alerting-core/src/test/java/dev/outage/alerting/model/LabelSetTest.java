package dev.outage.alerting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelSetTest {

    @Test
    void sortsByNameWhateverTheInsertionOrder() {
        LabelSet labels = LabelSet.of("zone", "b", "alertname", "X", "job", "node");

        assertThat(labels.asMap().keySet()).containsExactly("alertname", "job", "zone");
        assertThat(labels).isEqualTo(LabelSet.of("job", "node", "alertname", "X", "zone", "b"));
    }

    @Test
    void fingerprintDependsOnNameValueBoundaries() {
        LabelSet joined = LabelSet.of("a", "bc");
        LabelSet split = LabelSet.of("ab", "c");

        assertThat(joined.fingerprint()).isNotEqualTo(split.fingerprint());
    }

    @Test
    void fingerprintOfEmptySetIsTheFnvOffset() {
        assertThat(LabelSet.empty().fingerprintHex()).isEqualTo("cbf29ce484222325");
    }

    @Test
    void missingLabelReadsAsEmptyString() {
        LabelSet labels = LabelSet.of("alertname", "X");

        assertThat(labels.getOrEmpty("severity")).isEmpty();
        assertThat(labels.contains("severity")).isFalse();
    }

    @Test
    void refusesRepeatedNames() {
        assertThatThrownBy(() -> LabelSet.of("a", "1", "a", "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a");
    }

    @Test
    void printsInPrometheusNotationWithEscapes() {
        assertThat(LabelSet.of("b", "say \"hi\"", "a", "x\\y").toString())
                .isEqualTo("{a=\"x\\\\y\", b=\"say \\\"hi\\\"\"}");
    }
}
