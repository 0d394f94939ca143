package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedCursors;
import io.lettuce.core.ScriptOutputType;

/** {@code replay:} cursors in Redis, {@code PREFIX:replay:KEY}: one counter per recorded sequence, moved by a script. */
final class RedisCursors implements SharedCursors {
    private static final RedisScript NEXT = RedisScript.load("next-cursor");

    private final RedisConnection redis;
    private final String prefix;

    RedisCursors(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix() + ":replay:";
    }

    @Override
    public int next(String key, int last) {
        Long position = redis.run(NEXT, ScriptOutputType.INTEGER, prefix + key, Integer.toString(last));
        return position.intValue();
    }

    @Override
    public void rewind() {
        RedisState.deleteMatching(redis, prefix + "*");
    }
}
