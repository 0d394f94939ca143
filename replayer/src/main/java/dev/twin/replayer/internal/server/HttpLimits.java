package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.ServerLimits;

/**
 * The largest request the server reads; a larger one is answered with the status that names the part too large
 * (414, 431, 413) and the limit, and its connection is closed.
 *
 * @param maxUrlLength   characters in the request target (path and query)
 * @param maxHeaderBytes bytes of all header lines together
 * @param maxHeaderCount header lines
 * @param maxBodyBytes   bytes of the body
 */
public record HttpLimits(int maxUrlLength, int maxHeaderBytes, int maxHeaderCount, int maxBodyBytes) {
    public static final HttpLimits DEFAULTS = of(ServerLimits.DEFAULTS);

    public HttpLimits {
        atLeast(maxUrlLength, ServerLimits.MIN_URL_LENGTH, "URL length");
        atLeast(maxHeaderBytes, ServerLimits.MIN_HEADER_SIZE, "header size");
        atLeast(maxHeaderCount, 1, "header count");
        atLeast(maxBodyBytes, 0, "body size");
    }

    /** The sizes twin.yaml's {@code server.limits} sets (its defaults where it sets none). */
    public static HttpLimits of(ServerLimits limits) {
        return new HttpLimits(limits.maxUrlLength(), limits.maxHeaderSize(), limits.maxHeaders(), limits.maxBodySize());
    }

    public HttpLimits withMaxBodyBytes(int bytes) {
        return new HttpLimits(maxUrlLength, maxHeaderBytes, maxHeaderCount, bytes);
    }

    private static void atLeast(int value, int least, String name) {
        if (value < least) {
            throw new IllegalArgumentException("the largest " + name + " must be at least " + least + ", not " + value);
        }
    }
}
