package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas of examples/stripe and one real Redis, driven with stripe-java: every replica answers as one twin
 * would, whichever replica a request reaches.
 */
class ReplicasTest {
    private static RedisServer redis;
    private static Replicas replicas;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        replicas = Replicas.start(dir.resolve("twin"), redis.url("?prefix=replicas"), 3, """
                rateLimits:
                  - name: balance
                    operations: stripe.GetBalance
                    capacity: 5
                    refillPerSecond: 0.001
                    headers: {limit: X-RateLimit-Limit, remaining: X-RateLimit-Remaining}
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
    void aCustomerCreatedOnAIsReadOnBAndListedOnC() throws Exception {
        String key = "sk_test_create_read_list";
        Customer created = replicas.stripe(0, key).customers().create(CustomerCreateParams.builder()
                .setEmail("jenny@example.com").setName("Jenny").build());

        Customer read = replicas.stripe(1, key).customers().retrieve(created.getId());
        List<Customer> listed = replicas.stripe(2, key).customers().list(CustomerListParams.builder().build())
                .getData();

        assertEquals("jenny@example.com", read.getEmail());
        assertEquals(created.getCreated(), read.getCreated());
        assertEquals(List.of(created.getId()), listed.stream().map(Customer::getId).toList());
    }

    @Test
    void anUpdateOnOneReplicaIsWhatTheOthersShow() throws Exception {
        String key = "sk_test_update";
        Customer created = replicas.stripe(0, key).customers().create(CustomerCreateParams.builder()
                .setName("Before").build());

        replicas.stripe(1, key).customers().update(created.getId(), CustomerUpdateParams.builder()
                .setName("After").build());

        assertEquals("After", replicas.stripe(2, key).customers().retrieve(created.getId()).getName());
        assertEquals("After", replicas.stripe(0, key).customers().retrieve(created.getId()).getName());
    }

    @Test
    void anIdempotentRetryOnCReplaysTheAnswerAGave() throws Exception {
        String key = "sk_test_idempotent";
        RequestOptions once = RequestOptions.builder().setIdempotencyKey("order-42").build();
        CustomerCreateParams params = CustomerCreateParams.builder().setEmail("once@example.com").build();

        Customer first = replicas.stripe(0, key).customers().create(params, once);
        Customer retried = replicas.stripe(2, key).customers().create(params, once);
        int listed = replicas.stripe(1, key).customers().list(CustomerListParams.builder().build()).getData().size();
        HttpResponse<String> raw = replicas.send(1, "POST", "/v1/customers", key, "email=once%40example.com");

        assertEquals(first.getId(), retried.getId());
        assertEquals(1, listed);
        assertNotEquals(first.getId(), Replicas.json(raw).get("id").asText(), "without the key it is a new one");
    }

    @Test
    void aKeyReusedWithOtherParametersIsRefusedOnAnotherReplica() throws Exception {
        String key = "sk_test_idempotent_mismatch";
        RequestOptions once = RequestOptions.builder().setIdempotencyKey("order-43").build();
        replicas.stripe(0, key).customers().create(CustomerCreateParams.builder().setEmail("a@example.com").build(),
                once);

        IdempotencyException refused = assertThrows(IdempotencyException.class, () -> replicas.stripe(1, key)
                .customers().create(CustomerCreateParams.builder().setEmail("b@example.com").build(), once));

        assertEquals("idempotency_key_in_use", refused.getCode());
    }

    @Test
    void aRateLimitHoldsForTheTwinNotPerReplica() throws Exception {
        String key = "sk_test_rate_limited";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(replicas.send(i % 3, "GET", "/v1/balance", key, null).statusCode());
        }
        HttpResponse<String> refused = replicas.send(1, "GET", "/v1/balance", key, null);
        int otherTenant = replicas.send(2, "GET", "/v1/balance", "sk_test_other_tenant", null).statusCode();

        assertEquals(List.of(200, 200, 200, 200, 200, 429, 429, 429), statuses);
        assertEquals("rate_limit", Replicas.json(refused).get("error").get("code").asText());
        assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElse(null));
        assertEquals(200, otherTenant);
    }

    @Test
    void eventsOfAWriteOnOneReplicaAreListedOnAnother() throws Exception {
        String key = "sk_test_events";
        Customer created = replicas.stripe(0, key).customers().create(CustomerCreateParams.builder()
                .setName("Evented").build());

        JsonNode events = Replicas.json(replicas.send(2, "GET", "/v1/events?type=customer.created", key, null));
        JsonNode one = Replicas.json(replicas.send(1, "GET", "/v1/events/"
                + events.get("data").get(0).get("id").asText(), key, null));
        JsonNode read = Replicas.json(replicas.send(0, "GET", "/v1/customers/" + created.getId(), key, null));

        assertEquals(1, events.get("data").size());
        assertEquals(created.getId(), events.get("data").get(0).get("data").get("object").get("id").asText());
        assertEquals("customer.created", one.get("type").asText());
        assertEquals(read, one.get("data").get("object")); // the row as the API shows it, field for field
    }

    @Test
    void aTenantResetOnOneReplicaIsSeenByAll() throws Exception {
        String key = "sk_test_reset";
        Customer created = replicas.stripe(0, key).customers().create(CustomerCreateParams.builder()
                .setName("Gone soon").build());
        replicas.stripe(2, key).customers().retrieve(created.getId()); // cached on C before the reset

        assertEquals(200, replicas.send(1, "POST", "/__twin/reset?tenant=" + key, null, null).statusCode());

        InvalidRequestException missing = assertThrows(InvalidRequestException.class,
                () -> replicas.stripe(2, key).customers().retrieve(created.getId()));
        assertEquals("resource_missing", missing.getCode());
        assertTrue(replicas.stripe(0, key).customers().list(CustomerListParams.builder().build()).getData()
                .isEmpty());
        assertEquals(0, Replicas.json(replicas.send(2, "GET", "/v1/events", key, null)).get("data").size());
    }

    @Test
    void aSnapshotRestoredFromAnyReplicaIsSeenByAll() throws Exception {
        String key = "sk_test_snapshot";
        Customer kept = replicas.stripe(0, key).customers().create(CustomerCreateParams.builder()
                .setName("Kept").build());
        assertEquals(201, replicas.send(1, "POST", "/__twin/snapshots/before-y", null, null).statusCode());
        Customer later = replicas.stripe(2, key).customers().create(CustomerCreateParams.builder()
                .setName("Later").build());

        assertEquals(200, replicas.send(0, "POST", "/__twin/snapshots/before-y/restore", null, null).statusCode());

        List<String> listed = replicas.stripe(1, key).customers().list(CustomerListParams.builder().build())
                .getData().stream().map(Customer::getId).toList();
        assertEquals(List.of(kept.getId()), listed);
        assertThrows(InvalidRequestException.class, () -> replicas.stripe(2, key).customers().retrieve(later.getId()));
        assertTrue(Replicas.json(replicas.send(2, "GET", "/__twin/snapshots", null, null)).get("snapshots")
                .toString().contains("before-y"));
    }

    @Test
    void healthNamesTheRedisItUses() throws Exception {
        JsonNode health = Replicas.json(replicas.send(1, "GET", "/__twin/health", null, null));

        assertEquals("ok", health.get("status").asText());
        assertEquals("redis", health.get("state").get("kind").asText());
        assertTrue(health.get("state").get("connected").asBoolean());
        assertTrue(health.get("state").get("store").asText().contains("127.0.0.1:" + redis.port()),
                health.toString());
        assertFalse(health.toString().contains("password"));
    }
}
