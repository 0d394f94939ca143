package dev.twin.redis;

import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arguments written with their exact UTF-8 length reach Redis byte for byte: text outside ASCII (two-, three- and
 * four-byte characters), an empty text and a long one, as a script sees them (its reply echoes each with the length
 * Redis counted) and as a key holds them.
 */
class ExactUtf8CodecTest {
    private static final List<String> TEXTS = List.of("", "plain", "Zoë Müller", "東京 café", "emoji 🦊 and ✓",
            "x".repeat(70_000) + "é");

    @Test
    void everyTextArrivesWithTheLengthItHasInUtf8(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             RedisConnection connection = RedisConnection.open(RedisLocation.of(redis.url("")))) {
            String echo = "local out = {} for i = 1, #ARGV do out[#out + 1] = ARGV[i] out[#out + 1] = #ARGV[i] end"
                    + " return out";
            String sha = connection.call(commands -> commands.scriptLoad(echo));
            String[] texts = TEXTS.toArray(String[]::new);

            List<Object> waited = connection.call(commands -> commands.evalsha(sha, ScriptOutputType.MULTI,
                    new String[0], texts));
            List<Object> sent = connection.<List<Object>>send(new RedisScript("echo", echo, sha),
                    ScriptOutputType.MULTI, texts).toCompletableFuture().get(30, TimeUnit.SECONDS);

            for (List<Object> reply : List.of(waited, sent)) {
                for (int i = 0; i < TEXTS.size(); i++) {
                    String text = TEXTS.get(i);
                    assertEquals(text, reply.get(2 * i), "text " + i);
                    assertEquals((long) text.getBytes(StandardCharsets.UTF_8).length, reply.get(2 * i + 1),
                            "bytes of text " + i);
                }
            }
            connection.call(commands -> commands.set("k:東京", "Zoë 🦊"));
            assertEquals("Zoë 🦊", connection.call(commands -> commands.get("k:東京")));
            assertEquals(Long.valueOf(1), connection.<Long>call(commands -> commands.exists("k:東京")));
        }
    }
}
