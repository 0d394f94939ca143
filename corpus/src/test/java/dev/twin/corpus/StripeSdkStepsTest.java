package dev.twin.corpus;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeSdkStepsTest {
    private static final RequestOptions KEY = RequestOptions.builder().setApiKey("sk_test_steps").build();

    private HttpServer server;
    private String previousBase;
    private FlowClient client;

    /** A Stripe-shaped server: cus_known exists, every other customer is missing. */
    @BeforeEach
    void startAStripeShapedServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/customers/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().endsWith("/cus_known");
            byte[] body = (known ? "{\"id\":\"cus_known\",\"object\":\"customer\",\"email\":\"a@example.com\"}"
                    : "{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such customer\",\"param\":\"id\","
                    + "\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        previousBase = Stripe.getApiBase();
        Stripe.overrideApiBase(base.toString());
        client = new FlowClient(base);
    }

    @AfterEach
    void stop() {
        Stripe.overrideApiBase(previousBase);
        server.stop(0);
    }

    @Test
    void givenACallTheServerAnswers_whenRunAsAStep_thenTheStepHoldsTheStatusAndTheObjectsJson() {
        Customer customer = new StripeSdkSteps(client).step("read", () -> Customer.retrieve("cus_known", KEY));

        Step step = client.steps().get(0);
        assertEquals("cus_known", customer.getId());
        assertEquals("SDK", step.method());
        assertEquals(200, step.status());
        assertEquals("a@example.com", step.json().path("email").asText());
    }

    @Test
    void givenACallTheServerRefuses_whenRunAsAStep_thenTheStepHoldsTheErrorsStatusAndJson() {
        Customer customer = new StripeSdkSteps(client).step("read-missing", () -> Customer.retrieve("cus_gone", KEY));

        Step step = client.steps().get(0);
        assertNull(customer);
        assertEquals(404, step.status());
        assertEquals("resource_missing", step.json().path("code").asText(), step.body());
        assertEquals("id", step.json().path("param").asText());
    }

    @Test
    void givenARequiredCallTheServerRefuses_whenRun_thenTheFlowStopsNamingTheStep() {
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> new StripeSdkSteps(client).required("create-needed", () -> Customer.retrieve("cus_gone", KEY)));

        assertTrue(stopped.getMessage().contains("create-needed"), stopped.getMessage());
        assertEquals(1, client.steps().size());
    }
}
