package dev.twin.replayer.config;

import java.util.Locale;

/**
 * {@code server.etag} — the digest an API sends as the {@code ETag} of every answer with a body, computed by the
 * twin over its own body bytes: Express's weak {@code W/"<length in hex>-<first 27 of base64 SHA-1>"}, or a
 * strong quoted hex MD5, SHA-1 or SHA-256.
 */
public enum EtagScheme {
    NONE, WEAK_SHA1, MD5, SHA1, SHA256;

    /** The name twin.yaml uses: {@code weak-sha1}, {@code md5}, … */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
