package dev.twin.replayer.internal.binding;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ErrorRules;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.server.ResponderFactory;
import dev.twin.replayer.internal.server.ServedApi;
import dev.twin.replayer.internal.state.IdempotencyCache;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantQuota;
import dev.twin.replayer.internal.state.TenantResolver;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The stateful twin for {@code twin serve}: builds the tables' {@link Responder} for each loaded configuration
 * (again on every {@code --watch} reload) over one {@link StateStore} and one {@link IdempotencyCache}, which live
 * here so that state survives reloads.
 */
public final class StatefulTwin implements ResponderFactory {
    private final StateStore store;
    private final IdempotencyCache idempotency;
    /** The custom operations of the configuration served now, for {@code POST /__twin/operations/{name}}. */
    private volatile AdminOperations operations;

    public StatefulTwin(StateStore store, IdempotencyCache idempotency) {
        this.store = Objects.requireNonNull(store, "store");
        this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    }

    /** An in-memory twin for a configuration (tests, and {@code twin serve} without {@code --state}). */
    public static StatefulTwin inMemory(TwinConfig config, Clock clock) {
        return new StatefulTwin(StateStore.inMemory(config.tables(), clock,
                config.tenancy().expireAfter(), TenantQuota.of(config.tenancy())),
                new IdempotencyCache(config.idempotency(), clock));
    }

    /**
     * The configuration without the derived bindings ({@code stateful: auto}) whose table the store does not hold:
     * the store's tables are fixed when it opens, so a resource a reloaded spec adds answers from the spec until
     * the twin restarts.
     */
    private TwinConfig withStoredTablesOnly(TwinConfig config) {
        java.util.Set<String> stored = java.util.Set.copyOf(store.tableNames());
        java.util.List<dev.twin.replayer.config.Binding> missing = config.extend().stream()
                .filter(binding -> binding.derived() && !stored.contains(binding.table())).toList();
        if (missing.isEmpty()) {
            return config;
        }
        System.getLogger(StatefulTwin.class.getName()).log(System.Logger.Level.WARNING, "stateful: auto found "
                + missing.size() + " operations of resources the state store has no table for (a reloaded spec?); "
                + "they answer from the spec until the twin restarts");
        java.util.List<dev.twin.replayer.config.Binding> kept = config.extend().stream()
                .filter(binding -> !missing.contains(binding)).toList();
        return new TwinConfig(config.baseDir(), config.imports(), config.server(), config.tenancy(),
                config.credentials(), config.idempotency(), config.conventions(), config.tables(), kept,
                config.customOperations(), config.sandbox(), config.replay(), config.sourceMap(), config.stateful(),
                config.state());
    }

    public StateStore store() {
        return store;
    }

    public IdempotencyCache idempotency() {
        return idempotency;
    }

    @Override
    public Responder create(ServedApi api) throws ConfigException {
        return create(api.config(), api::operation);
    }

    /** For callers that route without a {@link ServedApi}: operations looked up by namespaced id. */
    public Responder create(TwinConfig config,
                            java.util.function.Function<String, dev.twin.replayer.internal.spec.ApiOperation> operations)
            throws ConfigException {
        BindingCompiler compiler = new BindingCompiler(withStoredTablesOnly(config), operations, store.clock());
        Map<String, CompiledBinding> bindings = compiler.compile();
        store.indexFilterFields(compiler.indexedFields());
        // a malformed-body answer alone shapes that answer only, not every other refusal
        boolean providerErrors = !config.conventions().errors().withoutAnswersOfTheirOwn().equals(ErrorRules.DEFAULTS);
        TenantResolver tenants = new TenantResolver(config.tenancy());
        Map<String, dev.twin.replayer.internal.custom.CustomOperationRunner> runners = new java.util.LinkedHashMap<>();
        config.customOperations().forEach(operation -> runners.put(operation.name(), compiler.runner(operation)));
        this.operations = new AdminOperations(runners, compiler.globalErrors(), store, tenants);
        return new TableBindingResponder(bindings, compiler.globalErrors(), providerErrors, store,
                tenants, idempotency, config.credentials().reject());
    }

    /**
     * {@code POST /__twin/operations/{name}}: runs a custom operation of twin.yaml for a tenant (body
     * {@code {"tenant": ..., "input": {...}}}), as the provider does outside its API (a checkout page paid).
     */
    public void registerAdmin(dev.twin.replayer.internal.admin.AdminRoutes routes) {
        routes.add("POST", "/__twin/operations/{name}", (request, params) -> {
            AdminOperations current = operations;
            return current == null ? dev.twin.replayer.internal.response.ErrorResponses.error(404, "invalid_request_error",
                    "no configuration is served yet", "name") : current.run(params.get("name"), request);
        });
    }
}
