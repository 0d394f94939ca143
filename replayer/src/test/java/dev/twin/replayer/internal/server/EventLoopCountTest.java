package dev.twin.replayer.internal.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many event loops the server runs: one per core, less the state store client's busy threads, at least one. */
class EventLoopCountTest {

    @Test
    void oneLoopPerCoreInMemory() {
        assertEquals(2, TwinServer.eventLoops(2, 0, null));
        assertEquals(8, TwinServer.eventLoops(8, 0, null));
    }

    @Test
    void theStoreClientsBusyThreadTakesTheCoreOfOneLoop() {
        assertEquals(1, TwinServer.eventLoops(2, 1, null));
        assertEquals(7, TwinServer.eventLoops(8, 1, null));
    }

    @Test
    void atLeastOneLoopAndTheSystemPropertyDecidesWhenGiven() {
        assertEquals(1, TwinServer.eventLoops(1, 1, null));
        assertEquals(4, TwinServer.eventLoops(2, 1, 4));
    }
}
