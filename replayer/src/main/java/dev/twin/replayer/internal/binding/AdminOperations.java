package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.internal.convention.ErrorBodies;
import dev.twin.replayer.internal.custom.CustomOperationRunner;
import dev.twin.replayer.internal.custom.StepFailure;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.response.ErrorResponses;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantResolver;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /__twin/operations/{name}} with {@code {"tenant": "sk_test_...", "input": {...}}}: runs a custom
 * operation for a tenant as a bound request would, in one transaction (its changes emit events as usual), and answers
 * its response or its error in the provider's shape. What happens outside the API on the provider's side (a
 * customer paying on a hosted checkout page) is one call of an operation twin.yaml writes.
 */
final class AdminOperations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CustomOperationRunner> runners;
    private final ErrorBodies errors;
    private final StateStore store;
    private final TenantResolver tenants;

    AdminOperations(Map<String, CustomOperationRunner> runners, ErrorBodies errors, StateStore store,
                    TenantResolver tenants) {
        this.runners = Map.copyOf(runners);
        this.errors = errors;
        this.store = store;
        this.tenants = tenants;
    }

    TwinResponse run(String name, TwinRequest request) {
        CustomOperationRunner runner = runners.get(name);
        if (runner == null) {
            return ErrorResponses.error(404, "invalid_request_error", ConfigProblems.withSuggestion(
                    "no custom operation '" + name + "' in twin.yaml", name, runners.keySet()), "name");
        }
        JsonNode body;
        try {
            body = request.body().length == 0 ? JsonNodeFactory.instance.objectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject() || body.has("input") && !body.get("input").isObject()
                || body.has("tenant") && !body.get("tenant").isTextual()) {
            return ErrorResponses.error(400, "invalid_request_error", "the body must be a JSON object "
                    + "{\"tenant\": \"<API key or tenant key>\", \"input\": {...}}", "input");
        }
        String tenant = body.has("tenant") ? tenants.tenantFromOperator(body.get("tenant").asText())
                : TenantResolver.ANONYMOUS;
        ObjectNode input = body.has("input") ? (ObjectNode) body.get("input").deepCopy()
                : JsonNodeFactory.instance.objectNode();
        try {
            return store.inTransaction(tenant, tables -> {
                try {
                    return TwinResponse.json(200, runner.run(tables, input, request, input).toString());
                } catch (StepFailure e) {
                    if (e.commits()) {
                        return failed(e, request);
                    }
                    throw e;
                }
            });
        } catch (StateException e) {
            return errors.response(e.error(), request);
        } catch (StepFailure e) {
            return failed(e, request);
        }
    }

    private TwinResponse failed(StepFailure e, TwinRequest request) {
        return errors.response(e.error(), e.code(), e.status(), e.type(), e.extra(), request);
    }
}
