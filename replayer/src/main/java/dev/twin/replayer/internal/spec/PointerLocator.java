package dev.twin.replayer.internal.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return locateAll(text, json, List.of(pointer)).get(pointer);
    }

    /**
     * {@link #locate} for many pointers in one pass over the text (a 5 MB YAML spec takes a while to tokenize):
     * only the containers on the way to a wanted pointer are entered, everything else is skipped.
     */
    static Map<String, Position> locateAll(byte[] text, boolean json, Collection<String> pointers) {
        Set<String> onTheWay = new HashSet<>();
        for (String pointer : pointers) {
            for (String prefix = pointer; !prefix.isEmpty(); prefix = parent(prefix)) {
                onTheWay.add(prefix);
            }
        }
        Map<String, Position> reached = new HashMap<>();
        try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
            if (parser.nextToken() != null) {
                enter(parser, "", onTheWay, reached);
            }
        } catch (IOException | RuntimeException unreadable) {
            // the text is broken past the part already walked: the nearest positions will do
        }
        Map<String, Position> result = new HashMap<>();
        for (String pointer : pointers) {
            String prefix = pointer;
            while (!prefix.isEmpty() && !reached.containsKey(prefix)) {
                prefix = parent(prefix);
            }
            result.put(pointer, reached.getOrDefault(prefix, Position.START));
        }
        return result;
    }

    /** From a container's first token to its last, noting where each child on the way to a wanted pointer is. */
    private static void enter(JsonParser parser, String pointer, Set<String> onTheWay, Map<String, Position> reached)
            throws IOException {
        JsonToken container = parser.currentToken();
        if (container == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = pointer + "/" + escape(parser.currentName());
                Position key = position(parser.currentTokenLocation());
                parser.nextToken();
                visit(parser, child, key, onTheWay, reached);
            }
        } else if (container == JsonToken.START_ARRAY) {
            JsonToken token;
            for (int index = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY && token != null; index++) {
                visit(parser, pointer + "/" + index, position(parser.currentTokenLocation()), onTheWay, reached);
            }
        }
    }

    private static void visit(JsonParser parser, String child, Position at, Set<String> onTheWay,
                              Map<String, Position> reached) throws IOException {
        if (!onTheWay.contains(child)) {
            parser.skipChildren();
            return;
        }
        reached.put(child, at);
        if (parser.currentToken().isStructStart()) {
            enter(parser, child, onTheWay, reached);
        }
    }

    /** {@code /a/b} for {@code /a/b/c}; empty for a top-level member. */
    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
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
            pointer.append('/').append(escape(segment));
        }
        return pointer.toString();
    }

    /** One pointer segment: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
