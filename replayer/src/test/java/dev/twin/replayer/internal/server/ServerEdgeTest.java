package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import dev.twin.replayer.testing.RawSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's edge over raw sockets: timeouts, connections per address, and the HTTP-level request limits. The
 * twin here has small limits (1 s header and idle timeouts, 3 connections per address, a 200-character URL, 1 KiB
 * of headers, 10 header lines, a 64-byte body); every read has a 20 s timeout as a safety bound, and a closed
 * connection shows as the end of the stream.
 */
class ServerEdgeTest {
    private static Twin server;

    @BeforeAll
    static void start() throws Exception {
        server = edge(64);
    }

    /**
     * A petstore twin with 1 s timeouts and small request limits. The per-address limit gets a server of its own:
     * a connection another test closed may not yet be gone on the server's side when the next test connects.
     */
    private static Twin edge(int connectionsPerAddress) throws Exception {
        return Twin.builder().config(Path.of("..", "examples", "petstore"))
                .connectionLimits(new ConnectionLimits(Duration.ofSeconds(1), Duration.ofSeconds(1),
                        connectionsPerAddress))
                .httpLimits(new HttpLimits(200, 1024, 10, 64)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenAHeadThatNeverCompletes_whenTheHeaderTimeoutPasses_thenTheServerAnswers408AndCloses()
            throws IOException {
        try (RawSocket slowloris = RawSocket.connect(server.port())) {
            slowloris.send("GET /v1/pets/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: a");

            String answer = slowloris.readUntilClosed();

            assertEquals(408, RawSocket.status(answer), answer);
            assertTrue(answer.contains("the request head did not arrive within 1 s"), answer);
        }
        assertNormalRequestAnswered();
    }

    @Test
    void givenARefusedRequest_whenTheServerClosesTheConnection_thenItLogsTheCauseOnce() throws IOException {
        try (LogCapture log = new LogCapture()) {
            refusal(RawSocket.request("GET", "/v1/pets?tag=" + "q".repeat(300)));

            long lines = log.messages().stream().filter(m -> m.contains("answered 414")).count();
            assertEquals(1, lines, String.valueOf(log.messages()));
        }
    }

    @Test
    void givenAKeepAliveConnection_whenItStaysIdlePastTheIdleTimeout_thenTheServerClosesIt() throws IOException {
        try (RawSocket idle = RawSocket.connect(server.port())) {
            String first = idle.send(RawSocket.request("GET", "/v1/pets/1")).readResponse();

            assertEquals(200, RawSocket.status(first), first);
            assertEquals(-1, idle.read(), "closed after the idle timeout, with nothing more sent");
        }
    }

    @Test
    void givenTheConnectionsPerAddressAreOpen_whenOneMoreConnects_thenItIsAnswered503AndClosed()
            throws Exception {
        try (Twin limited = edge(3); RawSocket a = RawSocket.connect(limited.port());
             RawSocket b = RawSocket.connect(limited.port()); RawSocket c = RawSocket.connect(limited.port())) {
            for (RawSocket open : new RawSocket[] {a, b, c}) { // each answered: each counted by the server
                assertEquals(200, RawSocket.status(open.send(RawSocket.request("GET", "/v1/pets/1")).readResponse()));
            }
            try (RawSocket fourth = RawSocket.connect(limited.port())) {
                String answer = fourth.readUntilClosed();

                assertEquals(503, RawSocket.status(answer), answer);
                assertTrue(answer.contains("the limit per client address is 3"), answer);
            }
        }
    }

    @Test
    void givenAUrlLongerThanTheLimit_whenSent_thenItIs414NamingTheLimit() throws IOException {
        String answer = refusal(RawSocket.request("GET", "/v1/pets?name=" + "x".repeat(300)));

        assertEquals(414, RawSocket.status(answer), answer);
        assertTrue(answer.contains("longer than the limit of 200 characters"), answer);
    }

    @Test
    void givenARequestLineFarLongerThanTheLimit_whenSent_thenItIs414NamingTheLimit() throws IOException {
        String answer = refusal(RawSocket.request("GET", "/v1/pets?name=" + "x".repeat(5000)));

        assertEquals(414, RawSocket.status(answer), answer);
        assertTrue(answer.contains("longer than the limit of 200 characters"), answer);
    }

    @Test
    void givenHeadersLargerThanTheLimit_whenSent_thenItIs431NamingTheLimit() throws IOException {
        String answer = refusal(RawSocket.request("GET", "/v1/pets/1", "X-Big: " + "y".repeat(2000)));

        assertEquals(431, RawSocket.status(answer), answer);
        assertTrue(answer.contains("larger than the limit of 1024 bytes"), answer);
    }

    @Test
    void givenMoreHeaderLinesThanTheLimit_whenSent_thenItIs431NamingTheLimit() throws IOException {
        String[] lines = new String[12];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "X-H" + i + ": v";
        }
        String answer = refusal(RawSocket.request("GET", "/v1/pets/1", lines));

        assertEquals(431, RawSocket.status(answer), answer);
        assertTrue(answer.contains("13 header lines; the limit is 10"), answer);
    }

    @Test
    void givenABodyLargerThanTheLimit_whenAnnounced_thenItIs413NamingTheLimit() throws IOException {
        String body = "{\"name\": \"" + "z".repeat(100) + "\"}";
        String answer = refusal("POST /v1/pets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);

        assertEquals(413, RawSocket.status(answer), answer);
        assertTrue(answer.contains("larger than the limit of 64 bytes"), answer);
    }

    @Test
    void givenAMalformedHead_whenSent_thenItIs400NamingTheProblem() throws IOException {
        String answer = refusal("GET /v1/pets/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\n\r\n");

        assertEquals(400, RawSocket.status(answer), answer);
        assertTrue(answer.contains("Malformed HTTP request"), answer);
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
