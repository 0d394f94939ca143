package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code update.checksum}: a PUT naming, in a query parameter, the digest of the bytes the row will hold
 * ({@code content}) is refused, and writes nothing, when they differ (a Docker registry's {@code DIGEST_INVALID}).
 *
 * @param param  the query parameter holding the digest; a PUT without it is not checked
 * @param form   how the digest is written ({@code sha256:{{sha256}}})
 * @param status the refusal's status; null = VALIDATION_ERROR's
 * @param body   the refusal's body, a template over {@code request}; null = the table's VALIDATION_ERROR error
 */
public record Checksum(String param, DigestForm form, Integer status, JsonNode body) {
    public Checksum {
        body = body == null || body.isNull() ? null : body.deepCopy();
    }
}
