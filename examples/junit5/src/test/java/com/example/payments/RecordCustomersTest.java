package com.example.payments;

import dev.twin.junit5.TwinExtension;
import dev.twin.junit5.TwinMode;
import dev.twin.junit5.TwinRuntime;
import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Record: the tests talk to "the real API" (here the Stripe example, started by the test on 127.0.0.1) through
 * twin's recording proxy; after the class the twin is inferred into target/twin/customers. A real project leaves
 * the mode to TWIN_MODE (record when no twin exists yet) and keeps the twin under src/test/resources/twin; this
 * example records on every build, then replays and verifies in the next two classes.
 */
@Order(1)
class RecordCustomersTest {
    static final Path TWIN = Path.of("target", "twin", "customers");
    static final Twin realApi = RealApi.start();

    @RegisterExtension
    static TwinExtension twin = TwinExtension.builder().recording(realApi.baseUrl()).twinDirectory(TWIN)
            .mode(TwinMode.RECORD).build();

    @AfterAll
    static void stopTheRealApi() {
        realApi.close();
    }

    @Test
    void ada(TwinRuntime runtime) throws Exception {
        CustomerFlow.run(runtime, "Ada");
        assertEquals(TwinMode.RECORD, runtime.mode());
    }

    @Test
    void bea(TwinRuntime runtime) throws Exception {
        CustomerFlow.run(runtime, "Bea");
    }
}
