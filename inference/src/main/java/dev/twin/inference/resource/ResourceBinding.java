package dev.twin.inference.resource;

import dev.twin.inference.operation.OperationStats;

import java.util.Map;

/**
 * One operation bound to a resource's table: the action, and for operations under a parent
 * ({@code GET /posts/{post}/comments}) the row field each parent path parameter fills ({@code post → postId}).
 */
public record ResourceBinding(String action, OperationStats op, Map<String, String> parentFields) {
    public ResourceBinding {
        parentFields = Map.copyOf(parentFields);
    }
}
