package dev.twin.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.replayer.Twin;
import dev.twin.replayer.config.StateSetting;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key layout's version and prefix, and a Redis that cannot be reached at start. */
class RedisLayoutTest {
    private static RedisServer redis;
    private static Path config;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        config = Replicas.stripeConfig(dir.resolve("twin"), "");
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aPrefixHoldingAnotherLayoutVersionIsRefusedWithWhatToDo() {
        RedisClient client = RedisClient.create(redis.url("").toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("future:layout", "4");
        } finally {
            client.shutdown();
        }

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> twin("?prefix=future"));

        assertTrue(refused.getMessage().contains("layout version 4, and this twin reads version 3 only"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("?prefix="), refused.getMessage());
    }

    @Test
    void aPrefixOfLayout1IsMigratedTo3AndItsIdempotencyRecordsAreDropped() throws Exception {
        RedisClient client = RedisClient.create(redis.url("").toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("older:layout", "1");
            connection.sync().set("older:idem:t_0123456789abcdef:order-1", "{}");
            connection.sync().set("older:replay:op stripe.GetBalance #0", "3");

            try (Twin migrated = twin("?prefix=older")) {
                assertEquals("3", connection.sync().get("older:layout"));
                assertEquals(0, connection.sync().exists("older:idem:t_0123456789abcdef:order-1",
                        "older:replay:op stripe.GetBalance #0"));
                assertEquals(200, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(migrated.baseUrl() + "/__twin/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aPrefixOfLayout2IsMigratedTo3AndTheEventsItHeldAreReadAsBefore() throws Exception {
        String key = "sk_test_layout_2";
        try (Twin before = twin("?prefix=two")) { // an event kept as its JSON, as layout 2 kept every event
            String trigger = "{\"type\":\"customer.created\",\"tenant\":\"" + key + "\","
                    + "\"object\":{\"id\":\"cus_layout2\"}}";
            assertEquals(201, send(before, "POST", "/__twin/webhooks/trigger", null, trigger).statusCode());
        }
        RedisClient client = RedisClient.create(redis.url("").toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("two:layout", "2");

            try (Twin migrated = twin("?prefix=two")) {
                String created = com.stripe.StripeClient.builder().setApiKey(key).setApiBase(migrated.baseUrl())
                        .build().customers().create(CustomerCreateParams.builder().setName("After").build()).getId();
                JsonNode events = Replicas.JSON.readTree(send(migrated, "GET", "/v1/events", key, null).body())
                        .get("data");

                assertEquals("3", connection.sync().get("two:layout"));
                assertEquals(2, events.size(), events.toString());
                assertEquals(created, events.get(0).get("data").get("object").get("id").asText());
                assertEquals("After", events.get(0).get("data").get("object").get("name").asText());
                assertEquals("cus_layout2", events.get(1).get("data").get("object").get("id").asText());
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void twoTwinsWithTheirOwnPrefixesShareOneRedisWithoutSeeingEachOther() throws Exception {
        try (Twin blue = twin("?prefix=blue"); Twin green = twin("?prefix=green")) {
            String key = "sk_test_prefixes";
            com.stripe.StripeClient onBlue = com.stripe.StripeClient.builder().setApiKey(key)
                    .setApiBase(blue.baseUrl()).build();
            com.stripe.StripeClient onGreen = com.stripe.StripeClient.builder().setApiKey(key)
                    .setApiBase(green.baseUrl()).build();

            Customer created = onBlue.customers().create(CustomerCreateParams.builder().setName("Blue").build());

            assertEquals(1, onBlue.customers().list(CustomerListParams.builder().build()).getData().size());
            assertEquals(0, onGreen.customers().list(CustomerListParams.builder().build()).getData().size());
            assertTrue(created.getId().startsWith("cus_"));
        }
    }

    @Test
    void aPasswordInTheUrlAuthenticatesAndIsNeverShown(@TempDir Path dir) throws Exception {
        try (RedisServer locked = RedisServer.start(dir.resolve("locked"), List.of("--requirepass", "s3cret"));
             Twin twin = Twin.builder().config(config).state(StateSetting.parse("redis://:s3cret@127.0.0.1:"
                     + locked.port() + "?prefix=locked", Path.of(""))).start()) {
            com.stripe.StripeClient stripe = com.stripe.StripeClient.builder().setApiKey("sk_test_password")
                    .setApiBase(twin.baseUrl()).build();

            Customer created = stripe.customers().create(CustomerCreateParams.builder().setName("Locked").build());
            String health = twin.internals().tables().store().sharedState().health().toString();

            assertEquals("Locked", stripe.customers().retrieve(created.getId()).getName());
            assertTrue(!health.contains("s3cret") && health.contains("127.0.0.1:" + locked.port()), health);

            UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> Twin.builder()
                    .config(config).state(StateSetting.parse("redis://:wrong-one@127.0.0.1:" + locked.port(),
                            Path.of(""))).start());
            assertTrue(refused.getMessage().contains("refused the user or password in the URL"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("WRONGPASS"), refused.getMessage());
            assertTrue(!refused.getMessage().contains("wrong-one"), refused.getMessage());
        }
    }

    @Test
    void aRedisThatCannotBeReachedAtStartIsNamedAndNothingListens() {
        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> Twin.builder().config(config)
                .state(StateSetting.parse("redis://127.0.0.1:1", Path.of(""))).start());

        assertTrue(refused.getMessage().contains("cannot reach the state store redis://127.0.0.1:1"),
                refused.getMessage());
    }

    private static java.net.http.HttpResponse<String> send(Twin twin, String method, String path, String apiKey,
                                                           String json) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(twin.baseUrl() + path));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static Twin twin(String query) throws Exception {
        return Twin.builder().config(config).state(StateSetting.parse(redis.url(query).toString(), Path.of("")))
                .start();
    }
}
