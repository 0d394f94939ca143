package dev.twin.replayer.internal.journal;

/** An event a request's writes emitted (or {@code twin trigger} made), by id and type. */
public record EmittedEvent(String tenant, String id, String type) {
}
