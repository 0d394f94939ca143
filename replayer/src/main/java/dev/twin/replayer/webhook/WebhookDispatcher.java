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

    private record Target(Webhook webhook, List<OperationGlob> events) {
        boolean wants(String type) {
            return events.stream().anyMatch(g -> g.matches(type));
        }
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

    private Set<URI> allowedUrls() {
        Set<URI> urls = new HashSet<>();
        targets.forEach(t -> urls.add(t.webhook().url()));
        return urls;
    }

    /** How many configured webhooks want events of {@code type}. */
    int webhooksFor(String type) {
        return (int) targets.stream().filter(target -> target.wants(type)).count();
    }

    /** Queues the event for every webhook that wants its type; returns at once. */
    void dispatch(LoggedEvent event) {
        String type = event.type();
        String payload = null; // built only when some webhook wants the event (none are configured by default)
        for (Target target : targets) {
            if (target.wants(type)) {
                if (payload == null) {
                    payload = event.json().toString();
                }
                String body = payload;
                try {
                    executor().execute(() -> attempt(target.webhook(), event.id(), type, body, 1));
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    return; // the twin is shutting down: nothing more is delivered
                }
            }
        }
    }

    private void attempt(Webhook webhook, String eventId, String type, String payload, int attempt) {
        Map<String, String> headers = webhook.signature() == Webhook.Signature.STRIPE
                ? Map.of(StripeSignature.HEADER, StripeSignature.header(webhook.secret(),
                clock.millis() / 1000, payload))
                : Map.of();
        client.post(webhook.url(), payload, headers).whenComplete((status, failure) -> {
            boolean ok = failure == null && status / 100 == 2;
            String error = failure != null ? describe(failure) : ok ? null : "answered " + status;
            record(new Delivery(clock.instant(), eventId, type, webhook.url().toString(), attempt,
                    status == null ? 0 : status, error));
            ScheduledExecutorService scheduler = executor();
            if (!ok && attempt < webhook.maxAttempts() && !scheduler.isShutdown()) {
                long delay = retryBase.toMillis() << (attempt - 1);
                scheduler.schedule(() -> attempt(webhook, eventId, type, payload, attempt + 1), delay,
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
