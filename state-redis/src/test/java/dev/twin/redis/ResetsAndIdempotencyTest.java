package dev.twin.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resets and restores forget idempotency keys in the same step that forgets the rows they answered (a new epoch,
 * a tenant's new generation), on every replica; keys answered afterwards are kept.
 */
class ResetsAndIdempotencyTest {
    private static RedisServer redis;
    private static Replicas replicas;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        replicas = Replicas.start(dir.resolve("twin"), redis.url("?prefix=resets"), 3, "");
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aFullResetOnOneReplicaForgetsEveryKeyOnAll() throws Exception {
        String key = "sk_test_full_reset";
        String before = create(0, key, "reset-1");

        assertEquals(200, replicas.send(1, "POST", "/__twin/reset", null, null).statusCode());
        String after = create(2, key, "reset-1");
        HttpResponse<String> replayed = post(0, key, "reset-1");

        assertNotEquals(before, after, "the key was forgotten with the rows: the retry created anew");
        assertEquals(after, Replicas.json(replayed).get("id").asText());
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(null));
    }

    @Test
    void aTenantResetForgetsThatTenantsKeysOnly() throws Exception {
        String reset = "sk_test_tenant_reset";
        String kept = "sk_test_tenant_kept";
        String resetBefore = create(0, reset, "tenant-1");
        String keptBefore = create(0, kept, "tenant-1");

        assertEquals(200, replicas.send(1, "POST", "/__twin/reset?tenant=" + reset, null, null).statusCode());
        String resetAfter = create(2, reset, "tenant-1");
        String resetReplayed = create(0, reset, "tenant-1");
        HttpResponse<String> keptReplayed = post(2, kept, "tenant-1");

        assertNotEquals(resetBefore, resetAfter);
        assertEquals(resetAfter, resetReplayed);
        assertEquals(keptBefore, Replicas.json(keptReplayed).get("id").asText());
        assertEquals("true", keptReplayed.headers().firstValue("Idempotent-Replayed").orElse(null));
    }

    @Test
    void aRestoreForgetsKeysWhoseAnswersNamedRowsItRemoved() throws Exception {
        String key = "sk_test_restore_keys";
        assertEquals(201, replicas.send(0, "POST", "/__twin/snapshots/empty-keys", null, null).statusCode());
        String before = create(1, key, "restore-1");

        assertEquals(200, replicas.send(2, "POST", "/__twin/snapshots/empty-keys/restore", null, null)
                .statusCode());
        String after = create(0, key, "restore-1");

        assertNotEquals(before, after);
        assertTrue(Replicas.json(replicas.send(1, "GET", "/v1/customers", key, null)).get("data").toString()
                .contains(after));
    }

    private static String create(int replica, String apiKey, String idempotencyKey) throws Exception {
        HttpResponse<String> response = post(replica, apiKey, idempotencyKey);
        assertEquals(200, response.statusCode(), response.body());
        return Replicas.json(response).get("id").asText();
    }

    private static HttpResponse<String> post(int replica, String apiKey, String idempotencyKey) throws Exception {
        return replicas.send(replica, "POST", "/v1/customers", apiKey, "name=Keyed", idempotencyKey);
    }
}
