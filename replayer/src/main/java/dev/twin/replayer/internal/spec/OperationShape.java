package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Map;

/**
 * The JSON types of an operation's members, down to its parameters, request body, responses and media types,
 * checked in the indexing pass. Operations are deserialised only when first served (start-up reads no more of a
 * 5 MB spec than it needs); checking their shape while streaming past them costs nothing and turns what would be
 * a failure at the first request into a problem at the spec's line. {@code $ref} objects and extensions pass.
 */
final class OperationShape {
    /** What one member must be. */
    sealed interface Expect permits Scalar, ObjectOf, MapOf, ListOf, Any {
    }

    private record Scalar(JsonToken token, String words) implements Expect {
    }

    /** An object whose known members have these shapes (others pass). */
    private record ObjectOf(Map<String, Expect> members) implements Expect {
    }

    /** An object whose every value has this shape ({@code responses}, {@code content}). */
    private record MapOf(Expect value) implements Expect {
    }

    private record ListOf(Expect item) implements Expect {
    }

    private record Any() implements Expect {
    }

    private static final Expect STRING = new Scalar(JsonToken.VALUE_STRING, "a string");
    private static final Expect BOOLEAN = new Scalar(null, "true or false");
    private static final Expect ANY = new Any();
    private static final Expect OBJECT = new ObjectOf(Map.of());
    private static final Expect MEDIA_TYPE = new ObjectOf(Map.of("schema", ANY, "examples", new MapOf(OBJECT),
            "encoding", OBJECT));
    private static final Expect CONTENT = new MapOf(MEDIA_TYPE);
    private static final Expect HEADER = new ObjectOf(Map.of("description", STRING, "required", BOOLEAN,
            "schema", ANY, "content", CONTENT));
    static final Expect PARAMETER = new ObjectOf(Map.of("name", STRING, "in", STRING, "description", STRING,
            "required", BOOLEAN, "deprecated", BOOLEAN, "allowEmptyValue", BOOLEAN, "explode", BOOLEAN,
            "schema", ANY, "content", CONTENT, "examples", new MapOf(OBJECT)));
    static final Expect PARAMETERS = new ListOf(PARAMETER);
    private static final Expect REQUEST_BODY = new ObjectOf(Map.of("description", STRING, "required", BOOLEAN,
            "content", CONTENT));
    private static final Expect RESPONSE = new ObjectOf(Map.of("description", STRING, "content", CONTENT,
            "headers", new MapOf(HEADER), "links", OBJECT));
    /** An operation's members (besides operationId, checked where it is read). */
    static final Map<String, Expect> OPERATION = Map.of("parameters", PARAMETERS, "requestBody", REQUEST_BODY,
            "responses", new MapOf(RESPONSE), "callbacks", OBJECT, "tags", new ListOf(STRING),
            "security", new ListOf(OBJECT), "servers", new ListOf(OBJECT), "summary", STRING,
            "description", STRING, "deprecated", BOOLEAN);

    private OperationShape() {
    }

    /**
     * Checks the value at the parser's current token (its first token, {@code token}) against {@code expect},
     * leaving the parser on the value's last token.
     *
     * @param what the value as a person names it ("'parameters'", "parameter 0")
     */
    static void check(JsonParser parser, JsonToken token, Expect expect, String what, String pointer)
            throws IOException {
        if (expect instanceof Any) {
            parser.skipChildren();
        } else if (expect instanceof Scalar scalar) {
            boolean ok = scalar.token() == null ? token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                    : token == scalar.token();
            if (!ok) {
                throw SpecIndexer.problem(parser, pointer, what + " must be " + scalar.words());
            }
            parser.skipChildren();
        } else if (expect instanceof ListOf list) {
            SpecIndexer.expect(parser, token, JsonToken.START_ARRAY, what, pointer);
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                check(parser, token, list.item(), itemName(what, index), pointer + "/" + index);
                index++;
            }
        } else if (expect instanceof MapOf map) {
            SpecIndexer.expect(parser, token, JsonToken.START_OBJECT, what, pointer);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.startsWith("x-") || key.equals("$ref")) {
                    parser.skipChildren();
                } else {
                    check(parser, value, map.value(), what + " '" + key + "'", pointer + PointerLocator.pointer(key));
                }
            }
        } else if (expect instanceof ObjectOf object) {
            SpecIndexer.expect(parser, token, JsonToken.START_OBJECT, what, pointer);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                Expect member = object.members().get(key);
                if (member == null) {
                    parser.skipChildren();
                } else {
                    check(parser, value, member, "'" + key + "'", pointer + PointerLocator.pointer(key));
                }
            }
        }
    }

    /** "parameter 0" for an item of 'parameters', else "item 0 of …". */
    private static String itemName(String list, int index) {
        return list.equals("'parameters'") ? "parameter " + index : "item " + index + " of " + list;
    }
}
