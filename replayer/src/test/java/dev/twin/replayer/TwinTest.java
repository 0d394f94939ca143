package dev.twin.replayer;

import com.stripe.Stripe;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.replayer.internal.startup.StartupCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Twin}, the one way to start a twin in-process, against the Stripe example with stripe-java. */
class TwinTest {
    private static final Path STRIPE = Path.of("..", "examples", "stripe");
    private static final RequestOptions ADA = RequestOptions.builder().setApiKey("sk_test_ada").build();
    private static final RequestOptions BEA = RequestOptions.builder().setApiKey("sk_test_bea").build();

    @TempDir
    Path dir;
    private String previousBase;
    private String previousKey;

    @BeforeEach
    void rememberStripeSettings() {
        previousBase = Stripe.getApiBase();
        previousKey = Stripe.apiKey;
    }

    @AfterEach
    void restoreStripeSettings() {
        Stripe.overrideApiBase(previousBase);
        Stripe.apiKey = previousKey;
    }

    /** The example in Twin's javadoc, as written there (the path relative to this module). */
    @Test
    void theJavadocExampleRuns() throws Exception {
        Stripe.apiKey = "sk_test_123";
        try (Twin twin = Twin.serve(Path.of("..", "examples", "stripe"))) {
            Stripe.overrideApiBase(twin.baseUrl());
            Customer.create(CustomerCreateParams.builder().setEmail("jenny@example.com").build());
            twin.reset();
        }
    }

    @Test
    void givenACreatedCustomer_whenReset_thenTheTablesAreBackToTheirSeedRows() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            Stripe.overrideApiBase(twin.baseUrl());
            int seeded = customers(ADA).size();
            Customer.create(CustomerCreateParams.builder().setName("Ada").build(), ADA);

            twin.reset();

            assertEquals(seeded, customers(ADA).size());
        }
    }

    @Test
    void givenTwoTenantsWithCustomers_whenOneIsReset_thenTheOtherKeepsItsRows() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            Stripe.overrideApiBase(twin.baseUrl());
            int seeded = customers(ADA).size();
            Customer.create(CustomerCreateParams.builder().setName("Ada").build(), ADA);
            Customer.create(CustomerCreateParams.builder().setName("Bea").build(), BEA);

            twin.reset("sk_test_ada");

            assertEquals(seeded, customers(ADA).size());
            assertEquals(seeded + 1, customers(BEA).size());
        }
    }

    @Test
    void givenASnapshot_whenRestoredAfterMoreWrites_thenOnlyTheRowsOfTheSnapshotRemain() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            Stripe.overrideApiBase(twin.baseUrl());
            Customer ada = Customer.create(CustomerCreateParams.builder().setName("Ada").build(), ADA);
            twin.snapshot("after-ada");
            Customer bea = Customer.create(CustomerCreateParams.builder().setName("Bea").build(), ADA);

            twin.restore("after-ada");

            List<String> ids = customers(ADA).stream().map(Customer::getId).toList();
            assertTrue(ids.contains(ada.getId()), ids.toString());
            assertFalse(ids.contains(bea.getId()), ids.toString());
        }
    }

    @Test
    void givenNoSuchSnapshot_whenRestored_thenTheErrorNamesIt() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> twin.restore("never-saved"));

            assertTrue(refused.getMessage().contains("never-saved"), refused.getMessage());
        }
    }

    @Test
    void givenRequests_whenTheJournalIsRead_thenEachIsATypedRecordOldestFirst() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            Stripe.overrideApiBase(twin.baseUrl());
            Customer.create(CustomerCreateParams.builder().setName("Ada").build(), ADA);
            assertThrows(InvalidRequestException.class, () -> Customer.retrieve("cus_missing", BEA));

            List<ServedRequest> requests = twin.requests();

            assertEquals(2, requests.size(), requests.toString());
            ServedRequest created = requests.get(0);
            assertEquals("POST", created.method());
            assertEquals("/v1/customers", created.path());
            assertEquals(twin.tenantOf("sk_test_ada"), created.tenant());
            assertEquals(200, created.status());
            assertEquals("stripe.PostCustomers", created.operation());
            assertEquals(ServedRequest.Source.TABLE, created.source());
            ServedRequest missing = requests.get(1);
            assertEquals(404, missing.status());
            assertEquals(twin.tenantOf("sk_test_bea"), missing.tenant());
            assertEquals(List.of(created), twin.requests("sk_test_ada"));
        }
    }

    @Test
    void anApiKeyIsNeverItsOwnTenantKey() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            String tenant = twin.tenantOf("sk_test_ada");

            assertTrue(tenant.matches("t_[0-9a-f]{16}"), tenant);
            assertEquals(tenant, twin.tenantOf(tenant), "a tenant key is its own tenant");
        }
    }

    @Test
    void givenACustomerCreated_whenEventsAreRead_thenItsCreationIsOneOfTheTenantsEvents() throws Exception {
        try (Twin twin = Twin.serve(STRIPE)) {
            Stripe.overrideApiBase(twin.baseUrl());
            Customer ada = Customer.create(CustomerCreateParams.builder().setName("Ada").build(), ADA);

            List<TwinEvent> events = twin.events("sk_test_ada");

            assertEquals(List.of("customer.created"), events.stream().map(TwinEvent::type).toList());
            assertTrue(events.get(0).json().contains(ada.getId()), events.get(0).json());
            assertEquals(events, twin.events());
            assertEquals(List.of(), twin.events("sk_test_bea"));
        }
    }

    @Test
    void givenAClosedTwin_thenItsPortAndItsStateFileAreFreeAgain() throws Exception {
        Path state = dir.resolve("twin.state");
        Twin first = Twin.builder().config(STRIPE).state(state).start();
        int port = first.port();

        first.close();

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
             Twin second = Twin.builder().config(STRIPE).state(state).start()) {
            assertEquals(port, socket.getLocalPort());
            assertTrue(second.port() > 0);
        }
    }

    @Test
    void givenAConfigWithProblems_whenServed_thenNothingListensAndTheProblemNamesTheFile() throws Exception {
        Path config = Files.writeString(dir.resolve("twin.yaml"), "imports:\n  - {path: missing.json, as: api}\n");

        dev.twin.replayer.config.ConfigException refused = assertThrows(
                dev.twin.replayer.config.ConfigException.class, () -> Twin.serve(config));

        assertTrue(refused.getMessage().contains("twin.yaml:2"), refused.getMessage());
    }

    @Test
    void aBuilderStartsOneTwin() throws Exception {
        Twin.Builder builder = Twin.builder().config(STRIPE);
        try (Twin twin = builder.start()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, builder::start);

            assertTrue(refused.getMessage().contains("new Twin.builder()"), refused.getMessage());
            assertTrue(twin.port() > 0);
        }
    }

    @Test
    void byDefaultNothingIsWrittenUnderTheUsersTwinHome() throws Exception {
        Path home = dir.resolve("user-home");
        String previousHome = System.getProperty("twin.home");
        String previousCache = System.getProperty("twin.cache");
        System.setProperty("twin.home", home.toString());
        System.clearProperty("twin.cache");
        try (Twin twin = Twin.serve(STRIPE)) {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(twin.baseUrl() + "/v1/balance")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } finally {
            restore("twin.home", previousHome);
            restore("twin.cache", previousCache);
        }
        awaitCacheWrites();

        assertTrue(Files.notExists(home), "nothing under " + home);
    }

    @Test
    void givenAHome_whenServed_thenTheStartUpCacheIsWrittenThere() throws Exception {
        Path home = dir.resolve("home");
        try (Twin twin = Twin.builder().config(STRIPE).home(home).start()) {
            assertTrue(twin.port() > 0);
        }
        awaitCacheWrites();

        try (Stream<Path> entries = Files.list(home.resolve("cache").resolve("serve"))) {
            assertTrue(entries.findAny().isPresent(), "the Stripe spec's index is cached under " + home);
        }
    }

    private static List<Customer> customers(RequestOptions key) throws Exception {
        return Customer.list(CustomerListParams.builder().setLimit(100L).build(), key).getData();
    }

    private static void awaitCacheWrites() throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        StartupCache.afterPendingWrites(written::countDown);
        assertTrue(written.await(30, TimeUnit.SECONDS), "the start-up cache writer finished");
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
