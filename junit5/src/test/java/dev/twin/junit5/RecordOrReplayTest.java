package dev.twin.junit5;

import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.twin.junit5.TwinExtensionTest.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Record or replay, in the order a project lives it: the first run records the real API (here the Stripe example,
 * served on 127.0.0.1 by the test) and infers the twin; later runs are served by the twin alone; {@code twin.mode}
 * verify checks the twin against the recording first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordOrReplayTest {
    @TempDir
    static Path dir;
    static Twin upstream;
    static Path twinDir;
    private static String previousBase;

    @BeforeAll
    static void startTheRealApi() throws Exception {
        upstream = Twin.serve(TwinExtensionTest.STRIPE);
        twinDir = dir.resolve("twin");
        previousBase = Stripe.getApiBase();
    }

    @AfterAll
    static void stopTheRealApi() {
        Stripe.overrideApiBase(previousBase);
        upstream.close();
    }

    /** A client's flow: create a customer, read it back, find it in the list. */
    static class CustomerFlowSample {
        @RegisterExtension
        static TwinExtension twin = TwinExtension.builder().recording(upstream.baseUrl()).twinDirectory(twinDir)
                .build();

        @Test
        void aCreatedCustomerReadsBackAndIsListed(TwinRuntime runtime) throws Exception {
            Stripe.overrideApiBase(runtime.baseUrl());
            Customer created = Customer.create(CustomerCreateParams.builder().setName("Ada")
                    .setEmail("ada@example.com").build(), key(runtime.apiKey()));

            Customer read = Customer.retrieve(created.getId(), key(runtime.apiKey()));
            List<Customer> listed = Customer.list(CustomerListParams.builder().setLimit(100L).build(),
                    key(runtime.apiKey())).getData();

            assertEquals("Ada", read.getName());
            assertEquals("ada@example.com", read.getEmail());
            assertTrue(listed.stream().anyMatch(customer -> customer.getId().equals(created.getId())));
        }
    }

    @Test
    @Order(1)
    void givenNoTwinYet_whenTheClassRuns_thenItRecordsTheRealApiAndInfersTheTwin() {
        int before = upstream.requests().size();

        SampleRun run = SampleRun.of(CustomerFlowSample.class);

        assertEquals(Map.of(), run.failures());
        assertEquals(3, upstream.requests().size() - before, "the three requests went to the real API");
        assertTrue(Files.isRegularFile(twinDir.resolve("twin.yaml")));
        assertTrue(Files.isRegularFile(twinDir.resolve("openapi.yaml")));
        assertTrue(Files.isRegularFile(twinDir.resolve(RecordingSession.HAR)));
    }

    @Test
    @Order(2)
    void givenTheInferredTwin_whenTheClassRunsAgain_thenTheTwinAnswersAndTheRealApiSeesNothing() {
        int before = upstream.requests().size();

        SampleRun run = SampleRun.of(CustomerFlowSample.class);

        assertEquals(Map.of(), run.failures());
        assertEquals(before, upstream.requests().size());
    }

    @Test
    @Order(3)
    void givenVerifyMode_whenTheTwinAnswersItsRecordingFaithfully_thenTheClassRuns() {
        SampleRun run = SampleRun.of(CustomerFlowSample.class, Map.of(TwinMode.PROPERTY, "verify"));

        assertEquals(Map.of(), run.failures());
        assertEquals(1, run.succeeded());
    }

    @Test
    @Order(4)
    void givenVerifyMode_whenTheTwinNoLongerAnswersLikeItsRecording_thenTheClassFailsWithTheScore()
            throws Exception {
        Path twinYaml = twinDir.resolve("twin.yaml");
        String inferred = Files.readString(twinYaml);
        // without its tables the twin answers from the spec alone: a read of the created customer no longer matches
        Files.writeString(twinYaml, inferred.substring(0, inferred.indexOf("\ntables:") + 1));
        try {
            SampleRun run = SampleRun.of(CustomerFlowSample.class, Map.of(TwinMode.PROPERTY, "verify"));

            AssertionError failure = assertInstanceOf(AssertionError.class,
                    run.classResult().getThrowable().orElseThrow());
            assertTrue(failure.getMessage().contains("below the minimum score 0.99"), failure.getMessage());
        } finally {
            Files.writeString(twinYaml, inferred);
        }
    }
}
