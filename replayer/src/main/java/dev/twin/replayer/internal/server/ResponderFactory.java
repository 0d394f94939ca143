package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.internal.pipeline.Responder;

/**
 * Builds the request pipeline's links for one loaded configuration; called again on every {@code --watch} reload, so
 * the factory (not the responder) is where table state lives if it must survive reloads.
 */
@FunctionalInterface
public interface ResponderFactory {
    /** No links: every request is answered by recordings or the spec. */
    ResponderFactory NONE = api -> Responder.NONE;

    /** @throws ConfigException when the configuration does not fit the loaded specs (e.g. a binding) */
    Responder create(ServedApi api) throws ConfigException;
}
