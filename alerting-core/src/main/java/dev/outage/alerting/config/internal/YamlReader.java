package dev.outage.alerting.config.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming YAML parser.
 *
 * <p>Anchors and aliases are resolved; merge keys ({@code <<}) are left as entries for the
 * decoder. Only the first document of a stream is read.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String source;
    private final String[] lines;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private JsonParser parser;

    private YamlReader(String source) {
        this.source = source;
        this.lines = source.split("\n", -1);
    }

    /**
     * Returns the document's root node, or null for an empty document.
     *
     * @throws YamlSyntaxException with the position when the text is not well-formed YAML
     */
    public static YamlNode read(String source) {
        return new YamlReader(source).readDocument();
    }

    private YamlNode readDocument() {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), source)) {
            parser = p;
            JsonToken token = p.nextToken();
            if (token == null) {
                return null;
            }
            return readValue(token);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            throw new YamlSyntaxException(e.getOriginalMessage(), line, column);
        }
    }

    private YamlNode readValue(JsonToken token) {
        TokenStreamLocation location = parser.currentTokenLocation();
        int line = location.getLineNr();
        int column = location.getColumnNr();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            String name = parser.getString();
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new YamlSyntaxException("unknown anchor '" + name + "' referenced", line, column);
            }
            return target;
        }
        Object anchor = parser.getObjectId();
        YamlNode node;
        switch (token) {
            case START_OBJECT -> node = readMapping(line, column);
            case START_ARRAY -> node = readSequence(line, column);
            default -> node = new YamlNode.Scalar(scalarText(token), isPlain(line, column), line, column);
        }
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    private String scalarText(JsonToken token) {
        String text = parser.getString();
        if (token == JsonToken.VALUE_NULL && (text == null || text.equals("null") && !rawStartsWith("null"))) {
            return "";
        }
        return text == null ? "" : text;
    }

    private boolean rawStartsWith(String text) {
        TokenStreamLocation location = parser.currentTokenLocation();
        String rest = lineRest(location.getLineNr(), location.getColumnNr());
        return rest.startsWith(text);
    }

    private YamlNode.Mapping readMapping(int line, int column) {
        List<YamlNode.Entry> entries = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            TokenStreamLocation keyLocation = parser.currentTokenLocation();
            String name = parser.currentName();
            int keyLine = keyLocation.getLineNr();
            int keyColumn = keyLocation.getColumnNr();
            YamlNode.Scalar key = new YamlNode.Scalar(name, isPlain(keyLine, keyColumn), keyLine, keyColumn);
            JsonToken valueToken = parser.nextToken();
            entries.add(new YamlNode.Entry(key, readValue(valueToken)));
            if (token != JsonToken.PROPERTY_NAME) {
                throw new YamlSyntaxException("unexpected token " + token, keyLine, keyColumn);
            }
        }
        return new YamlNode.Mapping(entries, line, column);
    }

    private YamlNode.Sequence readSequence(int line, int column) {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(readValue(token));
        }
        return new YamlNode.Sequence(items, line, column);
    }

    /** Returns false when the scalar at the position starts with a quote, a block indicator or a tag. */
    private boolean isPlain(int line, int column) {
        String rest = lineRest(line, column);
        int i = 0;
        if (rest.startsWith("&")) {
            while (i < rest.length() && rest.charAt(i) != ' ') {
                i++;
            }
            while (i < rest.length() && rest.charAt(i) == ' ') {
                i++;
            }
        }
        if (i >= rest.length()) {
            return true;
        }
        char first = rest.charAt(i);
        return first != '"' && first != '\'' && first != '|' && first != '>' && first != '!';
    }

    private String lineRest(int line, int column) {
        if (line < 1 || line > lines.length) {
            return "";
        }
        String text = lines[line - 1];
        int offset =
                text.offsetByCodePoints(0, Math.min(Math.max(column - 1, 0), text.codePointCount(0, text.length())));
        return text.substring(offset);
    }
}
