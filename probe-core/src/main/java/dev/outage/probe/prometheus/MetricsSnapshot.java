package dev.outage.probe.prometheus;

import dev.outage.alerting.model.LabelSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Everything one scrape of a {@code /metrics} endpoint held: samples in order, the declared
 * types, and the lines that could not be read.
 *
 * @param samples the samples in the order they appeared
 * @param types metric family name to its {@code # TYPE} ({@code counter}, {@code gauge}...)
 * @param errors lines skipped because they could not be read
 */
public record MetricsSnapshot(List<MetricSample> samples, Map<String, String> types, List<MetricsSyntaxError> errors) {

    /** Copies the collections. */
    public MetricsSnapshot {
        samples = List.copyOf(samples);
        types = Map.copyOf(types);
        errors = List.copyOf(errors);
    }

    /** Returns the samples of the metric whose labels include every given label. */
    public List<MetricSample> samples(String name, LabelSet having) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && includes(s.labels(), having))
                .toList();
    }

    /** Returns the sum of the metric's samples whose labels include every given label; 0 when none. */
    public double sum(String name, LabelSet having) {
        return samples(name, having).stream().mapToDouble(MetricSample::value).sum();
    }

    /** Returns whether the metric has at least one sample. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    private static boolean includes(LabelSet labels, LabelSet having) {
        for (Entry<String, String> label : having) {
            if (!label.getValue().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
