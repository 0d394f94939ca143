package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.state.TenantResolver;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code GET /__twin/webhooks}: the delivery log, newest first. {@code POST /__twin/webhooks/{event}/resend}: delivers
 * a kept event again to every webhook that wants its type (attempts count from 1 again). {@code POST /__twin/webhooks/trigger} with
 * {@code {"type": "payment_intent.succeeded", "tenant": "sk_test_...", "object": {...}}}: emits that event by hand
 * (stored for the tenant and delivered like any other); {@code tenant} defaults to the anonymous tenant.
 */
public final class WebhookAdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookDispatcher dispatcher;
    private final EventEmitter emitter;
    private final EventLog events;
    private final Supplier<TenantResolver> tenants;

    public WebhookAdminEndpoints(WebhookDispatcher dispatcher, EventEmitter emitter, EventLog events,
                                 Supplier<TenantResolver> tenants) {
        this.dispatcher = dispatcher;
        this.emitter = emitter;
        this.events = events;
        this.tenants = tenants;
    }

    public void register(AdminRoutes routes) {
        routes.add("GET", "/__twin/webhooks", (request, params) -> deliveries());
        routes.add("POST", "/__twin/webhooks/trigger", (request, params) -> trigger(request));
        routes.add("POST", "/__twin/webhooks/{event}/resend", (request, params) -> resend(params.get("event")));
    }

    private TwinResponse resend(String eventId) {
        LoggedEvent event = events.find(eventId).orElse(null);
        if (event == null) {
            return ErrorResponses.error(404, "not_found", "No event '" + eventId + "' is kept (a reset forgets"
                    + " events, and each tenant keeps its latest events.keep of them).", "event");
        }
        int webhooks = dispatcher.webhooksFor(event.type());
        if (webhooks == 0) {
            return ErrorResponses.error(409, "invalid_request_error", "No configured webhook wants events of type "
                    + event.type() + ".", "event");
        }
        dispatcher.dispatch(null, event); // to the configured webhooks, as the count above says
        return TwinResponse.json(202, JSON.createObjectNode().put("event", eventId).put("type", event.type())
                .put("webhooks", webhooks).toString());
    }

    private TwinResponse deliveries() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("deliveries");
        for (Delivery d : dispatcher.deliveries()) {
            ObjectNode entry = list.addObject();
            entry.put("at", d.at().toString());
            entry.put("event", d.eventId());
            entry.put("type", d.type());
            entry.put("url", d.url());
            entry.put("attempt", d.attempt());
            entry.put("status", d.status());
            entry.put("error", d.error());
        }
        return TwinResponse.json(200, body.toString());
    }

    private TwinResponse trigger(TwinRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject() || !body.path("type").isTextual() || body.get("type").asText().isBlank()) {
            return ErrorResponses.error(400, "invalid_request_error",
                    "the body must be a JSON object with a \"type\" (the event type, e.g. customer.created)", "type");
        }
        JsonNode object = body.get("object");
        if (object != null && !object.isObject()) {
            return ErrorResponses.error(400, "invalid_request_error", "\"object\" must be a JSON object", "object");
        }
        String tenant = body.path("tenant").isTextual()
                ? tenants.get().tenantFromOperator(body.get("tenant").asText()) : TenantResolver.ANONYMOUS;
        ObjectNode event = emitter.trigger(tenant, body.get("type").asText(), object);
        return TwinResponse.json(201, event.toString());
    }
}
