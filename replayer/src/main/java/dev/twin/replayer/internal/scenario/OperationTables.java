package dev.twin.replayer.internal.scenario;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * For each operation bound to a table: which table, which path parameter carries the row id, and the table's error
 * rules. Unbound operations use the global error rules and have no row.
 */
public final class OperationTables {
    private final Map<String, Target> targets = new HashMap<>();
    private final ErrorRules globalErrors;

    /** @param idParam the path parameter holding the row id, or null (a create or a list) */
    public record Target(TableConfig table, String idParam) {
    }

    public OperationTables(TwinConfig config, Function<String, ApiOperation> operations) {
        this.globalErrors = config.conventions().errors();
        for (Binding binding : config.extend()) {
            if (binding.table() == null) {
                continue;
            }
            TableConfig table = config.table(binding.table()).orElse(null);
            ApiOperation operation = operations.apply(binding.mock());
            if (table == null || operation == null) {
                continue;
            }
            List<String> pathParams = operation.pathParameterNames();
            String idParam = binding.idParam() != null ? binding.idParam()
                    : pathParams.isEmpty() ? null : pathParams.get(pathParams.size() - 1);
            targets.put(binding.mock(), new Target(table, idParam));
        }
    }

    /** The bound table of an operation, or null. */
    public Target target(String operationId) {
        return targets.get(operationId);
    }

    public ErrorRules errors(String operationId) {
        Target target = targets.get(operationId);
        return target == null ? globalErrors : target.table().response().errors();
    }
}
