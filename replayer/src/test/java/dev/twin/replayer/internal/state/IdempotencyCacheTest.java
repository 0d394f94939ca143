package dev.twin.replayer.internal.state;

import dev.twin.replayer.config.Idempotency;
import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdempotencyCacheTest {
    private final StateFixtures.TestClock clock = new StateFixtures.TestClock();
    private final IdempotencyCache cache = new IdempotencyCache(Idempotency.DEFAULTS, clock);
    private final String createAda = IdempotencyCache.fingerprint(post("name=Ada"));
    private final TwinResponse created = TwinResponse.json(200, "{\"id\":\"cus_1\"}");

    @Test
    void theSameKeyAndRequestReplayTheFirstResponse() {
        cache.remember("t_a", "key-1", createAda, created);

        TwinResponse replayed = cache.replay("t_a", "key-1", createAda).orElseThrow();

        assertEquals(200, replayed.status());
        assertArrayEquals(created.body(), replayed.body());
        assertEquals("true", replayed.headers().get("Idempotent-Replayed"));
    }

    @Test
    void aNewKeyHasNothingToReplay() {
        assertTrue(cache.replay("t_a", "key-1", createAda).isEmpty());
    }

    @Test
    void keysBelongToTheirTenant() {
        cache.remember("t_a", "key-1", createAda, created);

        assertTrue(cache.replay("t_b", "key-1", createAda).isEmpty());
    }

    @Test
    void theSameKeyWithADifferentRequestIsAMismatch() {
        cache.remember("t_a", "key-1", createAda, created);
        String createGrace = IdempotencyCache.fingerprint(post("name=Grace"));

        StateException mismatch = assertThrows(StateException.class,
                () -> cache.replay("t_a", "key-1", createGrace));

        assertEquals(ErrorKind.IDEMPOTENCY_MISMATCH, mismatch.error().kind());
        assertTrue(mismatch.error().message().contains("key-1"));
    }

    @Test
    void aKeyIsForgottenAfterTheWindow() {
        cache.remember("t_a", "key-1", createAda, created);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertTrue(cache.replay("t_a", "key-1", createAda).isPresent(), "still within 24 hours");

        clock.advance(Duration.ofMinutes(1));

        assertTrue(cache.replay("t_a", "key-1", createAda).isEmpty());
    }

    @Test
    void aConfiguredWindowApplies() {
        IdempotencyCache shortWindow = new IdempotencyCache(
                new Idempotency("Idempotency-Key", Duration.ofMinutes(5)), clock);
        shortWindow.remember("t_a", "key-1", createAda, created);

        clock.advance(Duration.ofMinutes(5));

        assertTrue(shortWindow.replay("t_a", "key-1", createAda).isEmpty());
    }

    @Test
    void theFirstResponseStaysRemembered() {
        cache.remember("t_a", "key-1", createAda, created);

        cache.remember("t_a", "key-1", createAda, TwinResponse.json(500, "{}"));

        assertEquals(200, cache.replay("t_a", "key-1", createAda).orElseThrow().status());
    }

    @Test
    void clearingATenantForgetsOnlyItsKeys() {
        cache.remember("t_a", "key-1", createAda, created);
        cache.remember("t_b", "key-1", createAda, created);

        cache.clearTenant("t_a");

        assertTrue(cache.replay("t_a", "key-1", createAda).isEmpty());
        assertTrue(cache.replay("t_b", "key-1", createAda).isPresent());
    }

    @Test
    void theFingerprintCoversMethodPathQueryAndBody() {
        assertEquals(createAda, IdempotencyCache.fingerprint(post("name=Ada")));
        assertNotEquals(createAda, IdempotencyCache.fingerprint(post("name=Ada&x=1")));
        assertNotEquals(createAda, IdempotencyCache.fingerprint(new TwinRequest("POST", "/v1/other", null,
                Map.of(), Map.of(), "name=Ada".getBytes(StandardCharsets.UTF_8), "127.0.0.1")));
    }

    private static TwinRequest post(String body) {
        return new TwinRequest("POST", "/v1/customers", null, Map.of(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }
}
