package dev.twin.replayer.internal.resource;

import dev.twin.replayer.config.Binding;
import dev.twin.replayer.internal.spec.ApiOperation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One REST resource found in a spec: a collection path ({@code /v1/customers},
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json}) and its item path (the collection with the id as one more
 * segment: {@code /v1/customers/{customer}}, {@code .../Messages/{Sid}.json}), and what each of their operations does
 * to the resource's rows.
 *
 * @param namespace      the import the paths belong to
 * @param idParam        the item path's last parameter: the row id
 * @param parentParams   the collection path's parameters ({@code AccountSid}): rows belong to the parent they name
 * @param operations     each operation with the table action it performs, in spec order
 * @param createsByPut   no POST creates rows: a PUT to an item that does not exist does (an upsert)
 */
public record SpecResource(String namespace, String collectionPath, String itemPath, String idParam,
                           List<String> parentParams, List<Operation> operations, boolean createsByPut) {

    /** An operation of the resource and the action it performs on the resource's table. */
    public record Operation(ApiOperation operation, Binding.Action action) {
        public Operation {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(action, "action");
        }
    }

    public SpecResource {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(collectionPath, "collectionPath");
        Objects.requireNonNull(itemPath, "itemPath");
        Objects.requireNonNull(idParam, "idParam");
        parentParams = List.copyOf(parentParams);
        operations = List.copyOf(operations);
    }

    /** The first operation performing this action, if any. */
    public Optional<ApiOperation> operation(Binding.Action action) {
        return operations.stream().filter(o -> o.action() == action).map(Operation::operation).findFirst();
    }
}
