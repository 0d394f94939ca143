package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedDeliveries;
import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.List;

/**
 * Webhook deliveries in Redis: {@code PREFIX:wh:d:ID} (the event, its URL, payload and attempt) and
 * {@code PREFIX:wh:due}, the ids by the time each is due. A claim moves a due delivery's time a lease ahead in the
 * same script that reads it, so two replicas never claim one delivery at once; finishing one and scheduling its
 * retry are a script each too. The attempt log is {@code PREFIX:wh:log}, the newest 500 attempts (a push, then a
 * trim: a list one longer until the next attempt is all a Redis lost between the two leaves).
 */
final class RedisDeliveries implements SharedDeliveries {
    private static final RedisScript CLAIM = RedisScript.load("claim");
    private static final RedisScript FINISH = RedisScript.load("delivery-finish");
    private static final RedisScript RETRY = RedisScript.load("delivery-retry");
    private static final int LOG_SIZE = 500;

    private final RedisConnection redis;
    private final String prefix;

    RedisDeliveries(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix() + ":wh:";
    }

    @Override
    public List<Claimed> claim(long nowMillis, long leaseMillis, int max) {
        List<Object> reply = redis.run(CLAIM, ScriptOutputType.MULTI, redis.location().prefix(),
                Long.toString(nowMillis), Long.toString(leaseMillis), Integer.toString(max));
        List<Claimed> claimed = new ArrayList<>(reply.size() / 6);
        for (int i = 0; i + 5 < reply.size(); i += 6) {
            claimed.add(new Claimed((String) reply.get(i), (String) reply.get(i + 1), (String) reply.get(i + 2),
                    (String) reply.get(i + 3), (String) reply.get(i + 4),
                    Integer.parseInt((String) reply.get(i + 5))));
        }
        return claimed;
    }

    @Override
    public void finish(String id) {
        redis.run(FINISH, ScriptOutputType.INTEGER, redis.location().prefix(), id);
    }

    @Override
    public void retry(String id, long dueAtMillis, int nextAttempt) {
        redis.run(RETRY, ScriptOutputType.INTEGER, redis.location().prefix(), id, Long.toString(dueAtMillis),
                Integer.toString(nextAttempt));
    }

    @Override
    public void release(String id, long nowMillis) {
        redis.call(commands -> commands.zadd(prefix + "due", nowMillis, id));
    }

    @Override
    public void log(String entryJson) {
        redis.call(commands -> {
            commands.lpush(prefix + "log", entryJson);
            return commands.ltrim(prefix + "log", 0, LOG_SIZE - 1);
        });
    }

    @Override
    public List<String> log() {
        return redis.call(commands -> commands.lrange(prefix + "log", 0, LOG_SIZE - 1));
    }
}
