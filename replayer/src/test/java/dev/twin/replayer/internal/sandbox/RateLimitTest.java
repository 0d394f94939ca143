package dev.twin.replayer.internal.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token buckets per tenant and operation group, on a clock the test moves by hand. */
class RateLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIMITS = """
            rateLimits:
              - name: reads
                operations: [things.listThings, things.getThing]
                capacity: 3
                refillPerSecond: 1
                headers: {limit: X-RateLimit-Limit, remaining: X-RateLimit-Remaining, reset: X-RateLimit-Reset}
            scenarios:
              - name: throttled
                when: {operation: things.ping, match: "headers['x-force'] == 'yes'"}
                then:
                  error: {kind: RATE_LIMITED, message: Slow down.}
                  headers: {Retry-After: "7"}
            """;

    @TempDir
    Path dir;

    /** A clock standing still until the test advances it. */
    static final class ManualClock extends Clock {
        private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        void advanceMillis(long delta) {
            millis.addAndGet(delta);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void emptyBucketAnswers429WithRetryAfterForThatTenantOnly() throws Exception {
        ManualClock clock = new ManualClock();
        try (SandboxFixture twin = SandboxFixture.start(dir, LIMITS, clock)) {
            HttpResponse<String> first = twin.get("/things", "sk_a");
            twin.get("/things", "sk_a");
            HttpResponse<String> third = twin.get("/things", "sk_a");
            HttpResponse<String> refused = twin.get("/things", "sk_a");
            HttpResponse<String> otherTenant = twin.get("/things", "sk_b");

            assertEquals(200, first.statusCode());
            assertEquals("3", first.headers().firstValue("X-RateLimit-Limit").orElseThrow());
            assertEquals("2", first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            assertEquals("0", third.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            assertEquals(Long.toString(clock.millis() / 1000 + 3),
                    third.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertEquals(429, refused.statusCode());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("RATE_LIMITED".toLowerCase(), JSON.readTree(refused.body()).at("/error/code").asText());
            assertEquals(200, otherTenant.statusCode());
        }
    }

    @Test
    void operationsOfOneGroupShareTheBucketAndItRefillsWithTheClock() throws Exception {
        ManualClock clock = new ManualClock();
        try (SandboxFixture twin = SandboxFixture.start(dir, LIMITS, clock)) {
            twin.get("/things", "sk_a");
            twin.get("/things/th_x", "sk_a");
            twin.get("/things", "sk_a");
            int drained = twin.get("/things/th_x", "sk_a").statusCode();
            int unlimited = twin.postJson("/things", "sk_a", "{\"name\": \"lamp\"}").statusCode();
            clock.advanceMillis(1000);
            int refilled = twin.get("/things", "sk_a").statusCode();

            assertEquals(429, drained);
            assertEquals(201, unlimited);
            assertEquals(200, refilled);
        }
    }

    @Test
    void resetRefillsEveryonesBucketsOrOneTenantsButATableResetKeepsThem() throws Exception {
        ManualClock clock = new ManualClock(); // stands still: only a reset refills
        try (SandboxFixture twin = SandboxFixture.start(dir, LIMITS, clock)) {
            for (int i = 0; i < 3; i++) {
                twin.get("/things", "sk_a");
                twin.get("/things", "sk_b");
            }
            assertEquals(429, twin.get("/things", "sk_a").statusCode());

            assertEquals(200, reset(twin, "?tenant=sk_a").statusCode());
            int aAfterItsReset = twin.get("/things", "sk_a").statusCode();
            int bAfterAsReset = twin.get("/things", "sk_b").statusCode();
            assertEquals(200, reset(twin, "?table=things").statusCode());
            int bAfterTableReset = twin.get("/things", "sk_b").statusCode();
            assertEquals(200, reset(twin, "").statusCode());
            int bAfterFullReset = twin.get("/things", "sk_b").statusCode();

            assertEquals(200, aAfterItsReset);
            assertEquals(429, bAfterAsReset);
            assertEquals(429, bAfterTableReset);
            assertEquals(200, bAfterFullReset);
        }
    }

    private static HttpResponse<String> reset(SandboxFixture twin, String query) throws Exception {
        return twin.send(twin.request("/__twin/reset" + query, "sk_operator")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void aScenarioCanForceA429() throws Exception {
        try (SandboxFixture twin = SandboxFixture.start(dir, LIMITS)) {
            HttpResponse<String> forced = twin.send(twin.request("/ping", "sk_a").header("X-Force", "yes").GET()
                    .build());

            assertEquals(429, forced.statusCode());
            assertEquals("7", forced.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("Slow down.", JSON.readTree(forced.body()).at("/error/message").asText());
        }
    }

    @Test
    void limitGlobMatchingNoOperationIsAConfigError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.twin.replayer.config.ConfigException.class,
                () -> SandboxFixture.start(dir,
                        "rateLimits:\n  - {operations: nope.*, capacity: 1, refillPerSecond: 1}\n"));

        assertTrue(e.getMessage().contains("rateLimits[0].operations: no imported operation matches 'nope.*'"),
                e.getMessage());
    }
}
