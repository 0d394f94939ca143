package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.testing.RawSocket;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The default limits leave room for a load test of 1,000 connections from one machine. */
class DefaultConnectionLimitTest {
    @Test
    void givenTheDefaults_whenAThousandConnectionsFromLoopbackAreOpenAtOnce_thenEachIsAnswered() throws Exception {
        List<RawSocket> sockets = new ArrayList<>();
        try (Twin server = Twin.builder().config(Path.of("..", "examples", "petstore"))
                .start()) {
            for (int i = 0; i < 1000; i++) {
                sockets.add(RawSocket.connect(server.port()).send(RawSocket.request("GET", "/v1/pets/1")));
            }
            int answered = 0;
            for (RawSocket socket : sockets) {
                answered += RawSocket.status(socket.readResponse()) == 200 ? 1 : 0;
            }

            assertEquals(1000, answered);
        } finally {
            for (RawSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
