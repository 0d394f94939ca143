package dev.twin.replayer.internal.binding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.config.WriteIndex;

/**
 * Stamps {@code conventions.writeIndex} fields: the write counter's value at a row's creation and at its last
 * write (etcd's {@code createdIndex} and {@code modifiedIndex}), the value the request's own write takes.
 */
final class WriteIndexes {
    private WriteIndexes() {
    }

    /** A new row: both fields hold this write's index. */
    static void created(WriteIndex rule, ObjectNode data, BoundRequest request) {
        if (rule == null) {
            return;
        }
        long index = request.routed().writeIndex();
        if (rule.created() != null) {
            data.put(rule.created(), index);
        }
        if (rule.modified() != null) {
            data.put(rule.modified(), index);
        }
    }

    /** A write of an existing row: the created field as it was (a replace keeps it), the modified one this write's. */
    static void modified(WriteIndex rule, ObjectNode data, ObjectNode before, BoundRequest request) {
        if (rule == null) {
            return;
        }
        if (rule.created() != null && before != null && before.has(rule.created())) {
            data.set(rule.created(), before.get(rule.created()));
        }
        if (rule.modified() != null) {
            data.put(rule.modified(), request.routed().writeIndex());
        }
    }
}
