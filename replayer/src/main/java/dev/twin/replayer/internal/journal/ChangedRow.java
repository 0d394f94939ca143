package dev.twin.replayer.internal.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row a request's transaction changed, as the journal keeps it: {@code before} null when it was created,
 * {@code after} null when it was deleted. The data are the stored rows' own (immutable) trees.
 */
public record ChangedRow(String table, String id, ObjectNode before, ObjectNode after) {
}
