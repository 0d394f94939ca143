package dev.twin.replayer.webhook;

import dev.twin.replayer.config.Webhook;
import dev.twin.replayer.scenario.OperationGlob;

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
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final int LOG_SIZE = 500;

    private ScheduledExecutorService executor; // started with the first delivery
    private final Duration retryBase;
    private final Clock clock;
    private final Deque<Delivery> log = new ArrayDeque<>();
    private volatile List<Target> targets = List.of();
    private volatile WebhookClient client;
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
        this.retryBase = retryBase;
        this.clock = clock;
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
    }

    /**
     * The endpoints tenants create over the API ({@code webhookEndpoints:}), read from {@code store}; null for none.
     * The store then refuses an endpoint row whose URL is not loopback or an allowed host.
     */
    public void installEndpoints(dev.twin.replayer.config.WebhookEndpoints config,
                                 dev.twin.replayer.state.StateStore store) {
        TenantEndpoints next = config == null ? null : new TenantEndpoints(config, store);
        endpoints = next;
        store.beforeCommit(next == null ? dev.twin.replayer.state.CommitCheck.NONE : next.urlCheck());
    }

    /** Told of every committed change, to know which tenants hold endpoints. */
    void changed(String tenant, List<dev.twin.replayer.state.RowChange> changes) {
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

    /**
     * Queues the event for every webhook that wants its type, and for the tenant's endpoints created over the API;
     * returns at once (the tenant's endpoints are read on the webhook threads).
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
        if (current != null && current.mayHave(tenant)) {
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
        Map<String, String> headers = destination.signature() == Webhook.Signature.STRIPE
                && destination.secret() != null
                ? Map.of(StripeSignature.HEADER, StripeSignature.header(destination.secret(),
                clock.millis() / 1000, payload))
                : Map.of();
        TenantEndpoints current = endpoints;
        java.util.concurrent.CompletableFuture<Integer> sent;
        try {
            sent = destination.fromApi()
                    ? client.postToEndpoint(destination.url(), payload, headers,
                    current == null ? null : current.urls())
                    : client.post(destination.url(), payload, headers);
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

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private void record(Delivery delivery) {
        synchronized (log) {
            log.addFirst(delivery);
            while (log.size() > LOG_SIZE) {
                log.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<Delivery> deliveries() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** The client the deliveries use (it refuses URLs that are not configured webhooks). */
    public WebhookClient client() {
        return client;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
