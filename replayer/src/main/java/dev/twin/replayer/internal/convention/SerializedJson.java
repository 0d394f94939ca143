package dev.twin.replayer.internal.convention;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON value serialised once (compact, UTF-8), then written as it is: as a whole answer's body ({@link #bytes})
 * or inside a larger JSON tree ({@link #asNode}, a list's envelope around its items), without walking its tree
 * again. Read-only: the bytes are shared by every answer that sends them.
 */
public final class SerializedJson implements JsonSerializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] bytes;

    private SerializedJson(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SerializedJson of(JsonNode value) {
        try {
            return new SerializedJson(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The JSON; shared, never to be changed. */
    public byte[] bytes() {
        return bytes;
    }

    /** A node of a Jackson tree that writes these bytes where it stands (for placing only: it has no fields). */
    public JsonNode asNode() {
        return JsonNodeFactory.instance.pojoNode(this);
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeRawValue(new Raw());
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer types)
            throws IOException {
        serialize(generator, provider);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes as the generator takes a raw value; the quoted forms (for strings and names) are never asked. */
    private final class Raw implements SerializableString {
        @Override
        public String getValue() {
            return SerializedJson.this.toString();
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return -1; // a character-based generator then writes getValue()
        }

        @Override
        public char[] asQuotedChars() {
            throw notAString();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw notAString();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw notAString();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw notAString();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw notAString();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw notAString();
        }

        private UnsupportedOperationException notAString() {
            return new UnsupportedOperationException("serialised JSON is written raw, never quoted as a string");
        }
    }
}
