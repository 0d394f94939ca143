package dev.twin.replayer.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static dev.twin.replayer.conformance.ConformanceTwin.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** SDK test suites written for stripe-mock ask {@code GET /} for a {@code Stripe-Mock-Version} header first. */
class ConformanceStripeMockTest {

    @Test
    void givenAStripeSpec_whenGetSlash_thenItAnswersWithAStripeMockVersion(@TempDir Path dir) {
        try (ConformanceTwin twin = ConformanceTwin.serve("stripe-like-openapi30.yaml", dir)) {
            HttpResponse<String> response = twin.get("/");

            assertEquals(200, response.statusCode(), response.body());
            assertEquals("99.0.0", header(response, "Stripe-Mock-Version"));
        }
    }

    @Test
    void givenAnotherSpec_whenGetSlash_thenItIsA404WithoutTheHeader(@TempDir Path dir) {
        try (ConformanceTwin twin = ConformanceTwin.serve("routing-openapi30.yaml", dir)) {
            HttpResponse<String> response = twin.get("/");

            assertEquals(404, response.statusCode(), response.body());
            assertNull(header(response, "Stripe-Mock-Version"));
        }
    }
}
