package com.example.payments;

import dev.twin.junit5.TwinExtension;
import dev.twin.junit5.TwinMode;
import dev.twin.junit5.TwinRuntime;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replay: the same flow against the twin inferred from RecordCustomersTest's recording. The upstream named here does
 * not even listen: nothing goes to the network.
 */
@Order(2)
class ReplayCustomersTest {
    @RegisterExtension
    static TwinExtension twin = TwinExtension.builder().recording("http://127.0.0.1:9")
            .twinDirectory(RecordCustomersTest.TWIN).mode(TwinMode.REPLAY).build();

    @Test
    void ada(TwinRuntime runtime) throws Exception {
        CustomerFlow.run(runtime, "Ada");
        assertEquals(3, runtime.requests().size(), "the twin answered all three requests");
    }

    @Test
    void aNameNeverRecorded(TwinRuntime runtime) throws Exception {
        CustomerFlow.run(runtime, "Cyd");
    }
}
