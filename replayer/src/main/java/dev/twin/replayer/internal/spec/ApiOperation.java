package dev.twin.replayer.internal.spec;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One operation of one imported spec, as the server routes to it.
 *
 * <p>The swagger {@link Operation} and the spec's {@link Components} are materialised lazily (a 5 MB spec is indexed
 * without building the model of every operation), so they are methods rather than record components; both are
 * built at most once and then shared.
 *
 * @param id                 the namespaced id, e.g. {@code stripe.PostCustomers}
 * @param namespace          the import's {@code as}, e.g. {@code stripe}
 * @param operationId        the spec's operationId, or the stable generated one
 * @param method             upper-case HTTP method
 * @param pathTemplate       the full path template including the base path of {@code servers[0].url},
 *                           e.g. {@code /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json}
 * @param pathParameterNames names of the path parameters in template order
 */
public record ApiOperation(String id, String namespace, String operationId, String method, String pathTemplate,
                           List<String> pathParameterNames, OperationModel model) {

    public ApiOperation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        pathParameterNames = List.copyOf(pathParameterNames);
        Objects.requireNonNull(model, "model");
    }

    /** For tests and callers that already hold swagger models. */
    public static ApiOperation of(String namespace, String operationId, String method, String pathTemplate,
                                  Operation operation, Components components) {
        return new ApiOperation(namespace + "." + operationId, namespace, operationId, method, pathTemplate,
                PathTemplates.parameterNames(pathTemplate), OperationModel.of(() -> operation, () -> components));
    }

    /** The swagger operation with path-level parameters merged in and parameter/body/response $refs resolved. */
    public Operation operation() {
        return model.operation();
    }

    /** The components of the spec this operation belongs to (schemas are still referenced by $ref). */
    public Components components() {
        return model.components();
    }

    /** Builds the swagger models on first use; thread-safe, each built once. */
    public static final class OperationModel {
        private final Lazy<Operation> operation;
        private final Lazy<Components> components;

        private OperationModel(Supplier<Operation> operation, Supplier<Components> components) {
            this.operation = new Lazy<>(operation);
            this.components = new Lazy<>(components);
        }

        public static OperationModel of(Supplier<Operation> operation, Supplier<Components> components) {
            return new OperationModel(operation, components);
        }

        public Operation operation() {
            return operation.get();
        }

        public Components components() {
            return components.get();
        }

        @Override
        public String toString() {
            return "OperationModel";
        }
    }
}
