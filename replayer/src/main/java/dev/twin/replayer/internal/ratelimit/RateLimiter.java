package dev.twin.replayer.internal.ratelimit;

import dev.twin.replayer.config.ConfigException;
import dev.twin.replayer.config.ConfigProblem;
import dev.twin.replayer.config.ConfigProblems;
import dev.twin.replayer.config.RateLimit;
import dev.twin.replayer.config.TwinConfig;
import dev.twin.replayer.internal.scenario.OperationGlob;
import dev.twin.replayer.internal.state.SharedBuckets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rate limits of a configuration: for each request, the limits whose globs match its operation each take a
 * token from the tenant's bucket of that limit; the first empty bucket refuses the request. Buckets persist across
 * reloads for limits whose name and numbers did not change.
 */
public final class RateLimiter {
    private final Clock clock;
    private static final int SWEEP_AT = 10_000;
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    /** The bucket count that starts the next sweep: doubles when few refilled, so sweeps stay amortised O(1). */
    private int sweepAt = SWEEP_AT;
    private volatile List<CompiledLimit> limits = List.of();
    /** Null: the buckets above, in this process; else the buckets every replica shares. */
    private final SharedBuckets shared;

    /** A limit with the operation ids its globs matched at install: a request only looks its operation up. */
    record CompiledLimit(RateLimit limit, Set<String> operationIds) {
        boolean covers(String operationId) {
            return operationIds.contains(operationId);
        }
    }

    /** The outcome for one request under one limit. */
    public record Verdict(RateLimit limit, boolean allowed, int remaining, long retryAfterMillis, long resetAtMillis) {
    }

    public RateLimiter(Clock clock) {
        this(clock, null);
    }

    /** Buckets kept in {@code shared} (null: in memory), so that a limit holds across replicas. */
    public RateLimiter(Clock clock, SharedBuckets shared) {
        this.clock = clock;
        this.shared = shared;
    }

    /** @throws ConfigException when a limit's glob matches no imported operation */
    public void install(TwinConfig config, List<String> operations) throws ConfigException {
        // globs are checked against every operation before the lock that take() needs is held
        List<ConfigProblem> problems = new ArrayList<>();
        List<CompiledLimit> compiled = new ArrayList<>();
        for (RateLimit limit : config.sandbox().rateLimits()) {
            List<OperationGlob> globs = new ArrayList<>();
            for (String glob : limit.operations()) {
                String refused = OperationGlob.problem(glob);
                if (refused != null) {
                    problems.add(ConfigProblems.at(config.sourceMap(), limit.pointer() + "/operations", refused));
                    continue;
                }
                OperationGlob g = OperationGlob.of(glob);
                if (operations.stream().noneMatch(g::matches)) {
                    problems.add(ConfigProblems.at(config.sourceMap(), limit.pointer() + "/operations",
                            ConfigProblems.withSuggestion("no imported operation matches '" + glob
                                    + "', so this limit could never apply", glob, operations)));
                }
                globs.add(g);
            }
            Set<String> covered = new HashSet<>();
            for (String operation : operations) {
                if (globs.stream().anyMatch(g -> g.matches(operation))) {
                    covered.add(operation);
                }
            }
            compiled.add(new CompiledLimit(limit, Set.copyOf(covered)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        replace(compiled);
    }

    private synchronized void replace(List<CompiledLimit> compiled) {
        List<RateLimit> before = limits.stream().map(CompiledLimit::limit).toList();
        if (!compiled.stream().map(CompiledLimit::limit).toList().equals(before)) {
            buckets.clear();
        }
        limits = List.copyOf(compiled);
    }

    /** Every bucket full again (a full {@code POST /__twin/reset}), or only those of {@code tenant} when not null. */
    public synchronized void refill(String tenant) {
        if (shared != null) {
            shared.refill(tenant);
            return;
        }
        if (tenant == null) {
            buckets.clear();
        } else {
            buckets.keySet().removeIf(key -> key.endsWith("\u0000" + tenant));
        }
    }

    public synchronized boolean isEmpty() {
        return limits.isEmpty();
    }

    /**
     * Takes a token from every matching limit's bucket for the tenant; returns the refusing verdict, or the verdict
     * of the first matching limit (for its headers), or empty when no limit covers the operation.
     */
    public Optional<Verdict> take(String operationId, String tenant) {
        if (shared != null) {
            return takeShared(operationId, tenant); // a network round trip: under no lock
        }
        synchronized (this) {
            return takeHere(operationId, tenant);
        }
    }

    private Optional<Verdict> takeShared(String operationId, String tenant) {
        long now = clock.millis();
        Verdict first = null;
        List<CompiledLimit> current = limits;
        for (int i = 0; i < current.size(); i++) {
            CompiledLimit compiled = current.get(i);
            if (!compiled.covers(operationId)) {
                continue;
            }
            RateLimit limit = compiled.limit();
            // the limit's numbers are in the key: a reload that changes them starts full buckets, as in memory
            String key = i + ":" + limit.capacity() + ":" + limit.refillPerSecond() + "\u0000" + tenant;
            SharedBuckets.Taken taken = shared.take(key, limit.capacity(), limit.refillPerSecond(), now);
            Verdict verdict = new Verdict(limit, taken.allowed(), taken.remaining(), taken.millisUntilToken(),
                    now + taken.millisUntilFull());
            if (!taken.allowed()) {
                return Optional.of(verdict);
            }
            if (first == null) {
                first = verdict;
            }
        }
        return Optional.ofNullable(first);
    }

    private Optional<Verdict> takeHere(String operationId, String tenant) {
        long now = clock.millis();
        Verdict first = null;
        for (int i = 0; i < limits.size(); i++) {
            CompiledLimit compiled = limits.get(i);
            if (!compiled.covers(operationId)) {
                continue;
            }
            RateLimit limit = compiled.limit();
            if (buckets.size() >= sweepAt) {
                forgetFullBuckets(now);
            }
            TokenBucket bucket = buckets.computeIfAbsent(i + "\u0000" + tenant,
                    k -> new TokenBucket(limit.capacity(), limit.refillPerSecond(), now));
            boolean allowed = bucket.tryTake(now);
            Verdict verdict = new Verdict(limit, allowed, bucket.remaining(), bucket.millisUntilToken(),
                    now + bucket.millisUntilFull());
            if (!allowed) {
                return Optional.of(verdict);
            }
            if (first == null) {
                first = verdict;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Drops the buckets that have refilled: every key a client sends gets one, and a full bucket is what a new one
     * would be, so forgetting it changes no answer while keeping memory bounded by the keys active lately.
     */
    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        sweepAt = Math.max(SWEEP_AT, buckets.size() * 2);
    }

    /**
     * The limits and each tenant's bucket as they are now ({@code GET /__twin/ratelimits}): a tenant with no
     * bucket listed has a full one.
     */
    public synchronized com.fasterxml.jackson.databind.node.ObjectNode toJson() {
        long now = clock.millis();
        var body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        var list = body.putArray("limits");
        for (int i = 0; i < limits.size(); i++) {
            RateLimit limit = limits.get(i).limit();
            var item = list.addObject().put("name", limit.name()).put("capacity", limit.capacity())
                    .put("refillPerSecond", limit.refillPerSecond());
            limit.operations().forEach(item.putArray("operations")::add);
            var tenantBuckets = item.putArray("buckets");
            String prefix = i + "\u0000";
            for (Map.Entry<String, TokenBucket> entry : new java.util.TreeMap<>(buckets(prefix)).entrySet()) {
                tenantBuckets.addObject().put("tenant", entry.getKey())
                        .put("remaining", entry.getValue().remainingAt(now));
            }
        }
        return body;
    }

    private Map<String, TokenBucket> buckets(String prefix) {
        Map<String, TokenBucket> byTenant = new HashMap<>();
        buckets.forEach((key, bucket) -> {
            if (key.startsWith(prefix)) {
                byTenant.put(key.substring(prefix.length()), bucket);
            }
        });
        return byTenant;
    }

    /** The {@code X-RateLimit-*} headers a limit is configured with, for a verdict. */
    public static Map<String, String> headers(Verdict verdict) {
        Map<String, String> headers = new LinkedHashMap<>();
        RateLimit limit = verdict.limit();
        if (limit.limitHeader() != null) {
            headers.put(limit.limitHeader(), Integer.toString(limit.capacity()));
        }
        if (limit.remainingHeader() != null) {
            headers.put(limit.remainingHeader(), Integer.toString(verdict.remaining()));
        }
        if (limit.resetHeader() != null) {
            headers.put(limit.resetHeader(), Long.toString((verdict.resetAtMillis() + 999) / 1000));
        }
        return headers;
    }
}
