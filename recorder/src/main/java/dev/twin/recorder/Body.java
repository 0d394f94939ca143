package dev.twin.recorder;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A message body as stored: always decoded (no content-encoding applied), possibly cut at the store's size cap.
 *
 * @param bytes          the decoded bytes (at most the cap)
 * @param truncated      true when the body was larger than the cap; {@code originalSize} tells how large
 * @param originalSize   size of the decoded body as it crossed the proxy, in bytes
 * @param contentEncoding the Content-Encoding it travelled with ("gzip", "br", ...), or null when none
 */
public record Body(byte[] bytes, boolean truncated, long originalSize, String contentEncoding) {
    public static final Body EMPTY = new Body(new byte[0], false, 0, null);

    public Body {
        Objects.requireNonNull(bytes, "bytes");
    }

    public static Body of(byte[] bytes) {
        return new Body(bytes, false, bytes.length, null);
    }

    public static Body of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
