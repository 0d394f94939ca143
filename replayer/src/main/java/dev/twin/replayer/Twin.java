package dev.twin.replayer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.twin.replayer.internal.admin.AdminAccess;
import dev.twin.replayer.internal.admin.JournalEntry;
import dev.twin.replayer.internal.binding.StatefulTwin;
import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.internal.resource.StatefulAuto;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.config.ValidationMode;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.sandbox.SandboxTwin;
import dev.twin.replayer.internal.server.ConnectionLimits;
import dev.twin.replayer.internal.server.HttpLimits;
import dev.twin.replayer.internal.server.TwinServer;
import dev.twin.replayer.internal.startup.StartupCache;
import dev.twin.replayer.config.StateSetting;
import dev.twin.replayer.internal.state.IdempotencyCache;
import dev.twin.replayer.internal.state.RowAdminEndpoints;
import dev.twin.replayer.internal.state.SharedState;
import dev.twin.replayer.internal.state.SharedStateProvider;
import dev.twin.replayer.internal.state.SharedStates;
import dev.twin.replayer.internal.state.StateAdminEndpoints;
import dev.twin.replayer.internal.state.StateStore;
import dev.twin.replayer.internal.state.TenantQuota;
import dev.twin.replayer.internal.state.TenantResolver;
import dev.twin.replayer.internal.time.TwinClock;
import dev.twin.replayer.config.ClockConfig;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running twin: the server with its tables, its sandbox controls (scenarios, faults, rate limits, events and
 * webhooks) and the admin API, exactly as {@code twin serve} runs it. The one way to start a twin in-process:
 *
 * <pre>{@code
 * Stripe.apiKey = "sk_test_123";
 * try (Twin twin = Twin.serve(Path.of("examples/stripe"))) {
 *     Stripe.overrideApiBase(twin.baseUrl());
 *     Customer.create(CustomerCreateParams.builder().setEmail("jenny@example.com").build());
 *     twin.reset();
 * }
 * }</pre>
 *
 * <p>It listens on 127.0.0.1 on a free port unless told otherwise, keeps its tables in memory (or where
 * {@link Builder#state(StateSetting)} or twin.yaml's {@code state:} says: a file, or a Redis shared by several
 * replicas), and writes nothing under the user's home (no start-up cache) unless asked with
 * {@link Builder#home(Path)}. Closing it closes everything it opened: the server, webhook deliveries, the state
 * store.
 */
public final class Twin implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwinServer server;
    private final SandboxTwin sandbox;
    private final StatefulTwin tables;
    /** Null unless the state is shared: the threads requests are answered on, since they wait for the store. */
    private final ExecutorService blockingWork;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Twin(TwinServer server, SandboxTwin sandbox, StatefulTwin tables, ExecutorService blockingWork) {
        this.server = server;
        this.sandbox = sandbox;
        this.tables = tables;
        this.blockingWork = blockingWork;
    }

    /**
     * Starts the twin of a twin.yaml (or a directory holding one) on 127.0.0.1 on a free port.
     *
     * @throws ConfigException every problem in the twin.yaml and its specs, each with its file and line
     */
    public static Twin serve(Path configOrDir) throws ConfigException {
        return builder().config(configOrDir).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The port it listens on (a free one unless {@link Builder#port} chose). */
    public int port() {
        return server.port();
    }

    /** The twin's time now: the system's, or a manual clock's ({@code clock: manual}) as far as it was advanced. */
    public java.time.Instant now() {
        return sandbox.lifecycles().clock().instant();
    }

    /**
     * Moves the twin's time ahead by {@code duration}, as {@code POST /__twin/clock} does: every lifecycle transition
     * due on the way is applied, each at its own instant, before this returns (the callbacks they cause are sent
     * afterwards, on the callback threads).
     *
     * @return how many transitions were applied
     */
    public int advanceClock(Duration duration) {
        if (Objects.requireNonNull(duration, "duration").isNegative()) {
            throw new IllegalArgumentException("time only moves ahead: " + duration);
        }
        return sandbox.lifecycles().advance(duration);
    }

    /** Every tenant's tables back to their seed rows, idempotency keys, events and rate limits forgotten. */
    public void reset() {
        admin("POST", "/__twin/reset", Map.of());
    }

    /**
     * One tenant back to the seed rows (its idempotency keys, events and rate limits forgotten too); the others keep
     * theirs.
     *
     * @param tenant an API key the client sends, or a tenant key ({@link #tenantOf})
     */
    public void reset(String tenant) {
        admin("POST", "/__twin/reset", Map.of("tenant", requireText(tenant, "tenant")));
    }

    /** Saves every tenant's tables under {@code name} (1 to 100 letters, digits, '.', '_' or '-'). */
    public void snapshot(String name) {
        admin("POST", "/__twin/snapshots/" + requireText(name, "name"), Map.of());
    }

    /**
     * Puts the tables back as {@link #snapshot} saved them.
     *
     * @throws IllegalArgumentException when no snapshot has this name
     */
    public void restore(String name) {
        admin("POST", "/__twin/snapshots/" + requireText(name, "name") + "/restore", Map.of());
    }

    /**
     * The requests answered so far, oldest first: the journal {@code GET /__twin/requests} shows (the newest
     * {@link Builder#journalCapacity} of them; admin requests are not in it).
     */
    public List<ServedRequest> requests() {
        List<JournalEntry> newestFirst = server.journal().recent();
        List<ServedRequest> requests = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            JournalEntry entry = newestFirst.get(i);
            requests.add(new ServedRequest(entry.at(), entry.method(), entry.path(), entry.tenant(), entry.status(),
                    entry.operation(), ServedRequest.Source.valueOf(entry.source().name()), entry.note()));
        }
        return requests;
    }

    /**
     * The requests one tenant sent, oldest first.
     *
     * @param tenant an API key the client sends, or a tenant key
     */
    public List<ServedRequest> requests(String tenant) {
        String key = tenantOf(tenant);
        return requests().stream().filter(request -> key.equals(request.tenant())).toList();
    }

    /** Forgets the requests answered so far ({@code DELETE /__twin/requests}). */
    public void clearRequests() {
        server.journal().clear();
    }

    /** Every tenant's events, each tenant's oldest first. */
    public List<TwinEvent> events() {
        List<TwinEvent> events = new ArrayList<>();
        for (String tenant : sandbox.events().tenants()) {
            events.addAll(eventsOfTenantKey(tenant));
        }
        return events;
    }

    /**
     * One tenant's events, oldest first.
     *
     * @param tenant an API key the client sends, or a tenant key
     */
    public List<TwinEvent> events(String tenant) {
        return eventsOfTenantKey(tenantOf(tenant));
    }

    private List<TwinEvent> eventsOfTenantKey(String tenant) {
        tables.store().refresh(tenant);
        List<ObjectNode> newestFirst = sandbox.events().list(tenant);
        List<TwinEvent> events = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            ObjectNode event = newestFirst.get(i);
            events.add(new TwinEvent(tenant, event.path("id").asText(), event.path("type").asText(),
                    event.toString()));
        }
        return events;
    }

    /**
     * The tenant key the twin files an API key's state under ({@code t_} and 16 hex digits; the key itself is never
     * kept), as {@link ServedRequest#tenant()} shows it. A tenant key is returned as it is.
     */
    public String tenantOf(String apiKey) {
        return server.api().tenants().tenantFromOperator(requireText(apiKey, "apiKey"));
    }

    /** The parts this twin is made of; for twin's own command line and tests, not a public API. */
    public Internals internals() {
        return new Internals(server, sandbox, tables);
    }

    /**
     * The parts of a running twin. Not a public API: these types may change in any release.
     *
     * @param server  the HTTP server and its admin routes
     * @param sandbox the sandbox controls in front of the tables
     * @param tables  the tables' state store and idempotency cache
     */
    public record Internals(TwinServer server, SandboxTwin sandbox, StatefulTwin tables) {
    }

    /** Stops listening, then webhook deliveries, then releases the state store; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        if (blockingWork != null) {
            blockingWork.shutdown();
        }
        sandbox.close();
        tables.store().close();
    }

    /** Runs an admin endpoint in-process, exactly as a request to it would (whether or not admin is open on HTTP). */
    private void admin(String method, String path, Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        query.forEach((name, value) -> {
            raw.append(raw.length() == 0 ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            params.put(name, List.of(value));
        });
        TwinResponse response = server.adminRoutes().handle(new TwinRequest(method, path,
                raw.length() == 0 ? null : raw.toString(), params, Map.of(), new byte[0], "127.0.0.1"));
        if (response.status() >= 300) {
            throw new IllegalArgumentException(method + " " + path + " answered " + response.status() + ": "
                    + errorMessage(response));
        }
    }

    private static String errorMessage(TwinResponse response) {
        try {
            JsonNode message = JSON.readTree(response.body()).path("error").path("message");
            return message.isTextual() ? message.asText() : new String(response.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * What to serve and how. Only the configuration is required; everything else has the default a test wants
     * (127.0.0.1, a free port, tables in memory, no start-up cache).
     */
    public static final class Builder {
        private final TwinServer.Builder server = TwinServer.builder().host("127.0.0.1").port(0)
                .startupCache(StartupCache.DISABLED);
        private Path configFile;
        private TwinConfig config;
        private List<Path> specs;
        private StateSetting state;
        private Clock clock = Clock.systemUTC();
        private long seed;
        private Duration webhookRetryDelay = SandboxTwin.Options.DEFAULTS.webhookBackoff();
        private StartupCache cache = StartupCache.DISABLED;
        private boolean statefulAuto;
        private ClockConfig clockMode;
        private boolean started;

        private Builder() {
        }

        /** A twin.yaml, or a directory holding one; read again on every {@link #watch} reload. */
        public Builder config(Path configOrDir) {
            this.configFile = Objects.requireNonNull(configOrDir, "configOrDir");
            this.config = null;
            this.specs = null;
            return this;
        }

        /** A twin.yaml already loaded from {@code file}: served as it is, and read from {@code file} on reloads. */
        public Builder config(Path file, TwinConfig loaded) {
            this.configFile = Objects.requireNonNull(file, "file");
            this.config = Objects.requireNonNull(loaded, "loaded");
            this.specs = null;
            return this;
        }

        /** A loaded configuration (a reload re-reads its specs only). */
        public Builder config(TwinConfig loaded) {
            this.config = Objects.requireNonNull(loaded, "loaded");
            this.configFile = null;
            this.specs = null;
            return this;
        }

        /** These OpenAPI/Swagger files without a twin.yaml, each namespaced by its file name. */
        public Builder specs(Path... files) {
            return specs(List.of(files));
        }

        /** These OpenAPI/Swagger files without a twin.yaml, each namespaced by its file name. */
        public Builder specs(List<Path> files) {
            this.specs = List.copyOf(files);
            this.configFile = null;
            this.config = null;
            return this;
        }

        /**
         * {@code stateful: auto} whatever the configuration says, as {@code twin serve --stateful}: every resource
         * of the specs keeps state (docs/stateful-auto.md). A twin.yaml saying it needs no call.
         */
        public Builder statefulAuto() {
            this.statefulAuto = true;
            return this;
        }

        /** The address to listen on (default 127.0.0.1; any other needs an admin token or admin off). */
        public Builder host(String host) {
            server.host(host);
            return this;
        }

        /** The port to listen on (default 0: a free one). */
        public Builder port(int port) {
            server.port(port);
            return this;
        }

        /** Request validation, overriding twin.yaml's {@code server.validate}. */
        public Builder validate(ValidationMode mode) {
            server.validate(mode);
            return this;
        }

        /** CORS on the API's routes on or off, overriding twin.yaml's {@code server.cors}; null: as it says. */
        public Builder cors(Boolean enabled) {
            server.cors(enabled);
            return this;
        }

        /** The largest URL, headers and body the twin reads. */
        public Builder httpLimits(HttpLimits limits) {
            server.httpLimits(limits);
            return this;
        }

        /** Header and idle timeouts, connections per client address. */
        public Builder connectionLimits(ConnectionLimits limits) {
            server.connectionLimits(limits);
            return this;
        }

        /** Who may use {@code /__twin/} over HTTP (default: anyone on loopback). {@link Twin#reset()} always works. */
        public Builder admin(AdminAccess access) {
            server.admin(access);
            return this;
        }

        /** How many answered requests {@link Twin#requests()} keeps (default 1000). */
        public Builder journalCapacity(int entries) {
            server.journalCapacity(entries);
            return this;
        }

        /**
         * Keep every request's detail in the journal (request and response, state changes, events), not only
         * while an inspector page is connected ({@code twin serve --journal-detail}).
         */
        public Builder journalDetail(boolean always) {
            server.journalDetail(always);
            return this;
        }

        /** Reload when twin.yaml or an imported spec changes (the tables keep their rows). */
        public Builder watch(boolean enabled) {
            server.watch(enabled);
            return this;
        }

        /** Keep tables, tenants and snapshots in this file so they survive a restart (default: in memory). */
        public Builder state(Path file) {
            this.state = file == null ? null : new StateSetting(StateSetting.Kind.FILE, file, null);
            return this;
        }

        /**
         * Where the tables are kept, whatever twin.yaml's {@code state:} says (null: as it says, else in memory): a
         * file, or a shared store ({@code redis://host:6379}) that several replicas of the twin use together
         * (docs/redis.md; needs the module twin-state-redis on the class path).
         */
        public Builder state(StateSetting setting) {
            this.state = setting;
            return this;
        }

        /**
         * Time stands still (from the moment the twin starts) until {@link Twin#advanceClock} moves it, whatever
         * twin.yaml's {@code clock:} says: each lifecycle transition happens when the test says.
         */
        public Builder manualClock() {
            this.clockMode = new ClockConfig(ClockConfig.Mode.MANUAL, null, null);
            return this;
        }

        /** Time passes as {@link #clock} tells it, whatever twin.yaml's {@code clock:} says. */
        public Builder systemClock() {
            this.clockMode = ClockConfig.SYSTEM;
            return this;
        }

        /** As {@link #manualClock()}, starting at {@code start}. */
        public Builder manualClock(java.time.Instant start) {
            this.clockMode = new ClockConfig(ClockConfig.Mode.MANUAL, Objects.requireNonNull(start, "start"), null);
            return this;
        }

        /** The clock of timestamps, rate limits and tenant expiry (default the system's, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seeds the latency draws of scenarios (twin.yaml's {@code faults.seed} seeds the faults). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The first retry delay of a failed webhook delivery, doubled each attempt (default 1 s). */
        public Builder webhookRetryDelay(Duration delay) {
            this.webhookRetryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * The twin home: its start-up cache ({@code HOME/cache/serve}) lets a later start skip work this one did.
         * Without it nothing is cached and nothing is written outside what the twin was given.
         */
        public Builder home(Path home) {
            this.cache = StartupCache.at(home.resolve("cache").resolve("serve"));
            return this;
        }

        /**
         * The twin home {@code twin serve} uses: {@code -Dtwin.home}, else {@code TWIN_HOME}, else {@code ~/.twin};
         * no cache with {@code -Dtwin.cache=off} or {@code TWIN_CACHE=off}.
         */
        public Builder userHome() {
            this.cache = StartupCache.shared();
            return this;
        }

        /**
         * Loads everything, then listens. Nothing listens if the configuration has problems. A builder starts one
         * twin.
         *
         * @throws ConfigException           every problem in twin.yaml and its specs, each with its file and line
         * @throws IllegalArgumentException  a setting that cannot work (e.g. a non-loopback host with an open admin)
         * @throws java.io.UncheckedIOException the port is taken, or the state file is in use or unreadable
         */
        public Twin start() throws ConfigException {
            if (started) {
                throw new IllegalStateException("this builder already started a twin; take a new Twin.builder()");
            }
            started = true;
            TwinConfig loaded = load();
            TwinClock time = TwinClock.of(clockMode != null ? clockMode : loaded.sandbox().clock(), clock);
            StateStore store = openStore(loaded, time);
            SharedState shared = store.sharedState();
            StatefulTwin tables = new StatefulTwin(store, new IdempotencyCache(loaded.idempotency(), time,
                    shared == null ? null : shared.idempotency()));
            SandboxTwin sandbox = new SandboxTwin(tables, new SandboxTwin.Options(seed, time, webhookRetryDelay));
            ExecutorService blockingWork = shared == null ? null : blockingWork();
            if (shared != null) {
                server.blockingWork(blockingWork).stateHealth(shared::health).replayCursors(shared.replayCursors())
                        .storeThreads(shared.busyThreads());
            }
            TwinServer started;
            try {
                if (configFile != null) {
                    server.configFile(configFile, loaded);
                } else {
                    server.config(loaded);
                }
                started = server.startupCache(cache).stateful(sandbox).start();
            } catch (ConfigException | RuntimeException e) {
                sandbox.close();
                tables.store().close();
                if (blockingWork != null) {
                    blockingWork.shutdown();
                }
                throw e;
            }
            new StateAdminEndpoints(tables.store(), tables.idempotency(), new TenantResolver(loaded.tenancy()))
                    .register(started.adminRoutes());
            java.util.Map<String, String> idFields = new java.util.HashMap<>();
            loaded.tables().forEach(table -> idFields.put(table.name(), table.idField()));
            new RowAdminEndpoints(tables.store(), new TenantResolver(loaded.tenancy()), idFields)
                    .register(started.adminRoutes());
            sandbox.registerAdmin(started.adminRoutes());
            return new Twin(started, sandbox, tables, blockingWork);
        }

        /**
         * The threads a twin on shared state answers on: each request waits for the store a round trip or two, so
         * more threads than cores keep the cores busy; a bounded queue, past which a request is answered 503.
         */
        private static ExecutorService blockingWork() {
            int threads = Math.max(16, 16 * Runtime.getRuntime().availableProcessors());
            java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
            return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                    runnable -> {
                        Thread thread = new Thread(runnable, "twin-request-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }

        /**
         * The configuration with the tables and bindings {@code stateful: auto} derives from the specs, made before
         * the state store opens so that it holds them.
         */
        private TwinConfig load() throws ConfigException {
            TwinConfig loaded = loadAsWritten();
            return StatefulAuto.expand(statefulAuto ? loaded.withStateful(loaded.stateful().turnedOn()) : loaded, cache);
        }

        private TwinConfig loadAsWritten() throws ConfigException {
            if (config != null) {
                return config;
            }
            if (configFile != null) {
                return ConfigLoader.load(configFile, cache);
            }
            if (specs != null && !specs.isEmpty()) {
                return ConfigLoader.forSpecs(specs);
            }
            throw new IllegalStateException("a Twin needs config(..) or specs(..)");
        }

        private StateStore openStore(TwinConfig loaded, Clock clock) {
            TenantQuota quota = TenantQuota.of(loaded.tenancy());
            StateSetting where = state != null ? state : loaded.state();
            return switch (where.kind()) {
                case MEMORY -> StateStore.inMemory(loaded.tables(), clock, loaded.tenancy().expireAfter(), quota);
                case FILE -> StateStore.persistent(where.file(), loaded.tables(), clock,
                        loaded.tenancy().expireAfter(), quota);
                case SHARED -> StateStore.shared(SharedStates.open(where, new SharedStateProvider.Options(
                        loaded.tenancy().expireAfter(), loaded.sandbox().events().keep())), loaded.tables(), clock,
                        quota);
            };
        }
    }
}
