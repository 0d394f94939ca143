package dev.twin.replayer.internal.state;

import dev.twin.redis.RedisServer;
import dev.twin.replayer.config.StateSetting;

import java.nio.file.Path;

/** Shared state on a test's own {@link RedisServer}, as a replica started with {@code --state redis://…} opens it. */
final class SharedRedis {
    private SharedRedis() {
    }

    /** @param query the URL's query ({@code ?prefix=pipeline1}): a prefix keeps each test's keys apart */
    static SharedState open(RedisServer redis, String query) {
        return SharedStates.open(StateSetting.parse(redis.url(query).toString(), Path.of("")),
                new SharedStateProvider.Options(null, 100));
    }
}
