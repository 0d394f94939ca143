package dev.twin.redis;

import dev.twin.replayer.state.SharedState;
import dev.twin.replayer.state.SharedStateProvider;

import java.net.URI;

/** Opens {@code redis://} and {@code rediss://} state (found by {@link java.util.ServiceLoader}). */
public final class RedisStateProvider implements SharedStateProvider {

    @Override
    public boolean opens(String scheme) {
        return scheme.equals("redis") || scheme.equals("rediss");
    }

    @Override
    public SharedState open(URI url, Options options) {
        RedisConnection redis = RedisConnection.open(RedisLocation.of(url));
        try {
            RedisLayout.claim(redis);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        return new RedisState(redis, options);
    }
}
