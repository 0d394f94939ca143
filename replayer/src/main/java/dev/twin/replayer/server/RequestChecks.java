package dev.twin.replayer.server;

import dev.twin.replayer.spec.ApiOperation;
import dev.twin.replayer.validation.OperationValidator;
import dev.twin.replayer.validation.SchemaRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One compiled {@link OperationValidator} per operation, built on the operation's first request. */
public final class RequestChecks {
    private final Map<String, SchemaRegistry> registries = new ConcurrentHashMap<>();
    private final Map<String, OperationValidator> validators = new ConcurrentHashMap<>();

    RequestChecks() {
    }

    public OperationValidator validator(ApiOperation operation) {
        OperationValidator validator = validators.get(operation.id());
        if (validator == null) {
            SchemaRegistry registry = registries.computeIfAbsent(operation.namespace(),
                    ns -> SchemaRegistry.of(operation.components()));
            // path-level parameters and the global security are already merged into the operation
            validator = validators.computeIfAbsent(operation.id(),
                    id -> OperationValidator.compile(operation.operation(), registry, List.of()));
        }
        return validator;
    }
}
