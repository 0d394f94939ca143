package dev.twin.replayer.config;

import dev.twin.replayer.internal.http.ErrorKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * A scenario's error: rendered by the operation's {@code errors} convention, then adjusted.
 *
 * @param status   overrides the kind's status (Stripe's card errors are 402), or null
 * @param type     overrides the kind's {@code type} part ({@code card_error}), or null
 * @param code     overrides the kind's code, or null
 * @param message  a Handlebars template ({@code "The 'To' number {{input.To}} is not a valid phone number."})
 * @param extra    fields added next to the others ({@code decline_code}); string values are templates
 * @param rowField when set, the affected row (as the operation answered it) is added under this name
 *                 (Stripe puts the declined {@code payment_intent} in the error)
 */
public record ScenarioError(ErrorKind kind, Integer status, String type, JsonNode code, String message, String param,
                            ObjectNode extra, String rowField) {
    public ScenarioError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
