package dev.twin.redis;

import dev.twin.replayer.internal.state.SharedCursors;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code replay:} cursors in Redis, {@code PREFIX:replay:RESETS:SEQUENCE}: one counter per recorded sequence, moved
 * by a script. A full reset moves the reset count on in its own script, so every cursor starts over at once.
 */
final class RedisCursors implements SharedCursors {
    private static final RedisScript NEXT = RedisScript.load("next-cursor");

    private final RedisConnection redis;
    private final String prefix;

    RedisCursors(RedisConnection redis) {
        this.redis = redis;
        this.prefix = redis.location().prefix();
    }

    @Override
    public int next(String key, int last) {
        Long position = redis.run(NEXT, ScriptOutputType.INTEGER, prefix, key, Integer.toString(last));
        return position.intValue();
    }

    /**
     * The reset this follows started every cursor over; this deletes the cursors of earlier resets (nothing reads
     * them; the count only grows, so a reset racing this one keeps its own).
     */
    @Override
    public void rewind() {
        String resets = redis.call(commands -> commands.get(prefix + ":resets"));
        long current = resets == null ? 0 : Long.parseLong(resets);
        String start = prefix + ":replay:";
        redis.call(commands -> {
            List<String> old = new ArrayList<>();
            ScanIterator<String> keys = ScanIterator.scan(commands, ScanArgs.Builder.matches(start + "*").limit(500));
            while (keys.hasNext()) {
                String key = keys.next();
                int end = key.indexOf(':', start.length());
                if (end < 0 || !isOlder(key.substring(start.length(), end), current)) {
                    continue;
                }
                old.add(key);
                if (old.size() == 500) {
                    commands.unlink(old.toArray(String[]::new));
                    old.clear();
                }
            }
            if (!old.isEmpty()) {
                commands.unlink(old.toArray(String[]::new));
            }
            return null;
        });
    }

    private static boolean isOlder(String round, long current) {
        try {
            return Long.parseLong(round) < current;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
