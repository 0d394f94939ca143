package dev.twin.replayer.internal.binding;

import dev.twin.replayer.internal.convention.ErrorBodies;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One {@code extend} entry made ready for requests: the action, the error shape to answer failures with, and which
 * path parameter is the row id and which are parents. Checked at startup; the action is built once, on the
 * operation's first request (thread-safe).
 *
 * @param shapesRejections whether requests validation refuses are answered in the table's error shape; false for
 *                         a binding {@code stateful: auto} derived when twin.yaml writes no {@code errors}
 *                         convention, whose refusals the spec answers as for an unbound operation
 * @param parentRows       the parent path parameters that must name a live row ({@code parentTables})
 */
record CompiledBinding(String operationId, Supplier<BindingAction> action, ErrorBodies errors, String idParam,
                       List<String> parentParams, Map<String, String> parentFields, boolean shapesRejections,
                       List<ParentRow> parentRows) {
    CompiledBinding {
        parentParams = List.copyOf(parentParams);
        parentFields = Map.copyOf(parentFields);
        parentRows = List.copyOf(parentRows);
    }

    /** The row field a parent path parameter's value belongs in. */
    String parentField(String param) {
        return parentFields.getOrDefault(param, param);
    }
}
