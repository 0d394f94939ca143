package dev.twin.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The version of twin's key layout in Redis (docs/redis.md), kept at {@code PREFIX:layout}: a twin writes it into
 * an empty prefix, migrates a prefix of layout 1 or 2, and refuses a prefix holding another version, rather than
 * misreading (or overwriting) keys it does not know. Also starts the first epoch, {@code PREFIX:epoch}, which every
 * reset and restore replaces.
 */
final class RedisLayout {
    static final String VERSION = "3";
    private static final RedisScript MIGRATE_FROM_1 = RedisScript.load("migrate-layout-1");
    private static final RedisScript MIGRATE_FROM_2 = RedisScript.load("migrate-layout-2");
    private static final System.Logger LOG = System.getLogger(RedisLayout.class.getName());
    /** {@code COPY} (snapshots) came with Redis 6.2. */
    private static final int[] OLDEST_REDIS = {6, 2};

    private RedisLayout() {
    }

    /**
     * Makes sure the prefix holds layout {@value #VERSION} (writing it when the prefix is empty, migrating it from
     * layout 1 or 2) and an epoch.
     *
     * @throws IllegalArgumentException the prefix holds another layout, or Redis is too old
     */
    static void claim(RedisConnection redis) {
        String prefix = redis.location().prefix();
        String version = redis.call(commands -> {
            commands.set(prefix + ":layout", VERSION, SetArgs.Builder.nx());
            return commands.get(prefix + ":layout");
        });
        if ("1".equals(version)) {
            version = migrateFrom1(redis);
        }
        if ("2".equals(version)) {
            version = migrateFrom2(redis);
        }
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("state " + redis.location() + ": the keys under '" + prefix
                    + ":' are in twin's Redis layout version " + version + ", and this twin reads version " + VERSION
                    + " only. Use a twin of that layout, give this twin its own prefix (?prefix=NAME), or empty the"
                    + " prefix's keys (docs/redis.md)");
        }
        startEpoch(redis);
        checkVersion(redis);
    }

    /**
     * Layout 1 kept idempotency records, rate-limit buckets and replay cursors apart from the state, where a reset
     * deleted them after its switch (and could delete a record committed meanwhile); layout 2 keeps them under the
     * epoch, the reset count and the tenant's generation. None of them is carried over.
     */
    private static String migrateFrom1(RedisConnection redis) {
        String prefix = redis.location().prefix();
        String version = redis.run(MIGRATE_FROM_1, ScriptOutputType.VALUE, prefix);
        for (String kept : new String[] {":idem:*", ":rl:*", ":replay:*"}) {
            RedisState.deleteMatching(redis, prefix + kept);
        }
        LOG.log(System.Logger.Level.WARNING, "state " + redis.location() + ": migrated the keys under '" + prefix
                + ":' from twin's Redis layout version 1 to " + version + ". Idempotency keys answered by twins of"
                + " layout 1 are forgotten (a retry of one runs again), rate limits start full and replay cursors"
                + " over; stop any replica of layout 1 still serving this prefix (docs/redis.md)");
        return version;
    }

    /**
     * Layout 3 may keep an event as its row rather than its JSON, and queues deliveries to tenants' endpoints by
     * their ids, neither of which a twin of layout 2 can read: the version changes so that such a twin refuses the
     * prefix rather than fail on the events or drop those deliveries. Nothing moves.
     */
    private static String migrateFrom2(RedisConnection redis) {
        String prefix = redis.location().prefix();
        String version = redis.run(MIGRATE_FROM_2, ScriptOutputType.VALUE, prefix);
        LOG.log(System.Logger.Level.WARNING, "state " + redis.location() + ": migrated the keys under '" + prefix
                + ":' from twin's Redis layout version 2 to " + version + ". Events are now kept in a form twins"
                + " of layout 2 cannot read; stop any replica of layout 2 still serving this prefix (docs/redis.md)");
        return version;
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

    /**
     * A commit's token (also its tenant's epoch when the tenant has none yet): 64 random bits as {@link #newToken}
     * has, from the thread's own generator rather than {@link UUID#randomUUID}'s, whose {@code SecureRandom} is one
     * lock every request thread took for each write.
     */
    static String commitToken() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
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
