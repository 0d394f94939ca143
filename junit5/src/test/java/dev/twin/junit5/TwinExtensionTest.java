package dev.twin.junit5;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The extension's lifecycle, tenants and failure reports, each shown by running a small sample test class (nested
 * here, so never run on its own) on the JUnit Platform, against the Stripe example with stripe-java.
 */
class TwinExtensionTest {
    static final Path STRIPE = Path.of("..", "examples", "stripe");
    static final List<String> BASE_URLS = Collections.synchronizedList(new ArrayList<>());
    static final List<String> API_KEYS = Collections.synchronizedList(new ArrayList<>());
    static final List<Integer> CUSTOMERS_SEEN = Collections.synchronizedList(new ArrayList<>());
    static int seededCustomers;

    private String previousBase;

    @BeforeAll
    static void countTheSeededCustomers() throws Exception {
        try (var twin = dev.twin.replayer.Twin.serve(STRIPE)) {
            Stripe.overrideApiBase(twin.baseUrl());
            seededCustomers = customers("sk_test_counting").size();
        }
    }

    @BeforeEach
    void clearWhatSamplesSaw() {
        previousBase = Stripe.getApiBase();
        BASE_URLS.clear();
        API_KEYS.clear();
        CUSTOMERS_SEEN.clear();
    }

    @AfterEach
    void restoreStripe() {
        Stripe.overrideApiBase(previousBase);
    }

    @TwinTest("../examples/stripe")
    static class DeclaredSample {
        @Test
        void first(TwinRuntime twin) {
            BASE_URLS.add(twin.baseUrl());
            API_KEYS.add(twin.apiKey());
        }

        @Test
        void second(TwinRuntime twin) {
            BASE_URLS.add(twin.baseUrl());
            API_KEYS.add(twin.apiKey());
        }
    }

    @Test
    void givenTwinTest_whenTheClassRuns_thenItsTestsShareOneTwinEachWithAnApiKeyOfItsOwn() {
        SampleRun run = SampleRun.of(DeclaredSample.class);

        assertEquals(Map.of(), run.failures());
        assertEquals(1, Set.copyOf(BASE_URLS).size(), BASE_URLS.toString());
        assertEquals(2, Set.copyOf(API_KEYS).size(), API_KEYS.toString());
        API_KEYS.forEach(key -> assertTrue(key.startsWith("sk_test_"), key));
        assertClosed(BASE_URLS.get(0));
    }

    static class PerTestSample {
        @RegisterExtension
        TwinExtension twin = TwinExtension.builder().config(STRIPE).build();

        @Test
        void first(TwinRuntime runtime) {
            BASE_URLS.add(runtime.baseUrl());
        }

        @Test
        void second(TwinRuntime runtime) {
            BASE_URLS.add(runtime.baseUrl());
        }
    }

    @Test
    void givenTheExtensionOnAnInstanceField_whenTheClassRuns_thenEachTestHasATwinOfItsOwnClosedAfterIt() {
        SampleRun run = SampleRun.of(PerTestSample.class);

        assertEquals(Map.of(), run.failures());
        assertEquals(2, Set.copyOf(BASE_URLS).size(), BASE_URLS.toString());
        BASE_URLS.forEach(TwinExtensionTest::assertClosed);
    }

    static class ParallelSample {
        @RegisterExtension
        static TwinExtension twin = TwinExtension.builder().config(STRIPE).build();

        @RepeatedTest(40)
        void aTestSeesOnlyTheSeedsAndItsOwnCustomer(TwinRuntime runtime) throws Exception {
            Stripe.overrideApiBase(runtime.baseUrl());
            Customer mine = Customer.create(CustomerCreateParams.builder().setName("mine").build(),
                    key(runtime.apiKey()));

            List<Customer> seen = customers(runtime.apiKey());

            assertTrue(seen.stream().anyMatch(c -> c.getId().equals(mine.getId())));
            assertEquals(seededCustomers + 1, seen.size(), "only the seeds and this test's customer");
        }
    }

    @Test
    void givenTestsRunningInParallelOnOneTwin_whenEachCreatesACustomer_thenNoneSeesAnothersRows() {
        SampleRun run = SampleRun.of(ParallelSample.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"));

        assertEquals(Map.of(), run.failures());
        assertEquals(40, run.succeeded());
    }

    static class FailingSample {
        @RegisterExtension
        static TwinExtension twin = TwinExtension.builder().config(STRIPE).build();

        @Test
        void createsACustomerThenFails(TwinRuntime runtime) throws Exception {
            Stripe.overrideApiBase(runtime.baseUrl());
            Customer.create(CustomerCreateParams.builder().setName("Ada").build(), key(runtime.apiKey()));

            fail("deliberately");
        }
    }

    @Test
    void givenAFailingTest_whenItsFailureIsReported_thenTheTwinsJournalOfThatTestIsAddedToIt() {
        SampleRun run = SampleRun.of(FailingSample.class);

        Throwable failure = run.result("createsACustomerThenFails(TwinRuntime)").getThrowable().orElseThrow();
        assertEquals("deliberately", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        TwinJournal journal = assertInstanceOf(TwinJournal.class, failure.getSuppressed()[0]);
        assertTrue(journal.getMessage().contains("1 request, oldest first\n"
                + "  POST /v1/customers -> 200 (table, stripe.PostCustomers)"), journal.getMessage());
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedTenantSample {
        @RegisterExtension
        static TwinExtension twin = TwinExtension.builder().config(STRIPE).tenantPerTest(false).build();

        @Test
        @Order(1)
        void createsACustomer(TwinRuntime runtime) throws Exception {
            Stripe.overrideApiBase(runtime.baseUrl());
            Customer.create(CustomerCreateParams.builder().setName("Ada").build(), key(runtime.apiKey()));
            CUSTOMERS_SEEN.add(customers(runtime.apiKey()).size());
        }

        @Test
        @Order(2)
        void countsTheCustomers(TwinRuntime runtime) throws Exception {
            Stripe.overrideApiBase(runtime.baseUrl());
            CUSTOMERS_SEEN.add(customers(runtime.apiKey()).size());
        }
    }

    @Test
    void givenOneApiKeyForEveryTest_whenATestRuns_thenTheTwinWasResetBeforeIt() {
        SampleRun run = SampleRun.of(SharedTenantSample.class);

        assertEquals(Map.of(), run.failures());
        assertEquals(List.of(seededCustomers + 1, seededCustomers), CUSTOMERS_SEEN);
    }

    static class ClassLevelRuntimeSample {
        @RegisterExtension
        static TwinExtension twin = TwinExtension.builder().config(STRIPE).build();

        @BeforeAll
        static void tooEarly(TwinRuntime runtime) {
            BASE_URLS.add(runtime.baseUrl());
        }

        @Test
        void neverRuns() {
        }
    }

    @Test
    void givenATwinRuntimeAskedForInBeforeAll_thenTheFailureSaysItBelongsToOneTest() {
        SampleRun run = SampleRun.of(ClassLevelRuntimeSample.class);

        TestExecutionResult result = run.classResult();
        ParameterResolutionException refused = assertInstanceOf(ParameterResolutionException.class,
                result.getThrowable().orElseThrow());
        assertTrue(refused.getMessage().contains("belongs to one test"), refused.getMessage());
    }

    @Test
    void givenNoConfigurationOrRecording_whenBuilt_thenTheErrorSaysWhatIsMissing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TwinExtension.builder().build());

        assertTrue(refused.getMessage().contains("config(path) or recording(upstreamUrl)"), refused.getMessage());
    }

    static RequestOptions key(String apiKey) {
        return RequestOptions.builder().setApiKey(apiKey).build();
    }

    static List<Customer> customers(String apiKey) throws Exception {
        return Customer.list(CustomerListParams.builder().setLimit(100L).build(), key(apiKey)).getData();
    }

    private static void assertClosed(String baseUrl) {
        URI uri = URI.create(baseUrl);
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            }
        }, baseUrl + " still accepts connections after the twin closed");
    }
}
