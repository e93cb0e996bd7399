package dev.outage.audit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML value with the 1-based line and column where it starts. */
public sealed interface YamlNode {

    /** Returns the 1-based line where this value starts. */
    int line();

    /** Returns the 1-based column where this value starts. */
    int column();

    /** A mapping; keys keep their order and positions. */
    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
        /** Copies the entries, keeping their order. */
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** Returns the value under {@code key}, if present. */
        public Optional<YamlNode> get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? Optional.empty() : Optional.of(entry.value());
        }

        /** Returns the entry under {@code key}, if present. */
        public Optional<Entry> entry(String key) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    /** A key with its position and its value. */
    record Entry(String key, int line, int column, YamlNode value) {}

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        /** Copies the items. */
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A scalar; {@code null} YAML values have {@code text} null. */
    record Scalar(String text, int line, int column) implements YamlNode {
        /** Returns the text, or empty when the scalar is YAML null. */
        public Optional<String> value() {
            return Optional.ofNullable(text);
        }
    }

    /** Returns this node as a mapping, if it is one. */
    default Optional<Mapping> asMapping() {
        return this instanceof Mapping m ? Optional.of(m) : Optional.empty();
    }

    /** Returns this node as a sequence, if it is one. */
    default Optional<Sequence> asSequence() {
        return this instanceof Sequence s ? Optional.of(s) : Optional.empty();
    }

    /** Returns this node's text, if it is a non-null scalar. */
    default Optional<String> asText() {
        return this instanceof Scalar s ? s.value() : Optional.empty();
    }

    /** Returns the items of a sequence; an empty list for anything else. */
    default List<YamlNode> items() {
        return this instanceof Sequence s ? s.items() : List.of();
    }
}
