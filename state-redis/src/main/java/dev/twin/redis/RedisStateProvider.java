package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedState;
import dev.twin.replayer.internal.state.SharedStateProvider;
import dev.twin.replayer.internal.state.StateException;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        } catch (StateException e) { // connected, then lost it while checking the layout
            redis.close();
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        return new RedisState(redis, options);
    }
}
