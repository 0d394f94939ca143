package dev.twin.replayer.internal.pipeline;

import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.validation.DecodedRequest;

import java.util.Optional;

/**
 * A link of the request pipeline, asked after routing and validation, before recordings and the spec: it answers the
 * request, or returns empty for the next link (finally the spec) to answer. The sandbox controls (scenarios, rate
 * limits, faults, events) and the tables are each one link, each wrapping the next. Runs on the event loop: it must
 * not block (hand slow writes to an executor of its own).
 */
@FunctionalInterface
public interface Responder {
    /** A link that answers nothing. */
    Responder NONE = (routed, decoded) -> Optional.empty();

    Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded);

    /**
     * The answer to a request of this operation that validation refused, in the provider's error shape when the
     * operation is bound to a table; empty = the server's own error body.
     */
    default Optional<TwinResponse> rejection(RoutedRequest routed, TwinError error) {
        return Optional.empty();
    }
}
