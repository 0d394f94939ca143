package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Indexes a JSON spec in one streaming pass: the paths, methods and operationIds, and the byte range of every
 * operation and component. Building swagger models for a 5 MB spec takes seconds; this pass only tokenizes.
 */
final class SpecIndexer {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonFactory JSON = new JsonFactory();

    private SpecIndexer() {
    }

    /** @throws IndexProblem when the bytes are not a JSON object shaped like an OpenAPI document */
    static SpecIndex index(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "the document", "");
            String version = null;
            String serverUrl = null;
            List<SpecIndex.PathEntry> paths = List.of();
            Map<String, Map<String, ByteRange>> components = Map.of();
            ByteRange security = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "openapi", "swagger" -> version = value.isScalarValue() ? parser.getValueAsString() : null;
                    case "servers" -> serverUrl = firstServerUrl(parser, value);
                    case "paths" -> paths = paths(parser, value);
                    case "components" -> components = components(parser, value);
                    case "security" -> security = range(parser);
                    default -> parser.skipChildren();
                }
            }
            if (version == null) {
                throw new IndexProblem(1, 1, "", "not an OpenAPI document: no 'openapi' or 'swagger' version field");
            }
            return new SpecIndex(version, serverUrl, paths, components, security);
        }
    }

    private static String firstServerUrl(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        String url = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (url == null && parser.currentToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("url") && parser.currentToken() == JsonToken.VALUE_STRING) {
                        url = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
                if (url == null) {
                    url = "";
                }
            } else {
                parser.skipChildren();
            }
        }
        return url;
    }

    private static List<SpecIndex.PathEntry> paths(JsonParser parser, JsonToken value) throws IOException {
        expect(parser, value, JsonToken.START_OBJECT, "'paths'", "/paths");
        List<SpecIndex.PathEntry> paths = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = parser.currentName();
            String pathPointer = PointerLocator.pointer("paths", path);
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "path '" + path + "'", pathPointer);
            List<SpecIndex.OperationEntry> operations = new ArrayList<>();
            ByteRange parameters = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                String method = key.toLowerCase(Locale.ROOT);
                if (METHODS.contains(method)) {
                    expect(parser, token, JsonToken.START_OBJECT, key + " " + path, pathPointer + "/" + key);
                    operations.add(operation(parser, method.toUpperCase(Locale.ROOT), pathPointer + "/" + key));
                } else if (key.equals("parameters")) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    OperationShape.check(parser, token, OperationShape.PARAMETERS, "'parameters'",
                            pathPointer + "/parameters");
                    int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                    parameters = new ByteRange(start, end - start);
                } else if (key.equals("$ref")) {
                    throw problem(parser, pathPointer + "/$ref",
                            "path '" + path + "': a $ref path item is not supported; inline it");
                } else {
                    parser.skipChildren();
                }
            }
            paths.add(new SpecIndex.PathEntry(path, operations, parameters));
        }
        return paths;
    }

    /**
     * An operation's id and byte range. Its members are read in full only when first served (start-up reads no
     * more of a 5 MB spec than it needs), so the members whose type is wrong are refused here, at their line:
     * otherwise the first request to the operation would be the first to notice.
     */
    private static SpecIndex.OperationEntry operation(JsonParser parser, String method, String pointer)
            throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String operationId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            String member = pointer + "/" + name;
            if (name.equals("operationId")) {
                expect(parser, token, JsonToken.VALUE_STRING, "operationId", member);
                operationId = parser.getText();
            } else if (OperationShape.OPERATION.containsKey(name)) {
                OperationShape.check(parser, token, OperationShape.OPERATION.get(name), "'" + name + "'", member);
            } else {
                parser.skipChildren();
            }
        }
        int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
        return new SpecIndex.OperationEntry(method, operationId, new ByteRange(start, end - start));
    }

    private static Map<String, Map<String, ByteRange>> components(JsonParser parser, JsonToken value)
            throws IOException {
        expect(parser, value, JsonToken.START_OBJECT, "'components'", "/components");
        Map<String, Map<String, ByteRange>> sections = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String section = parser.currentName();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            Map<String, ByteRange> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                entries.put(name, range(parser));
            }
            sections.put(section, entries);
        }
        return sections;
    }

    /** The range of the value at the current token, leaving the parser on its last token. */
    private static ByteRange range(JsonParser parser) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) (parser.currentToken().isStructEnd()
                ? parser.currentTokenLocation().getByteOffset() + 1
                : parser.currentLocation().getByteOffset());
        return new ByteRange(start, end - start);
    }

    static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what,
                               String pointer) throws IndexProblem {
        if (actual != expected) {
            throw problem(parser, pointer, what + " must be " + switch (expected) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "a string";
                default -> expected.toString();
            });
        }
    }

    static IndexProblem problem(JsonParser parser, String pointer, String message) {
        var location = parser.currentTokenLocation();
        return new IndexProblem(location.getLineNr(), location.getColumnNr(), pointer, message);
    }

    /**
     * A structural problem found while indexing, with its position in the JSON text and its JSON Pointer (which
     * finds it in the YAML or Swagger 2.0 text the JSON was converted from).
     */
    static final class IndexProblem extends IOException {
        final int line;
        final int column;
        final String pointer;

        IndexProblem(int line, int column, String pointer, String message) {
            super(message);
            this.line = line;
            this.column = column;
            this.pointer = pointer;
        }
    }
}
