package dev.twin.replayer.internal.webhook;

import dev.twin.replayer.config.Webhook;
import dev.twin.replayer.internal.scenario.OperationGlob;
import dev.twin.replayer.internal.state.SharedDeliveries;
import dev.twin.replayer.internal.state.TenantTables;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers events to the configured webhooks on its own threads (never the event loop, never the caller's): each
 * matching webhook gets a POST of the event, signed as configured; a failure (no connection, a non-2xx answer) is
 * retried after {@code base}, {@code 2 × base}, {@code 4 × base} … up to the webhook's {@code maxAttempts}. Every
 * attempt is kept in a bounded delivery log.
 *
 * <p>With shared state ({@link SharedDeliveries}) the deliveries are queued in the shared store by the commits that
 * emit their events, and every replica claims due ones (a lease, {@link #LEASE}): each is attempted by one replica at
 * a time, retried by whichever replica claims it next, and its attempts go to the log every replica shows. The
 * replica that stored an event claims at once; the others look every {@code base / 2} (20 ms to 1 s).
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final int LOG_SIZE = 500;
    /** How long a claimed shared delivery is this replica's: longer than an attempt can take (5 s + 10 s). */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final int CLAIM_BATCH = 32;
    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private ScheduledExecutorService executor; // started with the first delivery
    private final Duration retryBase;
    private final Clock clock;
    private final Deque<Delivery> log = new ArrayDeque<>();
    private volatile List<Target> targets = List.of();
    private volatile WebhookClient client;
    /** Null: deliveries are queued here; else claimed from the shared store. */
    private final SharedDeliveries shared;
    /** Shared deliveries this replica claimed and has not finished, so that closing releases them. */
    private final Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;
    private volatile String lastPollProblem;
    /** Endpoints tenants created over the API, or null when twin.yaml has no {@code webhookEndpoints}. */
    private volatile TenantEndpoints endpoints;

    private record Target(Webhook webhook, List<OperationGlob> events) {
        boolean wants(String type) {
            return events.stream().anyMatch(g -> g.matches(type));
        }
    }

    /** Where one delivery goes and how it is signed. */
    private record Destination(URI url, Webhook.Signature signature, String secret, int maxAttempts,
                               boolean fromApi) {
    }

    public WebhookDispatcher(Duration retryBase, Clock clock) {
        this(retryBase, clock, null);
    }

    /** Deliveries claimed from {@code shared} (null: queued in this process). */
    public WebhookDispatcher(Duration retryBase, Clock clock, SharedDeliveries shared) {
        this.retryBase = retryBase;
        this.clock = clock;
        this.shared = shared;
        this.client = new WebhookClient(Set.of(), this::executor);
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "twin-webhooks");
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    /** The configured webhooks (on start and on every reload); the client then accepts exactly their URLs. */
    public void install(List<Webhook> webhooks) {
        List<Target> next = new ArrayList<>();
        Set<URI> urls = new HashSet<>();
        for (Webhook webhook : webhooks) {
            next.add(new Target(webhook, webhook.events().stream().map(OperationGlob::of).toList()));
            urls.add(webhook.url());
        }
        if (!urls.equals(allowedUrls())) {
            client = new WebhookClient(urls, this::executor);
        }
        targets = List.copyOf(next);
        if (shared != null && !next.isEmpty()) {
            startPolling();
        }
    }

    /** The configured webhook URLs that want events of {@code type}. */
    private List<String> urlsFor(String type) {
        List<String> urls = new ArrayList<>();
        for (Target target : targets) {
            if (target.wants(type)) {
                urls.add(target.webhook().url().toString());
            }
        }
        return urls;
    }

    /**
     * Shared state: where an event of {@code type} is to be delivered, queued with the commit that stores it: the
     * URLs of the configured webhooks that want it, and the tenant's endpoints that want it among {@code tables}
     * (the tenant's rows as that commit leaves them), each named by a {@link TenantEndpoints.Ref}.
     */
    public List<String> destinationsFor(String type, TenantTables tables) {
        List<String> destinations = urlsFor(type);
        TenantEndpoints current = endpoints;
        if (current != null) {
            for (TenantEndpoints.Target target : current.wanting(tables, type)) {
                destinations.add(new TenantEndpoints.Ref(tables.tenant(), target.id()).encoded());
            }
        }
        return destinations;
    }

    /** Shared state: claims and attempts the deliveries due now, on the dispatcher's threads; returns at once. */
    void deliverShared() {
        if (shared != null && !closed) {
            try {
                executor().execute(this::pollShared);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                // closing: another replica delivers them
            }
        }
    }

    private synchronized void startPolling() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        long period = Math.max(20, Math.min(1_000, retryBase.toMillis() / 2));
        executor().scheduleWithFixedDelay(this::pollShared, period, period, TimeUnit.MILLISECONDS);
    }

    /** Claims what is due (a failed attempt's retry, a lease another replica let run out) and attempts each. */
    private void pollShared() {
        if (closed) {
            return;
        }
        try {
            List<SharedDeliveries.Claimed> claimed;
            do {
                claimed = shared.claim(clock.millis(), LEASE.toMillis(), CLAIM_BATCH);
                for (SharedDeliveries.Claimed delivery : claimed) {
                    inFlight.add(delivery.id());
                    attemptShared(delivery);
                }
            } while (claimed.size() == CLAIM_BATCH && !closed);
            lastPollProblem = null;
        } catch (RuntimeException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastPollProblem)) { // said once per cause, not every poll while the store is away
                LOG.log(System.Logger.Level.WARNING, "webhook deliveries: cannot claim from the state store: "
                        + problem);
                lastPollProblem = problem;
            }
        }
    }

    private void attemptShared(SharedDeliveries.Claimed delivery) {
        Destination destination;
        try {
            destination = sharedDestination(delivery.url());
        } catch (RuntimeException e) { // an endpoint could not be read: the lease runs out and it is claimed again
            LOG.log(System.Logger.Level.WARNING, "webhook delivery " + delivery.id() + ": " + e.getMessage());
            inFlight.remove(delivery.id());
            return;
        }
        if (destination == null) { // no longer configured, or the endpoint is gone or disabled: nobody is to get it
            finishShared(delivery.id());
            return;
        }
        java.util.concurrent.CompletableFuture<Integer> sent;
        try {
            sent = post(destination, delivery.payload());
        } catch (IllegalArgumentException refused) {
            record(new Delivery(clock.instant(), delivery.eventId(), delivery.type(), destination.url().toString(),
                    delivery.attempt(), 0, refused.getMessage()));
            finishShared(delivery.id());
            return;
        }
        sent.whenComplete((status, failure) -> {
            boolean ok = failure == null && status / 100 == 2;
            String error = failure != null ? describe(failure) : ok ? null : "answered " + status;
            record(new Delivery(clock.instant(), delivery.eventId(), delivery.type(), destination.url().toString(),
                    delivery.attempt(), status == null ? 0 : status, error));
            try {
                if (ok || delivery.attempt() >= destination.maxAttempts()) {
                    shared.finish(delivery.id());
                } else {
                    shared.retry(delivery.id(), clock.millis() + (retryBase.toMillis() << (delivery.attempt() - 1)),
                            delivery.attempt() + 1);
                }
            } catch (RuntimeException e) {
                // the store is away: the lease runs out and a replica attempts it again
                LOG.log(System.Logger.Level.WARNING, "webhook delivery " + delivery.id() + ": " + e.getMessage());
            } finally {
                inFlight.remove(delivery.id());
            }
        });
    }

    /**
     * Where a claimed shared delivery goes now: a configured webhook, by its URL, or a tenant's endpoint as its row
     * is now (its URL and secret may have changed since the event); null when nobody is to get it any more.
     */
    private Destination sharedDestination(String named) {
        TenantEndpoints.Ref ref = TenantEndpoints.Ref.parse(named);
        if (ref != null) {
            TenantEndpoints current = endpoints;
            TenantEndpoints.Target target = current == null ? null : current.target(ref);
            return target == null ? null : new Destination(target.url(), current.signature(), target.secret(),
                    current.maxAttempts(), true);
        }
        for (Target target : targets) {
            Webhook webhook = target.webhook();
            if (webhook.url().toString().equals(named)) {
                return new Destination(webhook.url(), webhook.signature(), webhook.secret(), webhook.maxAttempts(),
                        false);
            }
        }
        return null;
    }

    private void finishShared(String id) {
        try {
            shared.finish(id);
        } finally {
            inFlight.remove(id);
        }
    }

    /**
     * The endpoints tenants create over the API ({@code webhookEndpoints:}), read from {@code store}; null for none.
     * The store then refuses an endpoint row whose URL is not loopback or an allowed host.
     */
    public void installEndpoints(dev.twin.replayer.config.WebhookEndpoints config,
                                 dev.twin.replayer.internal.state.StateStore store) {
        TenantEndpoints next = config == null ? null : new TenantEndpoints(config, store);
        endpoints = next;
        if (shared != null && next != null) {
            startPolling(); // retries, and deliveries a stopped replica left, are claimed by any replica
        }
        store.checkBeforeCommit(next == null ? dev.twin.replayer.internal.state.CommitCheck.NONE : next.urlCheck());
    }

    /** Told of every committed change, to know which tenants hold endpoints. */
    void changed(String tenant, List<dev.twin.replayer.internal.state.RowChange> changes) {
        TenantEndpoints current = endpoints;
        if (current != null) {
            current.changed(tenant, changes);
        }
    }

    private Set<URI> allowedUrls() {
        Set<URI> urls = new HashSet<>();
        targets.forEach(t -> urls.add(t.webhook().url()));
        return urls;
    }

    /** How many configured webhooks want events of {@code type}. */
    int webhooksFor(String type) {
        return (int) targets.stream().filter(target -> target.wants(type)).count();
    }

    /**
     * Queues the event for every webhook that wants its type, and for the tenant's endpoints created over the API;
     * returns at once (the tenant's endpoints are read on the webhook threads).
     *
     * @param tenant whose endpoints may want it; null for the configured webhooks only (a resend)
     */
    void dispatch(String tenant, LoggedEvent event) {
        String type = event.type();
        String payload = null; // built only when some webhook wants the event (none are configured by default)
        for (Target target : targets) {
            if (target.wants(type)) {
                if (payload == null) {
                    payload = event.json().toString();
                }
                Webhook webhook = target.webhook();
                submit(new Destination(webhook.url(), webhook.signature(), webhook.secret(), webhook.maxAttempts(),
                        false), event.id(), type, payload);
            }
        }
        TenantEndpoints current = endpoints;
        if (current != null && tenant != null && current.mayHave(tenant)) {
            try {
                executor().execute(() -> {
                    List<TenantEndpoints.Target> wanting = current.wanting(tenant, type);
                    if (!wanting.isEmpty()) {
                        String body = event.json().toString();
                        for (TenantEndpoints.Target target : wanting) {
                            attempt(new Destination(target.url(), current.signature(), target.secret(),
                                    current.maxAttempts(), true), event.id(), type, body, 1);
                        }
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the twin is shutting down: nothing more is delivered
            }
        }
    }

    private void submit(Destination destination, String eventId, String type, String payload) {
        try {
            executor().execute(() -> attempt(destination, eventId, type, payload, 1));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the twin is shutting down: nothing more is delivered
        }
    }

    private void attempt(Destination destination, String eventId, String type, String payload, int attempt) {
        java.util.concurrent.CompletableFuture<Integer> sent;
        try {
            sent = post(destination, payload);
        } catch (IllegalArgumentException refused) {
            record(new Delivery(clock.instant(), eventId, type, destination.url().toString(), attempt, 0,
                    refused.getMessage()));
            return;
        }
        sent.whenComplete((status, failure) -> {
            boolean ok = failure == null && status / 100 == 2;
            String error = failure != null ? describe(failure) : ok ? null : "answered " + status;
            record(new Delivery(clock.instant(), eventId, type, destination.url().toString(), attempt,
                    status == null ? 0 : status, error));
            ScheduledExecutorService scheduler = executor();
            if (!ok && attempt < destination.maxAttempts() && !scheduler.isShutdown()) {
                long delay = retryBase.toMillis() << (attempt - 1);
                scheduler.schedule(() -> attempt(destination, eventId, type, payload, attempt + 1), delay,
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Posts the payload, signed as the destination says.
     *
     * @throws IllegalArgumentException the client refuses the URL (not a configured webhook, an endpoint's URL
     *                                  not allowed)
     */
    private java.util.concurrent.CompletableFuture<Integer> post(Destination destination, String payload) {
        Map<String, String> headers = destination.signature() == Webhook.Signature.STRIPE
                && destination.secret() != null
                ? Map.of(StripeSignature.HEADER, StripeSignature.header(destination.secret(),
                clock.millis() / 1000, payload))
                : Map.of();
        if (destination.fromApi()) {
            TenantEndpoints current = endpoints;
            return client.postToEndpoint(destination.url(), payload, headers, current == null ? null : current.urls());
        }
        return client.post(destination.url(), payload, headers);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void record(Delivery delivery) {
        if (shared != null) {
            try {
                shared.log(deliveryJson(delivery));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "webhook delivery log: " + e.getMessage());
            }
            return;
        }
        synchronized (log) {
            log.addFirst(delivery);
            while (log.size() > LOG_SIZE) {
                log.removeLast();
            }
        }
    }

    private static String deliveryJson(Delivery d) {
        com.fasterxml.jackson.databind.node.ObjectNode entry = JSON.createObjectNode();
        entry.put("at", d.at().toString());
        entry.put("event", d.eventId());
        entry.put("type", d.type());
        entry.put("url", d.url());
        entry.put("attempt", d.attempt());
        entry.put("status", d.status());
        entry.put("error", d.error());
        return entry.toString();
    }

    private static Delivery delivery(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode d = JSON.readTree(json);
            return new Delivery(java.time.Instant.parse(d.get("at").asText()), d.get("event").asText(),
                    d.get("type").asText(), d.get("url").asText(), d.get("attempt").asInt(), d.get("status").asInt(),
                    d.get("error").isNull() ? null : d.get("error").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Newest first (with shared state: every replica's attempts). */
    public List<Delivery> deliveries() {
        if (shared != null) {
            return shared.log().stream().map(WebhookDispatcher::delivery).toList();
        }
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** The client the deliveries use (it refuses URLs that are not configured webhooks). */
    public WebhookClient client() {
        return client;
    }

    /**
     * Stops delivering. With shared state, attempts under way get a few seconds to finish, and the claims of those
     * that did not are released, so another replica delivers them at once rather than when the lease runs out.
     */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) {
            return;
        }
        if (shared != null) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            for (String id : List.copyOf(inFlight)) {
                try {
                    shared.release(id, clock.millis());
                } catch (RuntimeException e) {
                    break; // the store is away: the leases run out instead
                }
            }
        }
        running.shutdownNow();
    }
}
