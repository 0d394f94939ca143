package dev.twin.replayer.internal.sandbox;

import dev.twin.replayer.Twin;
import dev.twin.replayer.internal.server.ConnectionLimits;
import dev.twin.replayer.testing.RawSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idle timeout closes connections with nothing to do, never one whose answer a latency fault holds back. */
class SlowAnswerIdleTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void givenALatencyLongerThanTheIdleTimeout_whenTheClientWaits_thenTheAnswerArrivesOnTheSameConnection()
            throws Exception {
        Path config = SandboxFixture.write(dir,
                "faults:\n  rules:\n    - {name: slow, operation: things.ping, latency: 2500ms}\n");
        try (Twin server = Twin.builder().config(config)
                .connectionLimits(new ConnectionLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 16)).start();
             RawSocket socket = RawSocket.connect(server.port())) {
            String answer = socket.send(RawSocket.request("GET", "/ping")).readResponse();

            assertEquals(200, RawSocket.status(answer), answer);
            assertTrue(answer.contains("Twin-Fault: slow"), answer);
            assertEquals(-1, socket.read(), "idle after the answer: closed by the idle timeout");
        }
    }
}
