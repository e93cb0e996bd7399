package dev.outage.alerting.config.internal;

import java.util.List;

/**
 * A node of a YAML document with the position where it starts (1-based line and column).
 *
 * <p>Scalars keep their text exactly as written; whether a plain scalar is a boolean, a number or
 * null is decided by the reader of the field, as Go's YAML library decides it.
 */
public sealed interface YamlNode {

    /** Returns the 1-based line of the node's first character. */
    int line();

    /** Returns the 1-based column of the node's first character. */
    int column();

    /** A scalar; {@code plain} is false for quoted and block scalars. */
    record Scalar(String text, boolean plain, int line, int column) implements YamlNode {

        /** Returns whether this is a plain null: empty, {@code ~} or {@code null} in any case form. */
        public boolean isNull() {
            return plain
                    && (text.isEmpty()
                            || text.equals("~")
                            || text.equals("null")
                            || text.equals("Null")
                            || text.equals("NULL"));
        }

        /** Returns the YAML 1.1 tag Go's YAML library resolves the scalar to, such as {@code !!int}. */
        public String resolvedTag() {
            if (!plain) {
                return "!!str";
            }
            if (isNull()) {
                return "!!null";
            }
            if (YamlScalars.bool(text) != null) {
                return "!!bool";
            }
            if (YamlScalars.isInt(text)) {
                return "!!int";
            }
            if (YamlScalars.isFloat(text)) {
                return "!!float";
            }
            return "!!str";
        }
    }

    /** A mapping with its entries in document order. */
    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
        /** Creates the mapping with an unmodifiable copy of the entries. */
        public Mapping {
            entries = List.copyOf(entries);
        }
    }

    /** One key/value pair of a mapping. */
    record Entry(Scalar key, YamlNode value) {}

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        /** Creates the sequence with an unmodifiable copy of the items. */
        public Sequence {
            items = List.copyOf(items);
        }
    }
}
