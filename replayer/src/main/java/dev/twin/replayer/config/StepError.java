package dev.twin.replayer.config;

import dev.twin.replayer.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The error a custom-operation step answers with (a failed {@code validate}; a {@code read} that finds nothing).
 *
 * @param code    the {@code code} field (string or number); null = {@code conventions.errors.codeMap}
 * @param message an expression; null = a generic message for the kind
 * @param param   the {@code param} field; null = none
 * @param status  HTTP status; null = {@code conventions.errors.status}
 */
public record StepError(ErrorKind kind, JsonNode code, Expression message, String param, Integer status) {
    public StepError {
        Objects.requireNonNull(kind, "kind");
    }
}
