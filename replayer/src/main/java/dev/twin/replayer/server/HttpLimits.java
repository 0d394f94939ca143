package dev.twin.replayer.server;

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
    public static final HttpLimits DEFAULTS = new HttpLimits(8192, 16 * 1024, 100, 10 * 1024 * 1024);

    public HttpLimits {
        atLeast(maxUrlLength, 16, "URL length");
        atLeast(maxHeaderBytes, 256, "header size");
        atLeast(maxHeaderCount, 1, "header count");
        atLeast(maxBodyBytes, 0, "body size");
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
