package dev.twin.replayer.internal.state;

/**
 * One row a committed transaction changed: {@code before} null = created, {@code after} null = deleted.
 */
public record RowChange(String table, String id, Row before, Row after) {
}
