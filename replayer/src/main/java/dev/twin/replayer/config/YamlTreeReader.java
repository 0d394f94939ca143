package dev.twin.replayer.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a Jackson tree in one streaming pass, remembering the line and column of every key and value
 * (Jackson's tree loses them, and every config message needs them).
 */
final class YamlTreeReader {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> keys = new HashMap<>();
    private final Map<String, String> scalarTexts = new HashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    private YamlTreeReader(Path file) {
        this.file = file;
    }

    /**
     * @param file the file name used in locations (as the user gave it)
     * @throws ConfigException on a YAML syntax error, located where the parser stopped
     */
    static YamlDocument read(Path file, String text) throws ConfigException {
        YamlTreeReader reader = new YamlTreeReader(file);
        JsonNode root = reader.readDocument(text);
        return new YamlDocument(root, new SourceMap(file, reader.values, reader.keys, reader.scalarTexts),
                List.copyOf(reader.problems));
    }

    private JsonNode readDocument(String text) throws ConfigException {
        try (YAMLParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return NODES.objectNode(); // an empty file is an empty mapping
            }
            JsonNode root = readValue(parser, "");
            if (parser.nextToken() != null) {
                problems.add(new ConfigProblem(location(parser.currentTokenLocation()),
                        "only one YAML document is allowed (found a second one)"));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(syntaxProblem(e));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(SourceLocation.of(file), "cannot read: " + e.getMessage()));
        }
    }

    private JsonNode readValue(YAMLParser parser, String pointer) throws IOException {
        values.put(pointer, location(parser.currentTokenLocation()));
        if (parser.isCurrentAlias()) {
            problems.add(new ConfigProblem(values.get(pointer), prefixed(pointer,
                    "YAML aliases (*" + parser.getText() + ") are not supported; repeat the value")));
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, pointer);
            case START_ARRAY:
                return readSequence(parser, pointer);
            default:
                scalarTexts.put(pointer, parser.getText());
                return scalar(parser, token);
        }
    }

    private ObjectNode readMapping(YAMLParser parser, String pointer) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = ConfigProblems.child(pointer, name);
            SourceLocation keyLocation = location(parser.currentTokenLocation());
            if (mapping.has(name)) {
                problems.add(new ConfigProblem(keyLocation,
                        prefixed(child, "duplicate key (first at " + keys.get(child) + ")")));
            } else {
                keys.put(child, keyLocation);
            }
            parser.nextToken();
            mapping.set(name, readValue(parser, child));
        }
        return mapping;
    }

    private ArrayNode readSequence(YAMLParser parser, String pointer) throws IOException {
        ArrayNode sequence = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            sequence.add(readValue(parser, ConfigProblems.child(pointer, index++)));
        }
        return sequence;
    }

    private static JsonNode scalar(YAMLParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(parser.getText());
        }
    }

    private ConfigProblem syntaxProblem(JsonProcessingException e) {
        SourceLocation where = e.getLocation() == null ? SourceLocation.of(file) : location(e.getLocation());
        String detail = e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
            detail = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ", " + yaml.getProblem();
            if (yaml.getProblemMark() != null) {
                where = new SourceLocation(file, yaml.getProblemMark().getLine() + 1,
                        yaml.getProblemMark().getColumn() + 1);
            }
        }
        if (detail.startsWith("Expected a field name")) {
            detail = "a key must be a word or a quoted string, not a mapping or a list";
        }
        return new ConfigProblem(where, "YAML syntax error: " + detail.strip());
    }

    private SourceLocation location(JsonLocation location) {
        return new SourceLocation(file, location.getLineNr(), location.getColumnNr());
    }

    private static String prefixed(String pointer, String message) {
        return ConfigProblems.prefixed(pointer, message);
    }
}
