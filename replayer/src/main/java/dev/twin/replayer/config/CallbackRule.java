package dev.twin.replayer.config;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code callbacks.send}: after a committed change of a row of {@code table} for which {@code when}
 * holds, the twin sends {@code params} as an HTML form to the URL {@code url} gives (the row's own
 * {@code StatusCallback}, say), signed as {@code signature} says, as a provider calls an application back.
 *
 * @param method     an expression giving {@code GET} or {@code POST}; null = POST
 * @param params     form field → expression over {@code row}, {@code before}, {@code time}; a null value is left out
 * @param signingKey the key of the signature: an expression over {@code row} and {@code password} (the password,
 *                   or Bearer token, the tenant last authenticated with)
 */
public record CallbackRule(String name, String table, Expression when, Expression url, Expression method,
                           Map<String, Expression> params, Signature signature, Expression signingKey,
                           int maxAttempts, SourceLocation location) {
    /** Variables of {@code when}, {@code url}, {@code method} and {@code params}. */
    public static final java.util.List<String> VARIABLES = java.util.List.of("row", "before", "time");
    /** Variables of {@code signingKey}. */
    public static final java.util.List<String> KEY_VARIABLES = java.util.List.of("row", "password");

    /** How a callback is signed. */
    public enum Signature {
        /** {@code X-Twilio-Signature}: base64 HMAC-SHA1 of the URL then each form field's name and value, sorted. */
        TWILIO,
        NONE
    }

    public CallbackRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(url, "url");
        params = Merging.copy(params);
        Objects.requireNonNull(signature, "signature");
    }
}
