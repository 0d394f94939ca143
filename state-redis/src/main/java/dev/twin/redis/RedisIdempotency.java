package dev.twin.redis;

import dev.twin.replayer.state.SharedIdempotency;
import io.lettuce.core.SetArgs;

/**
 * Idempotency records in Redis: {@code PREFIX:idem:TENANT:KEY}, each written once ({@code SET NX}) and expiring with
 * the window, so the first answer to a key is the one every replica replays.
 */
final class RedisIdempotency implements SharedIdempotency {
    private final RedisConnection redis;
    private final String prefix;

    RedisIdempotency(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix() + ":idem:";
    }

    /** {@code PREFIX:idem:TENANT:KEY}, also written by the commit script with the writes it answers. */
    String redisKey(String tenant, String key) {
        return prefix + tenant + ":" + key;
    }

    @Override
    public String get(String tenant, String key) {
        return redis.call(commands -> commands.get(redisKey(tenant, key)));
    }

    @Override
    public void putIfAbsent(String tenant, String key, String value, long windowMillis) {
        redis.call(commands -> commands.set(redisKey(tenant, key), value,
                SetArgs.Builder.nx().px(Math.max(1, windowMillis))));
    }

    @Override
    public void clear() {
        RedisState.deleteMatching(redis, prefix + "*");
    }

    @Override
    public void clearTenant(String tenant) {
        RedisState.deleteMatching(redis, prefix + tenant + ":*");
    }
}
