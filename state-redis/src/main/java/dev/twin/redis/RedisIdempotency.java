package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedIdempotency;
import io.lettuce.core.ScriptOutputType;

/**
 * Idempotency records in Redis, {@code PREFIX:e:EPOCH:idem:TENANT:GENERATION:KEY}, expiring with the window: a
 * write's record is set by the script that commits the write; an answer that wrote nothing is set here, once
 * ({@code SET NX}), so the first answer to a key is the one every replica replays. They live under the epoch and
 * the tenant's reset generation ({@code PREFIX:gen:TENANT}), so the one script that resets the state, or a tenant,
 * or restores a snapshot forgets them with it: nothing is left to delete afterwards that a write committed
 * meanwhile could lose.
 */
final class RedisIdempotency implements SharedIdempotency {
    private static final RedisScript GET = RedisScript.load("idempotency-get");
    private static final RedisScript PUT = RedisScript.load("idempotency-put");

    private final RedisConnection redis;
    private final String prefix;

    RedisIdempotency(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix();
    }

    @Override
    public String get(String tenant, String key) {
        return redis.run(GET, ScriptOutputType.VALUE, prefix, tenant, key);
    }

    @Override
    public void putIfAbsent(String tenant, String key, String value, long windowMillis) {
        redis.run(PUT, ScriptOutputType.INTEGER, prefix, tenant, key, value, Long.toString(windowMillis));
    }

    /** Nothing to do: the reset or restore this follows started a new epoch, which holds no record. */
    @Override
    public void clear() {
    }

    /** Nothing to do: the tenant reset this follows moved the tenant to a new generation, which holds no record. */
    @Override
    public void clearTenant(String tenant) {
    }
}
