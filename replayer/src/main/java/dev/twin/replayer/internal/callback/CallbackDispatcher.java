package dev.twin.replayer.internal.callback;

import dev.twin.replayer.config.CallbackRule;
import dev.twin.replayer.config.CallbacksConfig;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.convention.RowShaper;
import dev.twin.replayer.internal.convention.TableConventions;
import dev.twin.replayer.internal.pipeline.Responder;
import dev.twin.replayer.internal.state.ChangeListener;
import dev.twin.replayer.internal.state.RowChange;
import dev.twin.replayer.internal.state.TenantResolver;
import org.apache.commons.jexl3.JexlException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns committed row changes into callbacks ({@code callbacks.send}): for each rule of the changed row's table,
 * {@link CallbackForm} works the request out on the committing thread (the row as committed), and it is sent on
 * the callback threads — one row's callbacks one after another, in commit order, so a receiver sees {@code sent}
 * before {@code delivered}. A failed attempt (no connection, a non-2xx answer) is retried after the backoff,
 * doubled each time, up to the rule's {@code maxAttempts} (default 1: Twilio does not retry status callbacks).
 * Every attempt is kept in a bounded log ({@code GET /__twin/callbacks}).
 */
public final class CallbackDispatcher implements ChangeListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CallbackDispatcher.class.getName());

    private final Clock clock;
    private final Duration retryBase;
    private final TenantSecrets secrets = new TenantSecrets();
    private final CallbackLog log = new CallbackLog();
    private final AtomicLong prepared = new AtomicLong();
    /** Per row, the last callback queued: the next one is sent after it. */
    private final Map<String, CompletableFuture<Void>> rowChains = new HashMap<>();
    private volatile Compiled compiled = new Compiled(Map.of(), null, false);
    private ScheduledExecutorService executor; // started with the first callback
    private boolean closed;

    private record Rule(CallbackRule config, RowShaper shaper) {
    }

    private record Compiled(Map<String, List<Rule>> byTable, CallbackClient client, boolean signs) {
    }

    public CallbackDispatcher(Clock clock, Duration retryBase) {
        this.clock = clock;
        this.retryBase = retryBase;
    }

    /** The rules of a (re)loaded configuration, and the hosts callbacks may go to. */
    public void install(TwinConfig config) {
        CallbacksConfig callbacks = config.sandbox().callbacks();
        Map<String, TableConfig> tables = new HashMap<>();
        config.tables().forEach(table -> tables.put(table.name(), table));
        Map<String, List<Rule>> byTable = new HashMap<>();
        boolean signs = false;
        for (CallbackRule rule : callbacks.send()) {
            TableConfig table = tables.get(rule.table());
            if (table != null) {
                byTable.computeIfAbsent(rule.table(), name -> new ArrayList<>())
                        .add(new Rule(rule, TableConventions.of(table, clock).shaper()));
                signs |= rule.signature() != CallbackRule.Signature.NONE;
            }
        }
        byTable.replaceAll((table, rules) -> List.copyOf(rules));
        compiled = new Compiled(Map.copyOf(byTable),
                new CallbackClient(new CallbackHosts(callbacks.allowHosts()), task -> executor().execute(task)), signs);
    }

    /** The pipeline link that learns each tenant's signing key, wrapped around {@code next} when a rule signs. */
    public Responder recording(TenantResolver tenants, Responder next) {
        return compiled.signs() ? new SecretRecorder(secrets, tenants, next) : next;
    }

    @Override
    public void committed(String tenant, List<RowChange> changes) {
        Compiled current = compiled;
        if (current.byTable().isEmpty()) {
            return;
        }
        for (RowChange change : changes) {
            if (change.after() == null) {
                continue;
            }
            for (Rule rule : current.byTable().getOrDefault(change.table(), List.of())) {
                try {
                    CallbackRequest request = CallbackForm.of(tenant, rule.config(), rule.shaper(), change,
                            secrets.of(tenant));
                    if (request != null) {
                        enqueue(current.client(), request);
                    }
                } catch (JexlException e) {
                    LOG.log(System.Logger.Level.WARNING, "callbacks: " + rule.config().name() + " at "
                            + rule.config().location() + " could not be evaluated for row '" + change.id() + "': "
                            + e.getMessage());
                }
            }
        }
    }

    private void enqueue(CallbackClient client, CallbackRequest request) {
        prepared.incrementAndGet();
        String refusal = request.url() == null ? request.note() : client.refusal(request.url());
        if (refusal != null) {
            log.add(delivery(request, 1, 0, "refused, nothing sent: " + refusal));
            return;
        }
        synchronized (rowChains) {
            if (closed) {
                return;
            }
            CompletableFuture<Void> previous = rowChains.getOrDefault(request.rowKey(),
                    CompletableFuture.completedFuture(null));
            CompletableFuture<Void> next;
            try {
                next = previous.handleAsync((ignored, failure) -> null, executor())
                        .thenCompose(ignored -> attempt(client, request, 1));
            } catch (RejectedExecutionException shutDown) {
                return;
            }
            rowChains.put(request.rowKey(), next);
            next.whenComplete((ignored, failure) -> {
                synchronized (rowChains) {
                    rowChains.remove(request.rowKey(), next);
                }
            });
        }
    }

    private CompletableFuture<Void> attempt(CallbackClient client, CallbackRequest request, int attempt) {
        CompletableFuture<Integer> sent;
        try {
            sent = client.send(request.method(), request.url(), request.form(), request.headers());
        } catch (RuntimeException e) {
            log.add(delivery(request, attempt, 0, e.getMessage()));
            return CompletableFuture.completedFuture(null);
        }
        return sent.handle((status, failure) -> {
            boolean ok = failure == null && status / 100 == 2;
            String error = failure != null ? describe(failure) : ok ? request.note() : "answered " + status;
            log.add(delivery(request, attempt, status == null ? 0 : status, error));
            return ok;
        }).thenCompose(ok -> {
            if (ok || attempt >= request.maxAttempts()) {
                return CompletableFuture.completedFuture(null);
            }
            long delay = retryBase.toMillis() << (attempt - 1);
            try {
                return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor()))
                        .thenCompose(ignored -> attempt(client, request, attempt + 1));
            } catch (RejectedExecutionException shutDown) {
                return CompletableFuture.completedFuture(null);
            }
        });
    }

    private CallbackDelivery delivery(CallbackRequest request, int attempt, int status, String error) {
        return new CallbackDelivery(clock.instant(), request.callback(), request.table(), request.id(),
                request.method(), request.target(), request.params(), request.signed(), attempt, status, error);
    }

    /**
     * Callbacks made so far (sent, on their way, or refused), counted when the change that causes them commits: a
     * change that causes none leaves it as it was.
     */
    public long prepared() {
        return prepared.get();
    }

    /** Newest first. */
    public List<CallbackDelivery> deliveries() {
        return log.newestFirst();
    }

    /** Forgets the delivery log; answers how many attempts it held. */
    public int clearLog() {
        return log.clear();
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "twin-callbacks");
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        synchronized (rowChains) {
            closed = true;
        }
        synchronized (this) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        secrets.clear();
    }
}
