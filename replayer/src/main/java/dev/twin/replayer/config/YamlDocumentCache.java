package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.startup.StartupCache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed tree and source map of a twin.yaml, kept in the start-up cache under the checksum of its text. Parsing
 * YAML is the largest part of reading a config at launch (snakeyaml runs interpreted then: ~0.1 s for the Stripe
 * example), while reading the same tree back from this binary form takes a few milliseconds. Only documents
 * without problems are kept; locations are stored without the file name, so they name the file as this launch does.
 */
final class YamlDocumentCache {
    private static final String KIND = "config";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private enum Tag { OBJECT, ARRAY, INT, LONG, BIG_INTEGER, DECIMAL, TRUE, FALSE, NULL, TEXT }

    private static final Tag[] TAGS = Tag.values(); // values() copies its array on every call

    private YamlDocumentCache() {
    }

    /** The document {@code text} parses to, from the cache when an earlier launch stored it. */
    static YamlDocument read(StartupCache cache, Path file, String text) throws ConfigException {
        String key = cache.keyOf(text.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            Optional<YamlDocument> cached = cache.read(key, KIND).flatMap(in -> decode(in, file));
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        YamlDocument document = YamlTreeReader.read(file, text);
        if (key != null && document.problems().isEmpty()) {
            cache.write(key, KIND, out -> encode(out, document));
        }
        return document;
    }

    static void encode(DataOutputStream out, YamlDocument document) throws IOException {
        writeNode(out, document.root());
        SourceMap map = document.sourceMap();
        writeLocations(out, map.values());
        writeLocations(out, map.keys());
        out.writeInt(map.scalarTexts().size());
        for (Map.Entry<String, String> entry : map.scalarTexts().entrySet()) {
            writeString(out, entry.getKey());
            writeString(out, entry.getValue());
        }
    }

    /** The stored document, or empty when the entry does not decode (a miss: the YAML is parsed again). */
    static Optional<YamlDocument> decode(DataInputStream in, Path file) {
        try {
            JsonNode root = readNode(in);
            Map<String, SourceLocation> values = readLocations(in, file);
            Map<String, SourceLocation> keys = readLocations(in, file);
            int texts = in.readInt();
            Map<String, String> scalarTexts = new HashMap<>();
            for (int i = 0; i < texts; i++) {
                scalarTexts.put(readString(in), readString(in));
            }
            return Optional.of(new YamlDocument(root, new SourceMap(file, values, keys, scalarTexts), List.of()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeNode(DataOutputStream out, JsonNode node) throws IOException {
        if (node.isObject()) {
            out.writeByte(Tag.OBJECT.ordinal());
            out.writeInt(node.size());
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                writeString(out, field.getKey());
                writeNode(out, field.getValue());
            }
        } else if (node.isArray()) {
            out.writeByte(Tag.ARRAY.ordinal());
            out.writeInt(node.size());
            for (JsonNode element : node) {
                writeNode(out, element);
            }
        } else if (node.isInt()) {
            out.writeByte(Tag.INT.ordinal());
            out.writeInt(node.intValue());
        } else if (node.isLong()) {
            out.writeByte(Tag.LONG.ordinal());
            out.writeLong(node.longValue());
        } else if (node.isBigInteger()) {
            out.writeByte(Tag.BIG_INTEGER.ordinal());
            writeString(out, node.bigIntegerValue().toString());
        } else if (node.isBigDecimal()) {
            out.writeByte(Tag.DECIMAL.ordinal());
            writeString(out, node.decimalValue().toString());
        } else if (node.isBoolean()) {
            out.writeByte((node.booleanValue() ? Tag.TRUE : Tag.FALSE).ordinal());
        } else if (node.isNull()) {
            out.writeByte(Tag.NULL.ordinal());
        } else if (node.isTextual()) {
            out.writeByte(Tag.TEXT.ordinal());
            writeString(out, node.textValue());
        } else {
            throw new IOException("a " + node.getNodeType() + " node is not written by the YAML reader");
        }
    }

    private static JsonNode readNode(DataInputStream in) throws IOException {
        Tag tag = TAGS[in.readUnsignedByte()];
        switch (tag) {
            case OBJECT: {
                ObjectNode object = NODES.objectNode();
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    String name = readString(in);
                    object.set(name, readNode(in));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    array.add(readNode(in));
                }
                return array;
            }
            case INT:
                return NODES.numberNode(in.readInt());
            case LONG:
                return NODES.numberNode(in.readLong());
            case BIG_INTEGER:
                return NODES.numberNode(new BigInteger(readString(in)));
            case DECIMAL:
                return NODES.numberNode(new BigDecimal(readString(in)));
            case TRUE:
                return NODES.booleanNode(true);
            case FALSE:
                return NODES.booleanNode(false);
            case NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(readString(in));
        }
    }

    private static void writeLocations(DataOutputStream out, Map<String, SourceLocation> locations)
            throws IOException {
        out.writeInt(locations.size());
        for (Map.Entry<String, SourceLocation> entry : locations.entrySet()) {
            writeString(out, entry.getKey());
            out.writeInt(entry.getValue().line());
            out.writeInt(entry.getValue().column());
        }
    }

    private static Map<String, SourceLocation> readLocations(DataInputStream in, Path file) throws IOException {
        int size = in.readInt();
        Map<String, SourceLocation> locations = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            locations.put(readString(in), new SourceLocation(file, in.readInt(), in.readInt()));
        }
        return locations;
    }

    /** Length-prefixed UTF-8 ({@code writeUTF} stops at 64 KB, and a YAML block scalar may be longer). */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("corrupt string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
