package dev.twin.replayer.internal.webhook;

import dev.twin.replayer.internal.journal.AnswerOrigin;
import dev.twin.replayer.internal.journal.RequestCapture;
import dev.twin.replayer.config.EventsConfig;
import dev.twin.replayer.config.ListStyle;
import dev.twin.replayer.internal.convention.ErrorBodies;
import dev.twin.replayer.internal.convention.NotFoundMessages;
import dev.twin.replayer.internal.convention.Pagination;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.state.StateException;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.List;
import java.util.Optional;

/**
 * Answers {@code events.list} (the tenant's events, newest first, paged by the global list conventions as tables
 * are, plus a {@code type} filter) and {@code events.get} (one event by the operation's last path
 * parameter, else NOT_FOUND). Other operations go on to {@code next}.
 */
public final class EventsResponder implements Responder {
    private final EventsConfig config;
    private final Pagination pagination;
    private final EventLog log;
    private final Responder next;
    private final TenantResolver tenants;
    private final ErrorBodies errors;
    /** The tables' store: with shared state, a tenant's events are brought up to date through it before a read. */
    private final StateStore store;

    public EventsResponder(EventsConfig config, ListStyle list, EventLog log, Responder next,
                           TenantResolver tenants, ErrorBodies errors, StateStore store) {
        this.config = config;
        this.pagination = TableConventions.pagination(list, "id", new NotFoundMessages("event", null));
        this.log = log;
        this.next = next;
        this.tenants = tenants;
        this.errors = errors;
        this.store = store;
    }

    @Override
    public Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded) {
        String operationId = routed.operation().id();
        String tenant = tenants.tenantOf(routed.request());
        boolean list = operationId.equals(config.listOperation());
        if (!list && !operationId.equals(config.getOperation())) {
            return next.respond(routed, decoded);
        }
        RequestCapture.answeredBy(AnswerOrigin.Kind.EVENTS, operationId);
        try {
            store.refresh(tenant);
        } catch (StateException e) {
            return Optional.of(errors.response(e.error(), routed.request()));
        }
        if (list) {
            return Optional.of(list(routed, tenant));
        }
        List<String> names = routed.operation().pathParameterNames();
        String id = names.isEmpty() ? "" : routed.pathParams().get(names.get(names.size() - 1));
        return Optional.of(log.get(tenant, id).map(event -> TwinResponse.json(200, event.toString()))
                .orElseGet(() -> errors.response(new TwinError(ErrorKind.NOT_FOUND, "No such event: '" + id + "'",
                        "id"), routed.request())));
    }

    private TwinResponse list(RoutedRequest routed, String tenant) {
        TwinRequest request = routed.request();
        String type = request.queryParam("type");
        try {
            return TwinResponse.json(200, log.read(tenant, type, events -> pagination.page(events, request))
                    .body().toString());
        } catch (StateException e) {
            return errors.response(e.error(), request);
        }
    }

    @Override
    public Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        return next.rejection(routed, error);
    }
}
