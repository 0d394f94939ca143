package dev.twin.proxy.record;

import dev.twin.recorder.Body;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** Copies a body as it streams past, keeping at most {@code limit} bytes and counting the rest. */
final class BodyCapture {
    private final long limit;
    private byte[] bytes = new byte[0];
    private int length;
    private long originalSize;

    BodyCapture(long limit) {
        this.limit = limit;
    }

    void append(ByteBuf content) {
        int readable = content.readableBytes();
        originalSize += readable;
        int kept = (int) Math.min(readable, Math.max(0, limit - length));
        if (kept == 0) {
            return;
        }
        if (length + kept > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(length + kept, bytes.length * 2L)));
        }
        content.getBytes(content.readerIndex(), bytes, length, kept);
        length += kept;
    }

    Body toBody(String contentEncoding) {
        if (originalSize == 0 && contentEncoding == null) {
            return Body.EMPTY;
        }
        byte[] kept = bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
        return new Body(kept, originalSize > length, originalSize, contentEncoding);
    }
}
