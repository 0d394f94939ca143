package dev.twin.replayer.server;

import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.routing.RoutedRequest;
import dev.twin.replayer.validation.DecodedRequest;

import java.util.Optional;

/**
 * The stateful part of the twin, asked after routing and validation: it answers operations bound to tables
 * ({@code extend}) and returns empty for the rest, which the spec then answers. Runs on the event loop; it must
 * not block (hand slow writes to an executor of its own).
 */
@FunctionalInterface
public interface StatefulResponder {
    StatefulResponder NONE = (routed, decoded) -> Optional.empty();

    Optional<TwinResponse> respond(RoutedRequest routed, DecodedRequest decoded);

    /**
     * The answer to a request of this operation that validation refused, in the provider's error shape when the
     * operation is bound to a table; empty = the server's own error body.
     */
    default Optional<TwinResponse> rejection(RoutedRequest routed, dev.twin.replayer.http.TwinError error) {
        return Optional.empty();
    }

    /**
     * Builds the responder for one loaded configuration; called again on every {@code --watch} reload, so the
     * factory (not the responder) is where table state lives if it must survive reloads.
     */
    @FunctionalInterface
    interface Factory {
        Factory NONE = api -> StatefulResponder.NONE;

        /** @throws dev.twin.replayer.config.ConfigException when the bindings do not fit the loaded specs */
        StatefulResponder create(ServedApi api) throws dev.twin.replayer.config.ConfigException;
    }
}
