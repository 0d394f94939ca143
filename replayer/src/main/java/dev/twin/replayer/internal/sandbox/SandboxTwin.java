package dev.twin.replayer.internal.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.binding.StatefulTwin;
import dev.twin.replayer.internal.callback.CallbackAdminEndpoints;
import dev.twin.replayer.internal.callback.CallbackDispatcher;
import dev.twin.replayer.config.ClockConfig;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.config.EventsConfig;
import dev.twin.replayer.config.LatencySpec;
import dev.twin.replayer.config.Tenancy;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.fault.FaultAdminEndpoints;
import dev.twin.replayer.internal.fault.FaultBoard;
import dev.twin.replayer.internal.fault.FaultResponder;
import dev.twin.replayer.internal.fault.LatencySampler;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.journal.RequestCapture;
import dev.twin.replayer.internal.lifecycle.ClockAdminEndpoints;
import dev.twin.replayer.internal.lifecycle.LifecycleEngine;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.ratelimit.RateLimitResponder;
import dev.twin.replayer.internal.ratelimit.RateLimiter;
import dev.twin.replayer.internal.routing.RoutedRequest;
import dev.twin.replayer.internal.scenario.OperationTables;
import dev.twin.replayer.internal.scenario.ScenarioBook;
import dev.twin.replayer.internal.scenario.ScenarioResponder;
import dev.twin.replayer.internal.server.ResponderFactory;
import dev.twin.replayer.internal.server.ServedApi;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.state.ChangeListener;
import dev.twin.replayer.internal.state.RowChange;
import dev.twin.replayer.internal.state.SharedEvent;
import dev.twin.replayer.internal.state.SharedState;
import dev.twin.replayer.internal.state.StateScope;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.state.TenantTables;
import dev.twin.replayer.internal.time.TwinClock;
import dev.twin.replayer.internal.webhook.EventEmitter;
import dev.twin.replayer.internal.webhook.EventLog;
import dev.twin.replayer.internal.webhook.EventsResponder;
import dev.twin.replayer.internal.webhook.WebhookAdminEndpoints;
import dev.twin.replayer.internal.webhook.WebhookDispatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The stateful twin with its sandbox controls in front. For each loaded configuration (again on every reload) it
 * chains: scenarios (a named or matching scenario answers) → rate limits (an empty bucket answers 429) → faults
 * (a seeded rule fires) → events (the configured list/get operations) → the tables ({@link StatefulTwin}) → the
 * spec. It listens to the store's commits to emit events, deliver webhooks, move rows through their lifecycles and
 * send callbacks. Runtime state (fault rules set through {@code /__twin/faults}, buckets, events, rows waiting for
 * a transition) lives here, so it survives reloads. {@code dev.twin.replayer.Twin}
 * puts it between the server and the tables.
 */
public final class SandboxTwin implements ResponderFactory, AutoCloseable {
    private final StatefulTwin tables;
    private final SplittableRandom scenarioRandom;
    private final FaultBoard faults = new FaultBoard();
    private final RateLimiter rateLimits;
    private final EventLog events = new EventLog();
    private final WebhookDispatcher webhooks;
    private final EventEmitter emitter;
    private final TwinClock clock;
    private final LifecycleEngine lifecycles;
    private final CallbackDispatcher callbacks;
    private volatile ScenarioBook scenarios;
    /** Scenarios switched off through {@code /__twin/scenarios/{name}/off}; kept across reloads, by name. */
    private final java.util.Set<String> scenariosOff = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile TenantResolver tenants = new TenantResolver(Tenancy.DEFAULTS);

    /**
     * @param seed           seeds the latency draws of scenarios (twin.yaml's {@code faults.seed} seeds the faults)
     * @param clock          the rate limits', events' and lifecycles' clock (tests drain and refill buckets without
     *                       sleeping); the state store's own, as a {@link TwinClock} to move lifecycles ahead
     * @param webhookBackoff the first retry delay of a failed webhook delivery or callback (then doubled each attempt)
     */
    public record Options(long seed, Clock clock, Duration webhookBackoff) {
        public static final Options DEFAULTS = new Options(0L, Clock.systemUTC(), Duration.ofSeconds(1));

        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(webhookBackoff, "webhookBackoff");
        }

        public Options(long seed, Clock clock) {
            this(seed, clock, DEFAULTS.webhookBackoff());
        }
    }

    public SandboxTwin(StatefulTwin tables) {
        this(tables, Options.DEFAULTS);
    }

    public SandboxTwin(StatefulTwin tables, Options options) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.scenarioRandom = new SplittableRandom(options.seed());
        // with shared state, buckets and deliveries live in the shared store too, so every replica agrees on them
        SharedState shared = tables.store().sharedState();
        this.rateLimits = new RateLimiter(options.clock(), shared == null ? null : shared.rateLimits());
        this.webhooks = new WebhookDispatcher(options.webhookBackoff(), options.clock(),
                shared == null ? null : shared.deliveries());
        this.emitter = new EventEmitter(events, webhooks, options.clock(), tables.store());
        this.clock = TwinClock.of(ClockConfig.SYSTEM, options.clock());
        this.lifecycles = new LifecycleEngine(tables.store(), clock);
        this.callbacks = new CallbackDispatcher(clock, options.webhookBackoff());
        tables.store().beforeCommit(lifecycles.entries());
        tables.store().onCommit(new CapturingChanges(emitter, List.of(lifecycles::committed, callbacks::committed)));
    }

    public StatefulTwin tables() {
        return tables;
    }

    /** The events every tenant's writes emitted (a reset forgets them). */
    public EventLog events() {
        return events;
    }

    /** The rows moving through their lifecycles, and the twin's clock they move by. */
    public LifecycleEngine lifecycles() {
        return lifecycles;
    }

    /** The callbacks sent so far. */
    public CallbackDispatcher callbacks() {
        return callbacks;
    }

    /**
     * {@code GET /__twin/scenarios} (names, and {@code details}: each one's operations, match and whether it is
     * on), {@code POST /__twin/scenarios/{name}/off} and {@code .../on}; {@code GET/POST/DELETE /__twin/faults};
     * {@code GET /__twin/ratelimits}; the webhook endpoints; {@code /__twin/webhooks}, {@code GET/POST /__twin/clock}
     * and {@code GET/DELETE /__twin/callbacks}.
     */
    public void registerAdmin(AdminRoutes routes) {
        routes.add("GET", "/__twin/scenarios", (request, params) -> {
            ScenarioBook book = scenarios;
            var body = JsonNodeFactory.instance.objectNode();
            var names = body.putArray("scenarios");
            var details = body.putArray("details");
            if (book != null) {
                for (String name : book.names()) {
                    names.add(name);
                    var scenario = book.scenario(name).orElseThrow();
                    var detail = details.addObject().put("name", name);
                    scenario.operations().forEach(detail.putArray("operations")::add);
                    detail.put("match", scenario.match() == null ? null : scenario.match().source());
                    detail.put("on", !scenariosOff.contains(name));
                }
            }
            return TwinResponse.json(200, body.toString());
        });
        for (boolean on : new boolean[] {false, true}) {
            routes.add("POST", "/__twin/scenarios/{name}/" + (on ? "on" : "off"), (request, params) -> {
                String name = params.get("name");
                ScenarioBook book = scenarios;
                if (book == null || book.scenario(name).isEmpty()) {
                    return dev.twin.replayer.internal.response.ErrorResponses.error(404, "not_found", "no scenario named '"
                            + name + "'" + (book == null || book.isEmpty() ? "; this twin has none"
                            : "; scenarios: " + String.join(", ", book.names())), "name");
                }
                if (on) {
                    scenariosOff.remove(name);
                } else {
                    scenariosOff.add(name);
                }
                return TwinResponse.json(200, JsonNodeFactory.instance.objectNode().put("name", name).put("on", on)
                        .toString());
            });
        }
        routes.add("GET", "/__twin/ratelimits", (request, params) -> TwinResponse.json(200,
                rateLimits.toJson().toString()));
        new FaultAdminEndpoints(faults, () -> tenants).register(routes);
        tables.registerAdmin(routes);
        new WebhookAdminEndpoints(webhooks, emitter, events, () -> tenants).register(routes);
        new ClockAdminEndpoints(lifecycles).register(routes);
        new CallbackAdminEndpoints(callbacks).register(routes);
        // a reset is a clean slate: full rate-limit buckets and no events, everyone's or the tenant's (a table
        // reset keeps both, since events and buckets are not a table's)
        routes.afterSuccess("POST", "/__twin/reset", request -> {
            StateScope scope = StateScope.of(request, tenants);
            lifecycles.forget(scope.tenant(), scope.table());
            if (scope.table() == null) {
                rateLimits.refill(scope.tenant());
                if (scope.tenant() == null) {
                    events.clear();
                } else {
                    events.clearTenant(scope.tenant());
                }
            }
        });
    }

    /** The outbound client of webhook deliveries: it refuses every URL that is not a configured webhook. */
    public dev.twin.replayer.internal.webhook.WebhookClient webhookClient() {
        return webhooks.client();
    }

    /** Stops webhook deliveries (the tables are closed by their owner). */
    @Override
    public void close() {
        webhooks.close();
        lifecycles.close();
        callbacks.close();
    }

    @Override
    public Responder create(ServedApi api) throws ConfigException {
        TwinConfig config = api.config();
        TenantResolver resolver = new TenantResolver(config.tenancy());
        Function<RoutedRequest, TwinResponse> specAnswer = routed -> api.responder().respond(routed).response();
        OperationTables operationTables = new OperationTables(config, api::operation);
        ScenarioBook book = ScenarioBook.compile(config, api.operations(), operationTables);
        List<String> operationIds = api.operations().stream().map(ApiOperation::id).toList();
        faults.install(config, operationIds);
        rateLimits.install(config, operationIds);
        checkEventOperations(config, operationIds);
        checkEndpointsTable(config);
        emitter.install(config);
        webhooks.install(config.sandbox().webhooks());
        webhooks.installEndpoints(config.sandbox().webhookEndpoints(), tables.store());
        lifecycles.install(config);
        callbacks.install(config);

        Responder responder = tables.create(api);
        EventsConfig eventsConfig = config.sandbox().events();
        if (eventsConfig.listOperation() != null || eventsConfig.getOperation() != null) {
            responder = new EventsResponder(eventsConfig, config.conventions().list(), events, responder, resolver,
                    TableConventions.errors(config.conventions().errors()), tables.store());
        }
        responder = new FaultResponder(faults, responder, resolver, specAnswer);
        if (!rateLimits.isEmpty()) {
            responder = new RateLimitResponder(rateLimits, responder, resolver, operationTables::errors, specAnswer);
        }
        if (!book.isEmpty()) {
            responder = new ScenarioResponder(book, operationTables, responder, tables.store(), resolver,
                    specAnswer, this::scenarioLatency, emitter::coalescing, scenariosOff);
        }
        responder = callbacks.recording(resolver, responder);
        this.scenarios = book;
        this.tenants = resolver;
        return responder;
    }

    private static void checkEventOperations(TwinConfig config, List<String> operationIds) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        EventsConfig events = config.sandbox().events();
        for (String[] key : new String[][] {{"list", events.listOperation()}, {"get", events.getOperation()}}) {
            if (key[1] != null && !operationIds.contains(key[1])) {
                problems.add(ConfigProblems.at(config.sourceMap(), "/events/" + key[0], ConfigProblems.withSuggestion(
                        "no imported operation '" + key[1] + "'", key[1], operationIds)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** {@code webhookEndpoints.table} must name a table (a derived one is known only once the specs are read). */
    private static void checkEndpointsTable(TwinConfig config) throws ConfigException {
        var endpoints = config.sandbox().webhookEndpoints();
        if (endpoints != null && config.table(endpoints.table()).isEmpty()) {
            throw new ConfigException(List.of(ConfigProblems.at(config.sourceMap(), "/webhookEndpoints/table",
                    ConfigProblems.withSuggestion("no table '" + endpoints.table() + "'", endpoints.table(),
                            config.tables().stream().map(dev.twin.replayer.config.TableConfig::name).toList()))));
        }
    }

    private long scenarioLatency(LatencySpec spec) {
        synchronized (scenarioRandom) {
            return LatencySampler.sample(spec, scenarioRandom);
        }
    }

    /**
     * Tells the inspector's capture of the request under way which rows it changed, then the events, then the
     * others who follow committed rows (lifecycles, callbacks; with shared state, of this replica's commits).
     */
    private record CapturingChanges(ChangeListener events, List<ChangeListener> others) implements ChangeListener {
        @Override
        public void committed(String tenant, List<RowChange> changes) {
            capture(changes);
            events.committed(tenant, changes);
            others.forEach(other -> other.committed(tenant, changes));
        }

        @Override
        public List<SharedEvent> emitted(String tenant, List<RowChange> changes, TenantTables tables) {
            capture(changes);
            return events.emitted(tenant, changes, tables);
        }

        @Override
        public void stored(String tenant, List<SharedEvent> stored, boolean whole) {
            events.stored(tenant, stored, whole);
        }

        @Override
        public void storedChanges(String tenant, List<RowChange> changes) {
            others.forEach(other -> other.committed(tenant, changes));
        }

        private static void capture(List<RowChange> changes) {
            if (RequestCapture.active()) {
                changes.forEach(change -> RequestCapture.rowChanged(change.table(), change.id(),
                        change.before() == null ? null : change.before().data(),
                        change.after() == null ? null : change.after().data()));
            }
        }
    }
}
