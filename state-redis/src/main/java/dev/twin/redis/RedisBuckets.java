package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedBuckets;
import io.lettuce.core.ScriptOutputType;

import java.util.List;

/**
 * Rate-limit buckets in Redis, {@code PREFIX:rl:TENANT:LIMIT}: a token is taken by one script, so replicas share
 * each bucket exactly; a bucket expires once it would be full again (a full bucket is what a new one is).
 */
final class RedisBuckets implements SharedBuckets {
    private static final RedisScript TAKE = RedisScript.load("take-token");

    private final RedisConnection redis;
    private final String prefix;

    RedisBuckets(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix() + ":rl:";
    }

    @Override
    public Taken take(String key, int capacity, double refillPerSecond, long nowMillis) {
        int separator = key.lastIndexOf('\u0000');
        String redisKey = separator < 0 ? prefix + key
                : prefix + key.substring(separator + 1) + ":" + key.substring(0, separator);
        List<Object> reply = redis.run(TAKE, ScriptOutputType.MULTI, redisKey, Integer.toString(capacity),
                Double.toString(refillPerSecond / 1000.0), Long.toString(nowMillis));
        return new Taken((Long) reply.get(0) == 1, ((Long) reply.get(1)).intValue(), (Long) reply.get(2),
                (Long) reply.get(3));
    }

    @Override
    public void refill(String tenantOrNull) {
        RedisState.deleteMatching(redis, prefix + (tenantOrNull == null ? "*" : tenantOrNull + ":*"));
    }
}
