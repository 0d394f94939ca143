package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.TenantTables;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.io.IOException;
import java.util.Iterator;

/**
 * An item action whose answers put the row under one member, beside the action's constant members
 * ({@code conventions.itemEnvelope}: etcd's {@code {"action": "get", "node": {...}}}, Rails'
 * {@code {"user": {...}}}). A request body wrapped the same way is handed to the action unwrapped, so the row
 * stored is the inner object. A write of an existing row may show the row as it was before, in another member
 * (etcd's {@code prevNode}). Error answers and answers with no body are left as they are.
 */
final class EnvelopedAction implements BindingAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BindingAction action;
    private final String field;
    /** The constant members before the row, or null. */
    private final ObjectNode extraFields;
    /** The member showing the row as it was before the write, or null. */
    private final String previous;
    private final TableConventions table;

    EnvelopedAction(BindingAction action, String field, ObjectNode extraFields, String previous,
                    TableConventions table) {
        this.action = action;
        this.field = field;
        this.extraFields = extraFields;
        this.previous = previous;
        this.table = table;
    }

    @Override
    public TwinResponse run(BoundRequest request, TenantTables tables) {
        // read in the write's own transaction: the row the write then changes
        ObjectNode before = previous == null || request.id() == null ? null : tables.get(table.table(), request.id())
                .filter(row -> !Rows.isDeleted(row)).map(row -> table.shaper().shape(row)).orElse(null);
        TwinResponse response = action.run(unwrapped(request), tables);
        if (response.status() >= 300 || response.body().length == 0
                || !"application/json".equals(response.header("Content-Type"))) {
            return response;
        }
        try {
            JsonNode row = JSON.readTree(response.body());
            ObjectNode wrapped = JSON.createObjectNode();
            if (extraFields != null) {
                wrapped.setAll(extraFields.deepCopy());
            }
            wrapped.set(field, row);
            if (before != null) {
                wrapped.set(previous, before);
            }
            return response.withBody(JSON.writeValueAsBytes(wrapped));
        } catch (IOException e) {
            throw new IllegalStateException("an action's own JSON answer always parses", e);
        }
    }

    /**
     * The request with its body's envelope member as the body, when the body is that member (an object) and
     * nothing but the action's constant members beside it.
     */
    private BoundRequest unwrapped(BoundRequest request) {
        DecodedRequest decoded = request.decoded();
        if (!(decoded.body() instanceof ObjectNode body) || !(body.get(field) instanceof ObjectNode inner)) {
            return request;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(field) && (extraFields == null || !extraFields.has(name))) {
                return request;
            }
        }
        DecodedRequest innerRequest = new DecodedRequest(decoded.request(), decoded.pathParams(),
                decoded.queryParams(), decoded.headerParams(), decoded.cookieParams(), decoded.mediaType(),
                decoded.bodyFormat(), inner, decoded.problems(), decoded.overLimit());
        return new BoundRequest(request.routed(), innerRequest, request.id(), request.parentParams(),
                request.expand());
    }
}
