package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * The error a custom-operation step answers with (a failed {@code validate}, a {@code fail}, a {@code read} that
 * finds nothing).
 *
 * @param code    the {@code code} field (string or number); null = {@code conventions.errors.codeMap}
 * @param message an expression; null = a generic message for the kind
 * @param param   the {@code param} field; null = none
 * @param status  HTTP status; null = {@code conventions.errors.status}
 * @param type    the {@code type} field ({@code card_error}); null = {@code conventions.errors.typeMap}
 * @param extra   field → expression: more fields of the error body ({@code decline_code}, the declined
 *                {@code payment_intent} as its table shows it); a field named like a standard part replaces it
 */
public record StepError(ErrorKind kind, JsonNode code, Expression message, String param, Integer status,
                        String type, Map<String, Expression> extra) {
    public StepError(ErrorKind kind, JsonNode code, Expression message, String param, Integer status) {
        this(kind, code, message, param, status, null, null);
    }

    public StepError {
        Objects.requireNonNull(kind, "kind");
        extra = extra == null ? Map.of() : Merging.copy(extra);
    }
}
