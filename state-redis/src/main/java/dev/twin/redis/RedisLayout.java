package dev.twin.redis;

import io.lettuce.core.SetArgs;

import java.util.UUID;

/**
 * The version of twin's key layout in Redis (docs/redis.md), kept at {@code PREFIX:layout}: a twin writes it into
 * an empty prefix and refuses a prefix holding another version, rather than misreading (or overwriting) keys it
 * does not know. Also starts the first epoch, {@code PREFIX:epoch}, which every reset and restore replaces.
 */
final class RedisLayout {
    static final String VERSION = "1";
    /** {@code COPY} (snapshots) came with Redis 6.2. */
    private static final int[] OLDEST_REDIS = {6, 2};

    private RedisLayout() {
    }

    /**
     * Makes sure the prefix holds layout {@value #VERSION} (writing it when the prefix is empty) and an epoch.
     *
     * @throws IllegalArgumentException the prefix holds another layout, or Redis is too old
     */
    static void claim(RedisConnection redis) {
        String prefix = redis.location().prefix();
        String version = redis.call(commands -> {
            commands.set(prefix + ":layout", VERSION, SetArgs.Builder.nx());
            return commands.get(prefix + ":layout");
        });
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("state " + redis.location() + ": the keys under '" + prefix
                    + ":' are in twin's Redis layout version " + version + ", and this twin reads version " + VERSION
                    + " only. Use a twin of that layout, give this twin its own prefix (?prefix=NAME), or empty the"
                    + " prefix's keys (docs/redis.md)");
        }
        startEpoch(redis);
        checkVersion(redis);
    }

    /** Writes a first epoch unless there is one (also after Redis lost every key: a restart without persistence). */
    static void startEpoch(RedisConnection redis) {
        String prefix = redis.location().prefix();
        redis.call(commands -> {
            commands.set(prefix + ":layout", VERSION, SetArgs.Builder.nx());
            return commands.set(prefix + ":epoch", newToken(), SetArgs.Builder.nx());
        });
    }

    static String newToken() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static void checkVersion(RedisConnection redis) {
        String info = redis.call(commands -> commands.info("server"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                String[] parts = line.substring("redis_version:".length()).trim().split("\\.");
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                if (major < OLDEST_REDIS[0] || major == OLDEST_REDIS[0] && minor < OLDEST_REDIS[1]) {
                    throw new IllegalArgumentException("state " + redis.location() + ": Redis " + line.substring(14)
                            + " is too old; twin needs Redis 6.2 or newer (it copies keys with COPY)");
                }
            }
        }
    }
}
