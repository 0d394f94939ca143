package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.CreateRule;
import dev.twin.replayer.internal.convention.JsonTemplate;
import dev.twin.replayer.internal.convention.ListEnvelope;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.StateException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code create.forms}: a create sending a text value that does not match its field's pattern is refused before
 * anything is written. Bodies are compiled once; a request costs one match per field named.
 */
final class FormCheck {
    private record Compiled(Pattern pattern, Integer status, JsonTemplate body) {
    }

    private final Map<String, Compiled> forms = new LinkedHashMap<>();

    FormCheck(Map<String, CreateRule.Form> forms) {
        forms.forEach((field, form) -> this.forms.put(field, new Compiled(form.pattern(), form.status(),
                form.body() == null || form.body().isNull() ? null : JsonTemplate.compile(form.body()))));
    }

    /**
     * Nothing when every field with a form was sent matching it (or not sent as text); else the refusal with the
     * configured body, or the table's VALIDATION_ERROR (thrown) naming the field.
     */
    Optional<TwinResponse> refusal(ObjectNode sent, BoundRequest request, int validationStatus) {
        for (Map.Entry<String, Compiled> form : forms.entrySet()) {
            JsonNode value = sent.get(form.getKey());
            if (value == null || !value.isTextual() || form.getValue().pattern().matcher(value.textValue()).matches()) {
                continue;
            }
            Compiled refusal = form.getValue();
            if (refusal.body() == null) {
                throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, "Invalid " + form.getKey()
                        + ": must match the pattern " + refusal.pattern().pattern() + ".", form.getKey()));
            }
            int status = refusal.status() != null ? refusal.status() : validationStatus;
            JsonNode body = refusal.body().render(Map.of("field", form.getKey(), "sent", value.textValue(),
                    "request", ListEnvelope.requestModel(request.routed().request())));
            // a body written as a string is the API's plain-text refusal (Go's http.Error)
            return Optional.of(body.isTextual() ? new TwinResponse(status,
                    Map.of("Content-Type", "text/plain; charset=utf-8"),
                    body.textValue().getBytes(StandardCharsets.UTF_8)) : JsonResponses.of(status, body));
        }
        return Optional.empty();
    }
}
