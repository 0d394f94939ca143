package dev.twin.replayer.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.twin.replayer.admin.AdminRoutes;
import dev.twin.replayer.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.LatencySpec;
import dev.twin.replayer.config.Tenancy;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.fault.FaultAdminEndpoints;
import dev.twin.replayer.fault.FaultBoard;
import dev.twin.replayer.fault.FaultResponder;
import dev.twin.replayer.fault.LatencySampler;
import dev.twin.replayer.http.TwinResponse;
import dev.twin.replayer.ratelimit.RateLimitResponder;
import dev.twin.replayer.ratelimit.RateLimiter;
import dev.twin.replayer.routing.RoutedRequest;
import dev.twin.replayer.scenario.OperationTables;
import dev.twin.replayer.scenario.ScenarioBook;
import dev.twin.replayer.scenario.ScenarioResponder;
import dev.twin.replayer.server.ServedApi;
import dev.twin.replayer.server.StatefulResponder;
import dev.twin.replayer.spec.ApiOperation;
import dev.twin.replayer.state.TenantResolver;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The stateful twin with its sandbox controls in front. For each loaded configuration (again on every reload) it
 * chains: scenarios (a named or matching scenario answers) → rate limits (an empty bucket answers 429) → faults (a seeded rule fires) → the tables
 * ({@link StatefulTwin}) → the spec. Runtime state (fault rules set through {@code /__twin/faults}) lives here, so it
 * survives reloads. Hand this to {@code TwinServer.Builder.stateful}, then call {@link #registerAdmin}.
 */
public final class SandboxTwin implements StatefulResponder.Factory {
    private final StatefulTwin tables;
    private final SplittableRandom scenarioRandom;
    private final FaultBoard faults = new FaultBoard();
    private final RateLimiter rateLimits;
    private volatile ScenarioBook scenarios;
    private volatile TenantResolver tenants = new TenantResolver(Tenancy.DEFAULTS);

    /**
     * @param seed  seeds the latency draws of scenarios (twin.yaml's {@code faults.seed} seeds the faults)
     * @param clock the rate limits' clock (tests drain and refill buckets without sleeping)
     */
    public record Options(long seed, Clock clock) {
        public static final Options DEFAULTS = new Options(0L, Clock.systemUTC());

        public Options {
            Objects.requireNonNull(clock, "clock");
        }
    }

    public SandboxTwin(StatefulTwin tables) {
        this(tables, Options.DEFAULTS);
    }

    public SandboxTwin(StatefulTwin tables, Options options) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.scenarioRandom = new SplittableRandom(options.seed());
        this.rateLimits = new RateLimiter(options.clock());
    }

    public StatefulTwin tables() {
        return tables;
    }

    /** {@code GET /__twin/scenarios}, and {@code GET/POST/DELETE /__twin/faults}. */
    public void registerAdmin(AdminRoutes routes) {
        routes.add("GET", "/__twin/scenarios", (request, params) -> {
            ScenarioBook book = scenarios;
            var body = JsonNodeFactory.instance.objectNode();
            var names = body.putArray("scenarios");
            if (book != null) {
                book.names().forEach(names::add);
            }
            return TwinResponse.json(200, body.toString());
        });
        new FaultAdminEndpoints(faults, () -> tenants).register(routes);
    }

    @Override
    public StatefulResponder create(ServedApi api) throws ConfigException {
        TwinConfig config = api.config();
        TenantResolver resolver = new TenantResolver(config.tenancy());
        Function<RoutedRequest, TwinResponse> specAnswer = routed -> api.responder().respond(routed).response();
        OperationTables operationTables = new OperationTables(config, api::operation);
        ScenarioBook book = ScenarioBook.compile(config, api.operations(), operationTables);
        List<String> operationIds = api.operations().stream().map(ApiOperation::id).toList();
        faults.install(config, operationIds);
        rateLimits.install(config, operationIds);

        StatefulResponder responder = tables.create(api);
        responder = new FaultResponder(faults, responder, resolver, specAnswer);
        if (!rateLimits.isEmpty()) {
            responder = new RateLimitResponder(rateLimits, responder, resolver, operationTables::errors, specAnswer);
        }
        if (!book.isEmpty()) {
            responder = new ScenarioResponder(book, operationTables, responder, tables.store(), resolver,
                    specAnswer, this::scenarioLatency);
        }
        this.scenarios = book;
        this.tenants = resolver;
        return responder;
    }

    private long scenarioLatency(LatencySpec spec) {
        synchronized (scenarioRandom) {
            return LatencySampler.sample(spec, scenarioRandom);
        }
    }
}
