package dev.twin.replayer.internal.journal;

import java.util.Objects;

/**
 * The sandbox control that answered a request, or changed its answer, as the journal shows it.
 *
 * @param name the scenario's or fault rule's or rate limit's name; the operation for {@link Kind#EVENTS}
 */
public record AnswerOrigin(Kind kind, String name) {
    public enum Kind {
        /** A scenario answered ({@code Twin-Scenario}, or its {@code when.match}). */
        SCENARIO,
        /** A fault rule replaced the answer. */
        FAULT,
        /** A fault rule only delayed the answer. */
        LATENCY,
        /** A rate limit's empty bucket answered 429. */
        RATE_LIMIT,
        /** The events list or get operation answered from the event log. */
        EVENTS
    }

    public AnswerOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
