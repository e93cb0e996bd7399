package dev.outage.alerting.notify.template;

import dev.outage.alerting.model.LabelSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The value types templates see and Go's rules for fields, truth and printing. */
final class Values {

    /** A name/value pair ({@code .Name}, {@code .Value}). */
    record Pair(String name, String value) {}

    /** Pairs sorted with alertname first ({@code .Names}, {@code .Values}). */
    record Pairs(List<Pair> pairs) {}

    /** A list of alerts ({@code .Firing}, {@code .Resolved}). */
    record AlertList(List<TemplateAlert> alerts) {}

    /** Text that the HTML mode prints without escaping. */
    record SafeHtml(String html) {}

    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Values() {}

    /** Returns the field or method {@code name} of the receiver called with the arguments. */
    static Object field(Object receiver, String name, List<Object> args, Position at) throws TemplateException {
        Object value = lookup(receiver, name, args, at);
        if (!args.isEmpty() && !(receiver instanceof LabelSet && name.equals("Remove"))) {
            throw at.error(name + " is not a method but has arguments");
        }
        return value;
    }

    private static Object lookup(Object receiver, String name, List<Object> args, Position at)
            throws TemplateException {
        if (receiver instanceof TemplateData data) {
            return switch (name) {
                case "Receiver" -> data.receiver();
                case "Status" -> data.status();
                case "Alerts" -> new AlertList(data.alerts());
                case "GroupLabels" -> data.groupLabels();
                case "CommonLabels" -> data.commonLabels();
                case "CommonAnnotations" -> data.commonAnnotations();
                case "ExternalURL" -> data.externalUrl();
                default -> throw noField(name, "template.Data", at);
            };
        }
        if (receiver instanceof TemplateAlert alert) {
            return switch (name) {
                case "Status" -> alert.status();
                case "Labels" -> alert.labels();
                case "Annotations" -> alert.annotations();
                case "StartsAt" -> alert.startsAt() == null ? Instant.parse("0001-01-01T00:00:00Z") : alert.startsAt();
                case "EndsAt" -> alert.endsAt() == null ? Instant.parse("0001-01-01T00:00:00Z") : alert.endsAt();
                case "GeneratorURL" -> alert.generatorUrl();
                case "Fingerprint" -> alert.fingerprint();
                default -> throw noField(name, "template.Alert", at);
            };
        }
        if (receiver instanceof AlertList list) {
            return switch (name) {
                case "Firing" -> new AlertList(filter(list, true));
                case "Resolved" -> new AlertList(filter(list, false));
                default -> throw noField(name, "template.Alerts", at);
            };
        }
        if (receiver instanceof LabelSet labels) {
            return switch (name) {
                case "SortedPairs" -> sortedPairs(labels);
                case "Names" -> names(sortedPairs(labels));
                case "Values" -> values(sortedPairs(labels));
                case "String" -> print(labels);
                case "Remove" -> remove(labels, args, at);
                default -> labels.getOrEmpty(name);
            };
        }
        if (receiver instanceof Pairs pairs) {
            return switch (name) {
                case "Names" -> names(pairs);
                case "Values" -> values(pairs);
                case "String" -> print(pairs);
                default -> throw noField(name, "template.Pairs", at);
            };
        }
        if (receiver instanceof Pair pair) {
            return switch (name) {
                case "Name" -> pair.name();
                case "Value" -> pair.value();
                default -> throw noField(name, "template.Pair", at);
            };
        }
        if (receiver == null) {
            throw at.error("nil pointer evaluating ." + name);
        }
        throw noField(name, typeName(receiver), at);
    }

    private static TemplateException noField(String name, String type, Position at) {
        return at.error("can't evaluate field " + name + " in type " + type);
    }

    private static List<TemplateAlert> filter(AlertList list, boolean firing) {
        return list.alerts().stream().filter(a -> a.isFiring() == firing).toList();
    }

    static Pairs sortedPairs(LabelSet labels) {
        List<Pair> pairs = new ArrayList<>(labels.size());
        String alertname = labels.get("alertname");
        if (alertname != null) {
            pairs.add(new Pair("alertname", alertname));
        }
        for (Map.Entry<String, String> label : labels) {
            if (!label.getKey().equals("alertname")) {
                pairs.add(new Pair(label.getKey(), label.getValue()));
            }
        }
        return new Pairs(List.copyOf(pairs));
    }

    private static List<String> names(Pairs pairs) {
        return pairs.pairs().stream().map(Pair::name).toList();
    }

    private static List<String> values(Pairs pairs) {
        return pairs.pairs().stream().map(Pair::value).toList();
    }

    private static LabelSet remove(LabelSet labels, List<Object> args, Position at) throws TemplateException {
        if (args.size() != 1 || !(args.get(0) instanceof List<?> keys)) {
            throw at.error("Remove expects one list of names");
        }
        Set<Object> removed = new HashSet<>(keys);
        TreeMap<String, String> kept = new TreeMap<>();
        for (Map.Entry<String, String> label : labels) {
            if (!removed.contains(label.getKey())) {
                kept.put(label.getKey(), label.getValue());
            }
        }
        return LabelSet.of(kept);
    }

    /** Returns Go's truth of a value: false, 0, nil and empty things are false. */
    static boolean truth(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long n) {
            return n != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof SafeHtml h) {
            return !h.html().isEmpty();
        }
        int length = length(value);
        return length < 0 || length > 0;
    }

    /** Returns the length of a collection or string (UTF-8 bytes, as Go), or -1 for other values. */
    static int length(Object value) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (value instanceof List<?> list) {
            return list.size();
        }
        if (value instanceof LabelSet labels) {
            return labels.size();
        }
        if (value instanceof Pairs pairs) {
            return pairs.pairs().size();
        }
        if (value instanceof AlertList list) {
            return list.alerts().size();
        }
        return -1;
    }

    /** Returns the elements a {@code range} visits as (key, value) pairs, or null if not rangeable. */
    static List<Object[]> elements(Object value) {
        List<Object[]> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new Object[] {(long) i, list.get(i)});
            }
        } else if (value instanceof Pairs pairs) {
            return elements(pairs.pairs());
        } else if (value instanceof AlertList list) {
            return elements(list.alerts());
        } else if (value instanceof LabelSet labels) {
            for (Map.Entry<String, String> label : labels) {
                out.add(new Object[] {label.getKey(), label.getValue()});
            }
        } else if (value != null) {
            return null;
        }
        return out;
    }

    /** Returns the text Go's {@code fmt.Print} gives for a value. */
    static String print(Object value) {
        if (value == null) {
            return "<no value>";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof SafeHtml h) {
            return h.html();
        }
        if (value instanceof Instant instant) {
            return goTime(instant);
        }
        if (value instanceof LabelSet labels) {
            return print(sortedPairs(labels));
        }
        if (value instanceof Pairs pairs) {
            StringBuilder out = new StringBuilder();
            for (Pair pair : pairs.pairs()) {
                if (out.length() > 0) {
                    out.append(", ");
                }
                out.append(pair.name()).append('=').append(pair.value());
            }
            return out.toString();
        }
        if (value instanceof Pair pair) {
            return "{" + pair.name() + " " + pair.value() + "}";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object element : list) {
                out.append(out.length() > 1 ? " " : "").append(print(element));
            }
            return out.append(']').toString();
        }
        if (value instanceof AlertList list) {
            return print(list.alerts());
        }
        if (value instanceof TemplateAlert alert) {
            return "{" + alert.status() + " " + alert.labels() + " " + alert.fingerprint() + "}";
        }
        return String.valueOf(value);
    }

    private static String goTime(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(GO_TIME.format(utc));
        int nanos = utc.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            out.append('.').append(fraction);
        }
        return out.append(" +0000 UTC").toString();
    }

    static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Instant) {
            return "time.Time";
        }
        if (value instanceof List<?>) {
            return "[]string";
        }
        return value == null ? "nil" : value.getClass().getSimpleName();
    }
}
