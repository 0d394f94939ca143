package dev.twin.recorder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes gzip and deflate bodies before they are stored, keeping {@link Body#contentEncoding()} as the note of how
 * the body travelled. Encodings the JDK cannot decode (brotli "br", zstd, ...) and bodies that fail to decode are
 * stored exactly as received, and their contentEncoding gets the suffix {@value #UNDECODED_SUFFIX}
 * (e.g. {@code "br;undecoded"}); {@link #isDecoded(Body)} tells the two cases apart. A truncated body decodes as
 * far as its bytes go and stays marked truncated.
 */
public final class BodyDecoder {
    public static final String UNDECODED_SUFFIX = ";undecoded";
    /** Guards against decompression bombs: decoded output beyond this is cut and marked truncated. */
    static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;

    private BodyDecoder() {
    }

    /** True when the stored bytes are the decoded content (no encoding, or one twin decoded). */
    public static boolean isDecoded(Body body) {
        return body.contentEncoding() == null || !body.contentEncoding().endsWith(UNDECODED_SUFFIX);
    }

    public static Exchange decodeBodies(Exchange exchange) {
        RecordedRequest request = exchange.request();
        RecordedRequest decodedRequest = new RecordedRequest(request.method(), request.scheme(), request.host(),
                request.port(), request.path(), request.rawQuery(), request.headers(), decode(request.body()));
        RecordedResponse response = exchange.response();
        RecordedResponse decodedResponse = response == null ? null
                : new RecordedResponse(response.status(), response.headers(), decode(response.body()));
        return new Exchange(exchange.id(), exchange.session(), exchange.startedAt(), exchange.durationMicros(),
                exchange.clientAddress(), decodedRequest, decodedResponse, exchange.failure(), exchange.tunnelled());
    }

    public static Body decode(Body body) {
        String encoding = body.contentEncoding();
        if (encoding == null || encoding.isBlank() || !isDecoded(body) || body.isEmpty()) {
            return body;
        }
        String[] codings = encoding.toLowerCase(Locale.ROOT).split(",");
        byte[] bytes = body.bytes();
        boolean truncated = body.truncated();
        // Codings are listed in the order they were applied, so undo them from the last.
        for (int i = codings.length - 1; i >= 0; i--) {
            String coding = codings[i].trim();
            if (coding.equals("identity")) {
                continue;
            }
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
                return undecoded(body);
            }
            try {
                Decoded decoded = inflate(coding, bytes, truncated);
                bytes = decoded.bytes;
                truncated = truncated || decoded.cut;
            } catch (IOException e) {
                return undecoded(body);
            }
        }
        return new Body(bytes, truncated, body.originalSize(), encoding);
    }

    private static Body undecoded(Body body) {
        return new Body(body.bytes(), body.truncated(), body.originalSize(),
                body.contentEncoding() + UNDECODED_SUFFIX);
    }

    private record Decoded(byte[] bytes, boolean cut) {
    }

    private static Decoded inflate(String coding, byte[] bytes, boolean inputTruncated) throws IOException {
        if (!coding.equals("deflate")) {
            return readAll(new GZIPInputStream(new ByteArrayInputStream(bytes)), inputTruncated);
        }
        try {
            return readAll(new InflaterInputStream(new ByteArrayInputStream(bytes)), inputTruncated);
        } catch (IOException zlibFailed) {
            // Some servers send raw DEFLATE without the zlib wrapper the RFC asks for.
            return readAll(new InflaterInputStream(new ByteArrayInputStream(bytes), new Inflater(true)),
                    inputTruncated);
        }
    }

    private static Decoded readAll(InputStream in, boolean inputTruncated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                int room = MAX_DECODED_BYTES - out.size();
                if (read > room) {
                    out.write(buffer, 0, room);
                    return new Decoded(out.toByteArray(), true);
                }
                out.write(buffer, 0, read);
            }
        } catch (EOFException e) {
            if (!inputTruncated) {
                throw e;
            }
        }
        return new Decoded(out.toByteArray(), false);
    }
}
