package dev.twin.replayer.internal.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An event as the {@link EventLog} keeps it: its id and type, and how to build its JSON, which happens the first
 * time someone reads it ({@code GET /v1/events}, a webhook delivery). Most events are never read, and a JSON tree
 * per event, kept until the log forgets it, made every create cost a lot of garbage collection. The builder only
 * reads immutable rows, so building later gives the same JSON.
 */
final class LoggedEvent {
    private final String id;
    private final String type;
    private Supplier<ObjectNode> builder; // null once built
    private ObjectNode json;

    LoggedEvent(String id, String type, Supplier<ObjectNode> builder) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    String id() {
        return id;
    }

    String type() {
        return type;
    }

    /** The event's JSON, built once; callers must not change it (copy it first). */
    synchronized ObjectNode json() {
        if (json == null) {
            json = builder.get();
            builder = null;
        }
        return json;
    }
}
