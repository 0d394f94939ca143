package dev.twin.recorder;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyDecoderTest {
    private static final String TEXT = "hello hello hello hello hello hello hello, a body that compresses well";

    @Test
    void zlibDeflateIsDecoded() throws IOException {
        byte[] deflated = compress(false);

        Body decoded = BodyDecoder.decode(new Body(deflated, false, deflated.length, "deflate"));

        assertEquals(TEXT, decoded.text());
        assertEquals("deflate", decoded.contentEncoding());
    }

    @Test
    void rawDeflateWithoutZlibWrapperIsDecoded() throws IOException {
        byte[] raw = compress(true);

        assertEquals(TEXT, BodyDecoder.decode(new Body(raw, false, raw.length, "deflate")).text());
    }

    @Test
    void truncatedGzipDecodesAsFarAsItGoesAndStaysTruncated() throws IOException {
        byte[] longText = TEXT.repeat(2000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(longText);
        }
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);

        Body decoded = BodyDecoder.decode(new Body(cut, true, out.size(), "gzip"));

        assertTrue(decoded.truncated());
        assertTrue(decoded.text().startsWith("hello hello"));
        assertTrue(BodyDecoder.isDecoded(decoded));
    }

    @Test
    void corruptGzipIsKeptAsReceivedAndMarkedUndecoded() {
        byte[] garbage = "not gzip at all".getBytes(StandardCharsets.UTF_8);

        Body result = BodyDecoder.decode(new Body(garbage, false, garbage.length, "gzip"));

        assertEquals("not gzip at all", result.text());
        assertEquals("gzip;undecoded", result.contentEncoding());
        assertFalse(BodyDecoder.isDecoded(result));
    }

    private static byte[] compress(boolean withoutZlibWrapper) throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(target, new Deflater(9, withoutZlibWrapper))) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        return target.toByteArray();
    }
}
