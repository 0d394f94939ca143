package dev.twin.recorder.har;

import dev.twin.recorder.Body;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A body as HAR text: the UTF-8 text when the bytes are valid UTF-8, base64 otherwise. */
record BodyText(String text, boolean base64) {
    static BodyText of(Body body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.bytes()))
                    .toString();
            return new BodyText(text, false);
        } catch (CharacterCodingException binary) {
            return new BodyText(Base64.getEncoder().encodeToString(body.bytes()), true);
        }
    }

    byte[] bytes() {
        return base64 ? Base64.getMimeDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
    }
}
