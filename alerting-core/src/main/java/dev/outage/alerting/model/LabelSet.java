package dev.outage.alerting.model;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of label name/value pairs, sorted by name.
 *
 * <p>Alertmanager identifies an alert by its labels; {@link #fingerprint()} computes the same
 * 64-bit fingerprint that Alertmanager reports for them. Annotations use the same type.
 *
 * <pre>{@code
 * LabelSet labels = LabelSet.of("alertname", "ServiceDown", "instance", "studio:8080");
 * String id = labels.fingerprintHex(); // as in GET /api/v2/alerts
 * }</pre>
 *
 * <p>A label set holds names and values as given; whether they are valid for Alertmanager is
 * decided by the codec's validation, so that a receiver can read what a sender really sent.
 */
public final class LabelSet implements Iterable<Map.Entry<String, String>> {

    private static final LabelSet EMPTY = new LabelSet(new TreeMap<>());
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0xff;

    private final SortedMap<String, String> labels;

    private LabelSet(TreeMap<String, String> labels) {
        this.labels = Collections.unmodifiableSortedMap(labels);
    }

    /** Returns the empty label set. */
    public static LabelSet empty() {
        return EMPTY;
    }

    /**
     * Returns a label set with the given name/value pairs.
     *
     * @throws IllegalArgumentException if the count is odd or a name repeats
     */
    public static LabelSet of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got " + namesAndValues.length + " strings");
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = Objects.requireNonNull(namesAndValues[i], "name");
            String value = Objects.requireNonNull(namesAndValues[i + 1], "value");
            if (map.put(name, value) != null) {
                throw new IllegalArgumentException("label name repeated: " + name);
            }
        }
        return new LabelSet(map);
    }

    /** Returns a label set holding a copy of the given map; null names or values are refused. */
    public static LabelSet of(Map<String, String> labels) {
        TreeMap<String, String> map = new TreeMap<>();
        labels.forEach(
                (name, value) -> map.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return map.isEmpty() ? EMPTY : new LabelSet(map);
    }

    /** Returns the value of the label, or null when it is absent. */
    public String get(String name) {
        return labels.get(name);
    }

    /**
     * Returns the value of the label, or the empty string when it is absent, which is how
     * Alertmanager's matchers see a missing label.
     */
    public String getOrEmpty(String name) {
        return labels.getOrDefault(name, "");
    }

    /** Returns whether the label is present (with any value, the empty one included). */
    public boolean contains(String name) {
        return labels.containsKey(name);
    }

    /** Returns a copy with the label set to the value, replacing an earlier value. */
    public LabelSet with(String name, String value) {
        TreeMap<String, String> map = new TreeMap<>(labels);
        map.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new LabelSet(map);
    }

    /** Returns a copy holding only the named labels that are present. */
    public LabelSet retain(Iterable<String> names) {
        TreeMap<String, String> map = new TreeMap<>();
        for (String name : names) {
            String value = labels.get(name);
            if (value != null) {
                map.put(name, value);
            }
        }
        return map.isEmpty() ? EMPTY : new LabelSet(map);
    }

    /** Returns the labels as an unmodifiable map sorted by name. */
    public SortedMap<String, String> asMap() {
        return labels;
    }

    /** Returns the number of labels. */
    public int size() {
        return labels.size();
    }

    /** Returns whether there are no labels. */
    public boolean isEmpty() {
        return labels.isEmpty();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return labels.entrySet().iterator();
    }

    /**
     * Returns Alertmanager's fingerprint of these labels: 64-bit FNV-1a over each name and
     * value in name order, each followed by the byte {@code 0xff}.
     */
    public long fingerprint() {
        long hash = FNV_OFFSET;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            hash = hashWithSeparator(hash, label.getKey());
            hash = hashWithSeparator(hash, label.getValue());
        }
        return hash;
    }

    /** Returns {@link #fingerprint()} as the 16 lower-case hex digits Alertmanager prints. */
    public String fingerprintHex() {
        return String.format("%016x", fingerprint());
    }

    private static long hashWithSeparator(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return (hash ^ SEPARATOR) * FNV_PRIME;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSet that && labels.equals(that.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    /** Returns the labels in Prometheus' notation, {@code {a="1", b="2"}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(label.getKey()).append("=\"");
            appendEscaped(out, label.getValue());
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }
}
