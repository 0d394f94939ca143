package dev.twin.replayer.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line and column of a JSON Pointer ({@code /paths/~1pets~1{petId}/get}) in a spec's own text, JSON or
 * YAML, by streaming through it once. Only used when something is wrong, so nothing is kept from the happy path.
 * A member is located at its key (where a reader looks for it); the nearest existing ancestor when the pointer
 * goes further than the document.
 */
final class PointerLocator {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    /** 1-based line and column. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);
    }

    private PointerLocator() {
    }

    /**
     * Where {@code pointer} is written in {@code text}; else where its nearest written ancestor is; the document's
     * start when nothing of it is found.
     */
    static Position locate(byte[] text, boolean json, String pointer) {
        Position[] found = {Position.START};
        walk(text, json, pointer, found);
        return found[0];
    }

    /** True when {@code text} has a value at {@code pointer}. */
    static boolean has(byte[] text, boolean json, String pointer) {
        return walk(text, json, pointer, new Position[] {Position.START});
    }

    /** Follows {@code pointer}, keeping the last position reached in {@code found}; true when it got to the end. */
    private static boolean walk(byte[] text, boolean json, String pointer, Position[] found) {
        try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
            parser.nextToken();
            for (String segment : segments(pointer)) {
                Position child = descend(parser, segment);
                if (child == null) {
                    return false;
                }
                found[0] = child;
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false; // the text is broken past the part already walked: the nearest position will do
        }
    }

    /**
     * From a container's first token to the value {@code segment} names, leaving the parser on that value's first
     * token; the position of its key (or of the element); null when the container has no such child.
     */
    private static Position descend(JsonParser parser, String segment) throws IOException {
        JsonToken container = parser.currentToken();
        if (container == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = parser.currentName().equals(segment);
                Position key = position(parser.currentTokenLocation());
                parser.nextToken();
                if (match) {
                    return key;
                }
                parser.skipChildren();
            }
            return null;
        }
        if (container == JsonToken.START_ARRAY && !segment.isEmpty() && segment.length() < 10
                && segment.chars().allMatch(Character::isDigit)) {
            int wanted = Integer.parseInt(segment);
            JsonToken token;
            for (int index = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY && token != null; index++) {
                if (index == wanted) {
                    return position(parser.currentTokenLocation());
                }
                parser.skipChildren();
            }
        }
        return null;
    }

    private static Position position(JsonLocation location) {
        return new Position(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /** {@code /paths/~1pets} for {@code ("paths", "/pets")}: RFC 6901 escaping. */
    static String pointer(String... segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
