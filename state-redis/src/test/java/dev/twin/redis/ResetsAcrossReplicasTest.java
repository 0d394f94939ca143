package dev.twin.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reset forgets idempotency keys and refills rate-limit buckets in the same step that forgets the rows (a new
 * epoch and reset count, a tenant's new generation), on every replica; a restore forgets the keys; what is answered
 * or taken afterwards is kept.
 */
class ResetsAcrossReplicasTest {
    private static RedisServer redis;
    private static Replicas replicas;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        replicas = Replicas.start(dir.resolve("twin"), redis.url("?prefix=resets"), 3, """
                rateLimits:
                  - name: balance
                    operations: stripe.GetBalance
                    capacity: 2
                    refillPerSecond: 0.001
                """);
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
    void aFullResetRefillsEveryBucketOnEveryReplica() throws Exception {
        String key = "sk_test_bucket_full_reset";
        int[] before = {balance(0, key), balance(1, key), balance(2, key)};

        assertEquals(200, replicas.send(1, "POST", "/__twin/reset", null, null).statusCode());
        int[] after = {balance(2, key), balance(0, key), balance(1, key)};

        assertArrayEquals(new int[] {200, 200, 429}, before);
        assertArrayEquals(new int[] {200, 200, 429}, after);
    }

    @Test
    void aTenantResetRefillsThatTenantsBucketsOnly() throws Exception {
        String reset = "sk_test_bucket_tenant_reset";
        String kept = "sk_test_bucket_tenant_kept";
        for (int i = 0; i < 2; i++) {
            assertEquals(200, balance(i, reset));
            assertEquals(200, balance(i, kept));
        }

        assertEquals(200, replicas.send(0, "POST", "/__twin/reset?tenant=" + reset, null, null).statusCode());

        assertEquals(200, balance(2, reset));
        assertEquals(429, balance(2, kept));
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

    private static int balance(int replica, String apiKey) throws Exception {
        return replicas.send(replica, "GET", "/v1/balance", apiKey, null).statusCode();
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
