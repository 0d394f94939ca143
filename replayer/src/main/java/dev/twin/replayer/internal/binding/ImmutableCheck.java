package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ImmutableFields;
import dev.twin.replayer.internal.convention.JsonTemplate;
import dev.twin.replayer.internal.convention.ListEnvelope;
import dev.twin.replayer.internal.convention.PlainValues;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.Row;
import dev.twin.replayer.internal.state.StateException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code update.immutable}: a write sending a field a row keeps with another value is refused before anything is
 * written. The body is compiled once; a request only compares the fields named.
 */
final class ImmutableCheck {
    private final List<String> fields;
    private final Integer status;
    private final JsonTemplate body;

    ImmutableCheck(ImmutableFields immutable) {
        this.fields = immutable == null ? List.of() : immutable.fields();
        this.status = immutable == null ? null : immutable.status();
        this.body = immutable == null || immutable.body() == null ? null : JsonTemplate.compile(immutable.body());
    }

    /**
     * Nothing when every immutable field sent keeps the row's value; else the refusal with the configured body, or
     * the table's VALIDATION_ERROR (thrown) naming the field.
     */
    Optional<TwinResponse> refusal(ObjectNode sent, Row current, BoundRequest request, Rows rows,
                                   dev.twin.replayer.internal.state.TenantTables tables) {
        for (String field : fields) {
            JsonNode value = sent.get(field);
            JsonNode kept = current.data().get(field);
            if (value == null || value.equals(kept)) {
                continue;
            }
            if (body == null) {
                throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, field + " cannot be changed on an "
                        + "existing row", field));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("field", field);
            model.put("sent", PlainValues.toPlain(value));
            model.put("current", kept == null ? "" : PlainValues.toPlain(kept));
            model.put("item", PlainValues.toPlain(rows.shaped(current, request, tables)));
            model.put("request", ListEnvelope.requestModel(request.routed().request()));
            int refused = status != null ? status : rows.table().errors().status(ErrorKind.VALIDATION_ERROR);
            return Optional.of(JsonResponses.of(refused, body.render(model)));
        }
        return Optional.empty();
    }
}
