package dev.twin.replayer.sandbox;

import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.fault.LatencySampler;
import dev.twin.replayer.scenario.OperationTables;
import dev.twin.replayer.scenario.ScenarioBook;
import dev.twin.replayer.scenario.ScenarioResponder;
import dev.twin.replayer.server.ServedApi;
import dev.twin.replayer.server.StatefulResponder;
import dev.twin.replayer.state.TenantResolver;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The stateful twin with its sandbox controls in front: for each loaded configuration, the scenarios answer first,
 * then the tables ({@link StatefulTwin}), then the spec. Hand this to {@code TwinServer.Builder.stateful}.
 */
public final class SandboxTwin implements StatefulResponder.Factory {
    private final StatefulTwin tables;
    private final Options options;
    private final SplittableRandom random;
    private volatile ScenarioBook scenarios;

    /**
     * @param seed  seeds scenario latency draws (twin.yaml's {@code faults.seed} seeds the faults)
     * @param clock the rate limits' clock (tests drain and refill buckets without sleeping)
     */
    public record Options(long seed, java.time.Clock clock) {
        public static final Options DEFAULTS = new Options(0L, java.time.Clock.systemUTC());
    }

    public SandboxTwin(StatefulTwin tables) {
        this(tables, Options.DEFAULTS);
    }

    public SandboxTwin(StatefulTwin tables, Options options) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.options = Objects.requireNonNull(options, "options");
        this.random = new SplittableRandom(options.seed());
    }

    /** {@code GET /__twin/scenarios}: the names a client may send in {@code Twin-Scenario}. */
    public void registerAdmin(dev.twin.replayer.admin.AdminRoutes routes) {
        routes.add("GET", "/__twin/scenarios", (request, params) -> {
            ScenarioBook book = scenarios;
            var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            var names = body.putArray("scenarios");
            if (book != null) {
                book.names().forEach(names::add);
            }
            return dev.twin.replayer.http.TwinResponse.json(200, body.toString());
        });
    }

    public StatefulTwin tables() {
        return tables;
    }

    @Override
    public StatefulResponder create(ServedApi api) throws ConfigException {
        TwinConfig config = api.config();
        StatefulResponder responder = tables.create(api);
        OperationTables operationTables = new OperationTables(config, api::operation);
        ScenarioBook scenarios = ScenarioBook.compile(config, api.operations(), operationTables);
        this.scenarios = scenarios;
        if (!scenarios.isEmpty()) {
            responder = new ScenarioResponder(scenarios, operationTables, responder, tables.store(),
                    new TenantResolver(config.tenancy()), routed -> api.responder().respond(routed).response(),
                    spec -> {
                        synchronized (random) {
                            return LatencySampler.sample(spec, random);
                        }
                    });
        }
        return responder;
    }
}
