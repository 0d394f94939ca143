package dev.twin.replayer.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code server.etag} — the digest an API sends as the {@code ETag} of its JSON answers, computed by the
 * twin over its own body bytes: Express's weak {@code W/"<length in hex>-<first 27 of base64 SHA-1>"}, or a
 * strong quoted hex MD5, SHA-1 or SHA-256.
 */
public enum EtagScheme {
    NONE, WEAK_SHA1, MD5, SHA1, SHA256;

    /** The name twin.yaml uses: {@code weak-sha1}, {@code md5}, … */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The ETag header value for these body bytes; null for {@link #NONE}. */
    public String tagOf(byte[] body) {
        return switch (this) {
            case WEAK_SHA1 -> "W/\"" + Integer.toHexString(body.length) + "-"
                    + Base64.getEncoder().encodeToString(digest("SHA-1", body)).substring(0, 27) + "\"";
            case MD5 -> "\"" + HexFormat.of().formatHex(digest("MD5", body)) + "\"";
            case SHA1 -> "\"" + HexFormat.of().formatHex(digest("SHA-1", body)) + "\"";
            case SHA256 -> "\"" + HexFormat.of().formatHex(digest("SHA-256", body)) + "\"";
            case NONE -> null;
        };
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
