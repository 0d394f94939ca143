package dev.twin.replayer.config;

import java.util.Objects;

/**
 * One entry of {@code events.emit}: a committed change of {@code table} of kind {@code on} (where {@code when}, if
 * given, is true over {@code row} and {@code before}) emits an event of {@code type}.
 */
public record EventRule(String table, Change on, Expression when, String type, SourceLocation location) {
    public enum Change { CREATED, UPDATED, DELETED }

    public EventRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(type, "type");
    }
}
