package dev.twin.replayer.internal.server;

import dev.twin.replayer.testing.RawSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge limits of twin.yaml's {@code server.limits}, over raw sockets: a petstore twin whose twin.yaml allows a
 * 100-character URL, 5 header lines and 1 s for a request body after its head. Every read has a 20 s timeout as a
 * safety bound; a closed connection shows as the end of the stream.
 */
class ServerLimitsFromTwinYamlTest {
    @TempDir
    static Path dir;

    private static TwinServer server;

    @BeforeAll
    static void start() throws Exception {
        Path spec = Path.of("..", "examples", "petstore", "petstore.yaml").toAbsolutePath();
        Path twinYaml = Files.writeString(dir.resolve("twin.yaml"), """
                imports: [{path: %s, as: petstore}]
                server:
                  limits: {maxUrlLength: 100, maxHeaders: 5, bodyTimeout: 1s}
                """.formatted(spec));
        server = TwinServer.builder().configFile(twinYaml).port(0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenAUrlLongerThanTwinYamlAllows_whenSent_thenItIs414NamingThatLimit() throws IOException {
        String answer = refusal(RawSocket.request("GET", "/v1/pets?name=" + "x".repeat(100)));

        assertEquals(414, RawSocket.status(answer), answer);
        assertTrue(answer.contains("longer than the limit of 100 characters"), answer);
    }

    @Test
    void givenMoreHeaderLinesThanTwinYamlAllows_whenSent_thenItIs431NamingThatLimit() throws IOException {
        String answer = refusal(RawSocket.request("GET", "/v1/pets/1", "X-A: 1", "X-B: 2", "X-C: 3", "X-D: 4",
                "X-E: 5"));

        assertEquals(431, RawSocket.status(answer), answer);
        assertTrue(answer.contains("6 header lines; the limit is 5"), answer);
    }

    @Test
    void givenABodyThatStopsAfterItsFirstBytes_whenTheBodyTimeoutPasses_thenTheServerAnswers408AndCloses()
            throws IOException {
        String answer = refusal("POST /v1/pets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"name\":");

        assertEquals(408, RawSocket.status(answer), answer);
        assertTrue(answer.contains("Request timeout: the request body did not arrive within 1 s."), answer);
    }

    @Test
    void givenABodyTrickledByteByByte_whenTheBodyTimeoutPasses_thenTheServerAnswers408AndCloses() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (RawSocket socket = RawSocket.connect(server.port())) {
            socket.send("POST /v1/pets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n");
            // one byte every 100 ms: the connection is never idle, the body never complete
            trickle.scheduleAtFixedRate(() -> {
                try {
                    socket.send(" ");
                } catch (IOException closedByTheServer) {
                    trickle.shutdown();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);

            String answer = socket.readUntilClosed();

            assertEquals(408, RawSocket.status(answer), answer);
            assertTrue(answer.contains("the request body did not arrive within 1 s"), answer);
        } finally {
            trickle.shutdownNow();
        }
        assertNormalRequestAnswered();
    }

    @Test
    void givenABodyThatTimesOut_whenTheServerClosesTheConnection_thenItLogsTheCauseOnce() throws IOException {
        try (LogCapture log = new LogCapture()) {
            refusal("PUT /v1/pets/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{");

            long lines = log.messages().stream()
                    .filter(m -> m.contains("the request body did not arrive within 1 s")).count();
            assertEquals(1, lines, String.valueOf(log.messages()));
        }
    }

    /** Sends {@code request}, reads until the server closes, and checks a normal request still works after. */
    private static String refusal(String request) throws IOException {
        String answer;
        try (RawSocket socket = RawSocket.connect(server.port())) {
            answer = socket.send(request).readUntilClosed();
        }
        assertNormalRequestAnswered();
        return answer;
    }

    private static void assertNormalRequestAnswered() throws IOException {
        try (RawSocket socket = RawSocket.connect(server.port())) {
            String answer = socket.send(RawSocket.request("GET", "/v1/pets/1")).readResponse();
            assertEquals(200, RawSocket.status(answer), answer);
        }
    }
}
