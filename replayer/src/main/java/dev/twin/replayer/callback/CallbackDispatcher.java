package dev.twin.replayer.callback;

import dev.twin.replayer.config.CallbackRule;
import dev.twin.replayer.config.CallbacksConfig;
import dev.twin.replayer.config.TableConfig;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.convention.ExpressionRow;
import dev.twin.replayer.convention.RowShaper;
import dev.twin.replayer.convention.TableConventions;
import dev.twin.replayer.convention.TimeVariable;
import dev.twin.replayer.pipeline.Responder;
import dev.twin.replayer.state.ChangeListener;
import dev.twin.replayer.state.RowChange;
import dev.twin.replayer.state.TenantResolver;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.MapContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Turns committed row changes into callbacks ({@code callbacks.send}): for each rule of the changed row's table whose
 * {@code when} holds, the URL, method, form fields and signature are worked out on the committing thread (the row
 * as it was committed), and the request is sent on the callback threads — one row's callbacks one after another, in
 * commit order, so a receiver sees {@code sent} before {@code delivered}. A failed attempt (no connection, a non-2xx
 * answer) is retried after the backoff, doubled each time, up to the rule's {@code maxAttempts} (default 1: Twilio
 * does not retry status callbacks). Every attempt is kept in a bounded log ({@code GET /__twin/callbacks}).
 */
public final class CallbackDispatcher implements ChangeListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CallbackDispatcher.class.getName());
    private static final int LOG_SIZE = 500;

    private final Clock clock;
    private final Duration retryBase;
    private final TenantSecrets secrets = new TenantSecrets();
    private final Deque<CallbackDelivery> log = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicLong prepared = new java.util.concurrent.atomic.AtomicLong();
    /** Per row, the last callback queued: the next one is sent after it. */
    private final Map<String, CompletableFuture<Void>> rowChains = new HashMap<>();
    private volatile Compiled compiled = new Compiled(Map.of(), null, false);
    private ScheduledExecutorService executor; // started with the first callback
    private boolean closed;

    private record Rule(CallbackRule config, RowShaper shaper) {
    }

    private record Compiled(Map<String, List<Rule>> byTable, CallbackClient client, boolean signs) {
    }

    /** One callback ready to send. */
    private record Outgoing(String tenant, Rule rule, String id, String method, URI url, Map<String, String> params,
                            String form, Map<String, String> headers, String note) {
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
                        .add(new Rule(rule, TableConventions.of(table).shaper()));
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
                    Outgoing outgoing = prepare(tenant, rule, change);
                    if (outgoing != null) {
                        enqueue(current.client(), outgoing);
                    }
                } catch (JexlException e) {
                    LOG.log(System.Logger.Level.WARNING, "callbacks: " + rule.config().name() + " at "
                            + rule.config().location() + " could not be evaluated for row '" + change.id() + "': "
                            + e.getMessage());
                }
            }
        }
    }

    /** The callback for this change, or null when the rule's {@code when} does not hold or the row names no URL. */
    private Outgoing prepare(String tenant, Rule rule, RowChange change) {
        CallbackRule config = rule.config();
        MapContext variables = new MapContext();
        Map<String, Object> row = ExpressionRow.of(rule.shaper(), change.after());
        variables.set("row", row);
        variables.set("before", change.before() == null ? null : ExpressionRow.of(rule.shaper(), change.before()));
        variables.set("time", TimeVariable.of(change.after().updatedAtMillis()));
        if (config.when() != null && !Boolean.TRUE.equals(config.when().evaluate(variables))) {
            return null;
        }
        Object urlValue = config.url().evaluate(variables);
        if (urlValue == null || String.valueOf(urlValue).isBlank()) {
            return null; // the client asked for no callback
        }
        String method = config.method() == null ? null : text(config.method().evaluate(variables));
        method = method != null && method.equalsIgnoreCase("GET") ? "GET" : "POST";
        Map<String, String> params = new LinkedHashMap<>();
        config.params().forEach((name, expression) -> {
            String value = text(expression.evaluate(variables));
            if (value != null) {
                params.put(name, value);
            }
        });
        String form = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String target = String.valueOf(urlValue).strip();
        if (method.equals("GET") && !form.isEmpty()) {
            target = target + (target.contains("?") ? "&" : "?") + form;
        }
        URI url;
        try {
            url = new URI(target);
        } catch (URISyntaxException e) {
            record(new CallbackDelivery(clock.instant(), config.name(), config.table(), change.id(), method, target,
                    params, false, 1, 0, "not a URL: " + e.getMessage()));
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String note = null;
        if (config.signature() == CallbackRule.Signature.TWILIO) {
            MapContext keyVariables = new MapContext();
            keyVariables.set("row", row);
            keyVariables.set("password", secrets.of(tenant));
            String key = text(config.signingKey().evaluate(keyVariables));
            if (key == null || key.isEmpty()) {
                note = "sent unsigned: no signing key (the tenant sent no password since the twin started)";
            } else {
                headers.put(TwilioSignature.HEADER, TwilioSignature.of(key, target,
                        method.equals("GET") ? Map.of() : params));
            }
        }
        return new Outgoing(tenant, rule, change.id(), method, url, params, method.equals("GET") ? null : form,
                headers, note);
    }

    private void enqueue(CallbackClient client, Outgoing outgoing) {
        prepared.incrementAndGet();
        String refusal = client.refusal(outgoing.url());
        if (refusal != null) {
            record(delivery(outgoing, 1, 0, "refused, nothing sent: " + refusal));
            return;
        }
        String key = outgoing.tenant() + "\u0000" + outgoing.rule().config().table() + "\u0000" + outgoing.id();
        synchronized (rowChains) {
            if (closed) {
                return;
            }
            CompletableFuture<Void> previous = rowChains.getOrDefault(key, CompletableFuture.completedFuture(null));
            CompletableFuture<Void> next;
            try {
                next = previous.handleAsync((ignored, failure) -> null, executor())
                        .thenCompose(ignored -> attempt(client, outgoing, 1));
            } catch (RejectedExecutionException shutDown) {
                return;
            }
            rowChains.put(key, next);
            next.whenComplete((ignored, failure) -> {
                synchronized (rowChains) {
                    rowChains.remove(key, next);
                }
            });
        }
    }

    private CompletableFuture<Void> attempt(CallbackClient client, Outgoing outgoing, int attempt) {
        CompletableFuture<Integer> sent;
        try {
            sent = client.send(outgoing.method(), outgoing.url(), outgoing.form(), outgoing.headers());
        } catch (RuntimeException e) {
            record(delivery(outgoing, attempt, 0, e.getMessage()));
            return CompletableFuture.completedFuture(null);
        }
        return sent.handle((status, failure) -> {
            boolean ok = failure == null && status / 100 == 2;
            String error = failure != null ? describe(failure) : ok ? outgoing.note() : "answered " + status;
            record(delivery(outgoing, attempt, status == null ? 0 : status, error));
            return ok;
        }).thenCompose(ok -> {
            if (ok || attempt >= outgoing.rule().config().maxAttempts()) {
                return CompletableFuture.completedFuture(null);
            }
            long delay = retryBase.toMillis() << (attempt - 1);
            try {
                return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, executor()))
                        .thenCompose(ignored -> attempt(client, outgoing, attempt + 1));
            } catch (RejectedExecutionException shutDown) {
                return CompletableFuture.completedFuture(null);
            }
        });
    }

    private CallbackDelivery delivery(Outgoing outgoing, int attempt, int status, String error) {
        CallbackRule rule = outgoing.rule().config();
        return new CallbackDelivery(clock.instant(), rule.name(), rule.table(), outgoing.id(), outgoing.method(),
                outgoing.url().toString(), outgoing.params(), !outgoing.headers().isEmpty(), attempt, status, error);
    }

    private void record(CallbackDelivery delivery) {
        synchronized (log) {
            log.addFirst(delivery);
            while (log.size() > LOG_SIZE) {
                log.removeLast();
            }
        }
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
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** Forgets the delivery log. */
    public void clearLog() {
        synchronized (log) {
            log.clear();
        }
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

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && !Double.isInfinite(number)
                    ? String.valueOf((long) number) : String.valueOf(number);
        }
        return String.valueOf(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
