package dev.twin.replayer.internal.callback;

import java.net.URI;
import java.util.Map;

/**
 * One callback ready to send: what a rule made of one committed row change.
 *
 * @param target  the URL as the rule gave it (with a GET's fields appended)
 * @param url     {@code target} parsed, or null when it is not a URL (then {@code note} says why)
 * @param form    the form body of a POST; null for a GET
 * @param headers the signature header, when signed
 * @param note    what the log says of a delivery that went through (sent unsigned), or why it cannot be sent
 */
record CallbackRequest(String tenant, String callback, String table, String id, String method, String target,
                       URI url, Map<String, String> params, String form, Map<String, String> headers, String note,
                       int maxAttempts) {
    CallbackRequest {
        params = Map.copyOf(params);
        headers = Map.copyOf(headers);
    }

    /** The rows' callbacks go out one after another: the key of this one's row. */
    String rowKey() {
        return tenant + "\u0000" + table + "\u0000" + id;
    }

    boolean signed() {
        return !headers.isEmpty();
    }
}
