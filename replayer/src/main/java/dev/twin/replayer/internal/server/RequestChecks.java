package dev.twin.replayer.internal.server;

import dev.twin.replayer.config.FieldLimit;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.validation.FieldLimits;
import dev.twin.replayer.internal.validation.OperationValidator;
import dev.twin.replayer.internal.validation.SchemaRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One compiled {@link OperationValidator} per operation, built on the operation's first request. */
public final class RequestChecks {
    private final Map<String, SchemaRegistry> registries = new ConcurrentHashMap<>();
    private final Map<String, OperationValidator> validators = new ConcurrentHashMap<>();
    private final FieldLimits fieldLimits;

    RequestChecks(Map<String, FieldLimit> fieldLimits) {
        Map<String, FieldLimits.Limit> limits = new LinkedHashMap<>();
        fieldLimits.forEach((field, limit) -> limits.put(field,
                new FieldLimits.Limit(limit.maxKeys(), limit.maxKeyLength(), limit.maxValueLength())));
        this.fieldLimits = FieldLimits.of(limits);
    }

    public OperationValidator validator(ApiOperation operation) {
        OperationValidator validator = validators.get(operation.id());
        if (validator == null) {
            SchemaRegistry registry = registries.computeIfAbsent(operation.namespace(),
                    ns -> SchemaRegistry.of(operation.components()));
            // path-level parameters and the global security are already merged into the operation
            validator = validators.computeIfAbsent(operation.id(),
                    id -> OperationValidator.compile(operation.operation(), null, registry, List.of(),
                            fieldLimits));
        }
        return validator;
    }
}
