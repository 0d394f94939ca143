package dev.twin.replayer.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A seed row with where it was written, so id problems point at the row. {@code label} prefixes messages. */
record SeedRow(ObjectNode row, SourceLocation location, String label) {
}
