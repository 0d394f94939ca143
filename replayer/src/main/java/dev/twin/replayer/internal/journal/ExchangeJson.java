package dev.twin.replayer.internal.journal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.recorder.Body;
import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request's or response's headers and body as the admin API shows them to people: headers as
 * {@code [name, value]} pairs in order, the body as text when it is text, else only its size.
 */
public final class ExchangeJson {
    private ExchangeJson() {
    }

    /** Fills {@code target} with {@code headers}, {@code body} (or {@code bodyBytes} for binary) and truncation. */
    public static ObjectNode message(ObjectNode target, List<Header> headers, Body body) {
        ArrayNode list = target.putArray("headers");
        for (Header header : headers) {
            list.addArray().add(header.name()).add(header.value());
        }
        String contentType = Headers.first(headers, "Content-Type").orElse("");
        String text = text(body.bytes(), contentType);
        if (text != null) {
            target.put("body", text);
        } else {
            target.putNull("body");
            target.put("binaryBytes", body.bytes().length);
        }
        target.put("bodyTruncated", body.truncated());
        if (body.truncated()) {
            target.put("originalSize", body.originalSize());
        }
        return target;
    }

    /** The body as text when it is UTF-8 text (or declared text), else null. */
    static String text(byte[] bytes, String contentType) {
        if (bytes.length == 0) {
            return "";
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean binaryType = type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")
                || type.contains("octet-stream") || type.contains("zip") || type.contains("pdf");
        if (binaryType) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
