package com.example.payments;

import dev.twin.junit5.TwinExtension;
import dev.twin.junit5.TwinMode;
import dev.twin.junit5.TwinRuntime;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Verify: before the tests, the recording is replayed against the inferred twin and the class fails below the
 * minimum score (what TWIN_MODE=verify does in a scheduled build).
 */
@Order(3)
class VerifyCustomersTest {
    @RegisterExtension
    static TwinExtension twin = TwinExtension.builder().recording("http://127.0.0.1:9")
            .twinDirectory(RecordCustomersTest.TWIN).mode(TwinMode.VERIFY).build();

    @Test
    void theVerifiedTwinServesTheTests(TwinRuntime runtime) throws Exception {
        CustomerFlow.run(runtime, "Dee");
        assertEquals(TwinMode.VERIFY, runtime.mode());
    }
}
