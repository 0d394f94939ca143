package dev.twin.replayer.internal.callback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.http.TwinResponse;

/**
 * {@code GET /__twin/callbacks}: every callback attempt, newest first (rule, row, method, URL, form fields, whether
 * it was signed, attempt, status, error). {@code DELETE /__twin/callbacks} forgets them.
 */
public final class CallbackAdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallbackDispatcher dispatcher;

    public CallbackAdminEndpoints(CallbackDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void register(AdminRoutes routes) {
        routes.add("GET", "/__twin/callbacks", (request, params) -> deliveries());
        routes.add("DELETE", "/__twin/callbacks", (request, params) -> TwinResponse.json(200,
                JSON.createObjectNode().put("removed", dispatcher.clearLog()).toString()));
    }

    private TwinResponse deliveries() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("deliveries");
        for (CallbackDelivery d : dispatcher.deliveries()) {
            ObjectNode entry = list.addObject();
            entry.put("at", d.at().toString());
            entry.put("callback", d.callback());
            entry.put("table", d.table());
            entry.put("id", d.id());
            entry.put("method", d.method());
            entry.put("url", d.url());
            ObjectNode params = entry.putObject("params");
            d.params().forEach(params::put);
            entry.put("signed", d.signed());
            entry.put("attempt", d.attempt());
            entry.put("status", d.status());
            entry.put("error", d.error());
        }
        return TwinResponse.json(200, body.toString());
    }
}
