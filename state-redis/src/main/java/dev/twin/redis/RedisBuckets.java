package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedBuckets;
import io.lettuce.core.ScriptOutputType;

import java.util.List;

/**
 * Rate-limit buckets in Redis, {@code PREFIX:rl:RESETS:TENANT:GENERATION:LIMIT}: a token is taken by one script, so
 * replicas share each bucket exactly; a bucket expires once it would be full again (a full bucket is what a new one
 * is). A full reset moves the reset count on and a tenant reset the tenant's generation, in the script that resets
 * the state: the buckets of before are left behind, to expire, and every bucket is full again at once.
 */
final class RedisBuckets implements SharedBuckets {
    private static final RedisScript TAKE = RedisScript.load("take-token");

    private final RedisConnection redis;
    private final String prefix;

    RedisBuckets(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix();
    }

    /** @param key {@code LIMIT NUL TENANT}, as the rate limiter names a bucket */
    @Override
    public Taken take(String key, int capacity, double refillPerSecond, long nowMillis) {
        int separator = key.lastIndexOf('\u0000');
        String tenant = separator < 0 ? "-" : key.substring(separator + 1);
        String limit = separator < 0 ? key : key.substring(0, separator);
        List<Object> reply = redis.run(TAKE, ScriptOutputType.MULTI, prefix, tenant, limit,
                Integer.toString(capacity), Double.toString(refillPerSecond / 1000.0), Long.toString(nowMillis));
        return new Taken((Long) reply.get(0) == 1, ((Long) reply.get(1)).intValue(), (Long) reply.get(2),
                (Long) reply.get(3));
    }

    /** Nothing to do: the reset this follows moved every bucket (or the tenant's) on to a full one. */
    @Override
    public void refill(String tenantOrNull) {
    }
}
