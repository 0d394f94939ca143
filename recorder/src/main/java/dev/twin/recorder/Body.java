package dev.twin.recorder;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A message body, possibly cut at the recording size cap. Once stored it is always decoded (no content-encoding
 * applied) and {@code contentEncoding} notes how it travelled. A proxy may hand a still-encoded body to an
 * {@link ExchangeSink} with {@code contentEncoding} set; the store decodes it on its own thread before writing.
 *
 * @param bytes          the bytes (at most the cap)
 * @param truncated      true when the body was larger than the cap; {@code originalSize} tells how large
 * @param originalSize   size of the body as it crossed the proxy, in bytes
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
