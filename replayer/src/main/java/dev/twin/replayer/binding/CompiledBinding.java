package dev.twin.replayer.binding;

import dev.twin.replayer.convention.ErrorBodies;

import java.util.List;

/**
 * One {@code extend} entry made ready for requests: the action, the error shape to answer failures with, and which
 * path parameter is the row id and which are parents. Built once at startup.
 */
record CompiledBinding(String operationId, BindingAction action, ErrorBodies errors, String idParam,
                       List<String> parentParams) {
    CompiledBinding {
        parentParams = List.copyOf(parentParams);
    }
}
