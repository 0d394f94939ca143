package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.convention.JsonTemplate;
import dev.twin.replayer.internal.convention.ListEnvelope;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.TenantTables;

import java.util.Map;
import java.util.Optional;

/**
 * A parent path parameter that names a row of another table ({@code parentTables: {vhost: vhosts}}): a request
 * under a parent that is not a live row there is refused before the action runs, as RabbitMQ refuses a queue
 * declared in a vhost that does not exist.
 *
 * @param notFound the body answered then, or null: the parent table's NOT_FOUND error
 */
record ParentRow(String param, TableConventions table, JsonTemplate notFound) {

    /**
     * Nothing when the path names a live row of the parent's table; else the refusal: the {@code notFound} body with
     * the NOT_FOUND status of {@code errors}, or (without one) the parent table's NOT_FOUND error, thrown.
     */
    Optional<TwinResponse> refusal(Map<String, String> pathParams, BoundRequest request, TenantTables tables,
                                   int notFoundStatus) {
        String id = pathParams.get(param);
        if (id == null || tables.get(table.table(), id).filter(row -> !Rows.isDeleted(row)).isPresent()) {
            return Optional.empty();
        }
        if (notFound != null) {
            return Optional.of(JsonResponses.of(notFoundStatus, notFound.render(Map.of("parent", id,
                    "request", ListEnvelope.requestModel(request.routed().request())))));
        }
        throw new StateException(new TwinError(ErrorKind.NOT_FOUND,
                table.notFound().message(id, request.routed().request()), param));
    }
}
