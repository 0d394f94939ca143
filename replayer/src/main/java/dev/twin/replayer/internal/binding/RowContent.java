package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ContentRule;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bytes a row of a {@code content} table holds: the raw bodies clients wrote (neither JSON nor a form), kept
 * base64 in a field no answer shows ({@link TableConventions#CONTENT_FIELD}).
 */
final class RowContent {
    private RowContent() {
    }

    /**
     * Keeps the request's raw body in {@code data}, after the bytes {@code previous} held ({@code append}) or in
     * their place; a write without a raw body keeps what {@code previous} held.
     */
    static void keep(TableConventions table, TwinRequest request, ObjectNode data, JsonNode previous) {
        ContentRule rule = table.content();
        if (rule == null) {
            return;
        }
        byte[] before = previous == null ? new byte[0] : bytes(previous);
        byte[] sent = isRaw(request, rule) ? request.body() : new byte[0];
        byte[] kept;
        if (sent.length == 0) {
            kept = before;
        } else if (Boolean.TRUE.equals(rule.append())) {
            kept = new byte[before.length + sent.length];
            System.arraycopy(before, 0, kept, 0, before.length);
            System.arraycopy(sent, 0, kept, before.length, sent.length);
        } else {
            kept = sent;
        }
        if (kept.length > 0 || data.has(TableConventions.CONTENT_FIELD)) {
            data.put(TableConventions.CONTENT_FIELD, Base64.getEncoder().encodeToString(kept));
        }
    }

    /** The bytes a row holds; none when it holds none. */
    static byte[] bytes(JsonNode row) {
        JsonNode kept = row.get(TableConventions.CONTENT_FIELD);
        return kept == null || !kept.isTextual() ? new byte[0] : Base64.getDecoder().decode(kept.textValue());
    }

    /** The row's bytes as the answer, with the table's media type and the digests {@code content.headers} names. */
    static TwinResponse answer(int status, ContentRule rule, JsonNode row) {
        byte[] bytes = bytes(row);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", rule.mediaType());
        rule.headers().forEach((name, form) -> headers.put(name, form.render(bytes)));
        return new TwinResponse(status, headers, bytes);
    }

    /**
     * A body typed as neither JSON nor a form ({@code application/octet-stream}, {@code text/plain}), or typed as
     * the table's own media type (a JSON manifest kept as written): the bytes themselves are what the client wrote,
     * whatever they look like. An untyped body is not taken for content.
     */
    private static boolean isRaw(TwinRequest request, ContentRule rule) {
        String type = request.header("Content-Type");
        if (request.body().length == 0 || type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        int semicolon = lower.indexOf(';');
        String mediaType = (semicolon < 0 ? lower : lower.substring(0, semicolon)).strip();
        if (rule.mediaType() != null && mediaType.equals(rule.mediaType().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return !(lower.contains("json") || lower.startsWith("application/x-www-form-urlencoded")
                || lower.startsWith("multipart/"));
    }
}
