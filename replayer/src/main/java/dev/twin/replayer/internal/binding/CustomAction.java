package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.custom.CustomOperationRunner;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.List;
import java.util.Map;

/**
 * {@code custom}: runs a configured custom operation with {@code input} = path parameters, then query
 * parameters, then body fields (later ones win). When the binding names a table, its answer is taken as one of that
 * table's rows for {@code expand[]} ({@code expand[]=latest_invoice.payment_intent} on a subscription create). A
 * response that is null answers the status with no body.
 */
final class CustomAction implements BindingAction {
    private final CustomOperationRunner runner;
    private final int status;
    private final Rows rows;

    /** @param rows the bound table's rows, for {@code expand[]}; null when the binding names no table */
    CustomAction(CustomOperationRunner runner, int status, Rows rows) {
        this.runner = runner;
        this.status = status;
        this.rows = rows;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        request.routed().pathParams().forEach(input::put);
        for (Map.Entry<String, List<String>> query : request.routed().request().query().entrySet()) {
            if (!query.getValue().isEmpty() && !query.getKey().contains("[")) {
                input.put(query.getKey(), query.getValue().get(0));
            }
        }
        request.decoded().queryParams().forEach(input::set);
        ObjectNode body = request.fields();
        input.setAll(body);
        JsonNode response = runner.run(tables, input, request.routed().request(), request.decoded().body());
        if (rows != null && !request.expand().isEmpty() && response instanceof ObjectNode object) {
            rows.expand(object, request, tables);
        }
        // a response that is null answers no body: a soft delete answered 200 with nothing
        return status == 204 || response == null || response.isNull() ? JsonResponses.noBody(status)
                : JsonResponses.of(status, response);
    }
}
