package dev.twin.replayer.internal.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Recognises files imported by mistake before a YAML parser makes something odd of them: an empty file, a binary
 * one, an HTML page (a spec URL saved from a browser, or an error page saved instead of the spec).
 */
final class NotASpec {
    private static final int SNIFFED_BYTES = 8192;

    private NotASpec() {
    }

    /** Why {@code bytes} cannot be a spec, located, or null when they might be one. */
    static SpecException problem(Path file, byte[] bytes) {
        String reason = reason(bytes);
        if (reason != null) {
            return new SpecException(file, 1, 1, reason);
        }
        int bad = firstMalformedByte(bytes);
        if (bad >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new SpecException(file, line, bad - lineStart + 1, "not an OpenAPI document: not UTF-8 text "
                    + "(a binary file?)");
        }
        return null;
    }

    /** The offset of the first byte that is not UTF-8, or -1. */
    private static int firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            decoder.decode(in);
            return -1;
        } catch (CharacterCodingException e) {
            return in.position();
        }
    }

    private static String reason(byte[] bytes) {
        int first = -1;
        for (int i = 0; i < Math.min(bytes.length, SNIFFED_BYTES); i++) {
            if (bytes[i] == 0) {
                return "not an OpenAPI document: not text (a binary file?)";
            }
            if (first < 0 && !Character.isWhitespace(bytes[i])) {
                first = i;
            }
        }
        if (first < 0 && bytes.length <= SNIFFED_BYTES) {
            return "not an OpenAPI document: the file is empty";
        }
        if (first >= 0 && bytes[first] == '<') {
            return "not an OpenAPI document: this is HTML or XML (a web page saved instead of the spec?)";
        }
        return null;
    }
}
