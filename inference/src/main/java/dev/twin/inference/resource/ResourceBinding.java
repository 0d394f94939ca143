package dev.twin.inference.resource;

import dev.twin.inference.operation.OperationStats;
import dev.twin.replayer.config.Binding.Action;

import java.util.Map;

/**
 * One operation bound to a resource's table: the action, and for operations under a parent
 * ({@code GET /posts/{post}/comments}) the row field each parent path parameter fills ({@code post → postId}).
 *
 * @param view the list's own shape of the rows ({@code extend[].view}), or null
 */
public record ResourceBinding(Action action, OperationStats op, Map<String, String> parentFields, ListView view) {
    public ResourceBinding {
        parentFields = Map.copyOf(parentFields);
    }

    public ResourceBinding(Action action, OperationStats op, Map<String, String> parentFields) {
        this(action, op, parentFields, null);
    }
}
