package dev.outage.audit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/** Reads a YAML document into a {@link YamlNode} tree that remembers where each value starts. */
public final class YamlReader {

    private static final Pattern PROBLEM_MARK = Pattern.compile("(?m)^ in reader, line (\\d+), column (\\d+):");

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    /**
     * Reads the first document of {@code text}; an empty document is an empty mapping at 1:1.
     *
     * @throws YamlSyntaxException with the line, column and reason when the text is not YAML
     */
    public static YamlNode read(String text) throws YamlSyntaxException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(Map.of(), 1, 1);
            }
            return readValue(parser);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            String message = Optional.ofNullable(e.getOriginalMessage()).orElse("not valid YAML");
            // The YAML parser names a context ("while scanning for the next token") and then the
            // problem with its own position; report the problem where it is.
            Matcher mark = PROBLEM_MARK.matcher(message);
            while (mark.find()) {
                line = Integer.parseInt(mark.group(1));
                column = Integer.parseInt(mark.group(2));
            }
            throw new YamlSyntaxException(line, column, problem(message));
        }
    }

    private static YamlNode readValue(JsonParser parser) {
        TokenStreamLocation at = parser.currentTokenLocation();
        int line = Math.max(1, at.getLineNr());
        int column = Math.max(1, at.getColumnNr());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                TokenStreamLocation keyAt = parser.currentTokenLocation();
                parser.nextToken();
                YamlNode value = readValue(parser);
                entries.put(
                        key,
                        new YamlNode.Entry(
                                key, Math.max(1, keyAt.getLineNr()), Math.max(1, keyAt.getColumnNr()), value));
            }
            return new YamlNode.Mapping(entries, line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(parser));
            }
            return new YamlNode.Sequence(items, line, column);
        }
        String text = token == JsonToken.VALUE_NULL ? null : parser.getString();
        return new YamlNode.Scalar(text, line, column);
    }

    /** Returns the problem sentence: the last line that is neither a position, a snippet nor a caret. */
    private static String problem(String message) {
        String problem = "not valid YAML";
        for (String line : message.strip().lines().toList()) {
            if (!line.isBlank() && !line.startsWith(" ")) {
                problem = line.strip();
            }
        }
        return problem;
    }
}
