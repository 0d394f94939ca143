package dev.twin.replayer.internal.server;

import dev.twin.replayer.Twin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP/1.1 connection behaviour over a raw socket: pipelining, Connection: close, Expect: 100-continue. */
class ConnectionHandlingTest {
    private static Twin server;

    @BeforeAll
    static void start() throws Exception {
        server = Twin.builder().config(Path.of("..", "examples", "petstore"))
                .httpLimits(HttpLimits.DEFAULTS.withMaxBodyBytes(4096)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void givenTwoPipelinedRequests_whenSentInOneWrite_thenBothAreAnsweredInOrderOnTheSameConnection()
            throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/pets/7 HTTP/1.1\r\nHost: twin\r\n\r\nGET /v1/pets/8 HTTP/1.1\r\nHost: twin\r\n\r\n");

            String first = readResponse(socket.getInputStream());
            String second = readResponse(socket.getInputStream());

            assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n"), first);
            assertTrue(first.contains("\"id\":7"), first);
            assertTrue(second.contains("\"id\":8"), second);
        }
    }

    @Test
    void givenConnectionClose_whenAnswered_thenTheResponseSaysSoAndTheServerCloses() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /v1/pets/1 HTTP/1.1\r\nHost: twin\r\nConnection: close\r\n\r\n");

            String response = readResponse(socket.getInputStream());

            assertTrue(response.toLowerCase().contains("\r\nconnection: close\r\n"), response);
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
        }
    }

    @Test
    void givenExpectContinue_whenTheBodyFollows_thenContinueComesFirstAndThenTheAnswer() throws IOException {
        String body = "{\"id\": 1, \"name\": \"Rex\"}";
        try (Socket socket = connect()) {
            send(socket, "POST /v1/pets HTTP/1.1\r\nHost: twin\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nExpect: 100-continue\r\n\r\n");
            String interim = readHead(socket.getInputStream());
            send(socket, body);
            String response = readResponse(socket.getInputStream());

            assertTrue(interim.startsWith("HTTP/1.1 100 Continue"), interim);
            assertTrue(response.startsWith("HTTP/1.1 201 Created"), response);
        }
    }

    @Test
    void givenAHeadRequest_whenAnswered_thenTheLengthOfTheGetBodyIsSentWithoutTheBody() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "HEAD /v1/pets/1 HTTP/1.1\r\nHost: twin\r\n\r\nGET /v1/pets/1 HTTP/1.1\r\nHost: twin\r\n\r\n");

            String head = readHead(socket.getInputStream());
            String get = readResponse(socket.getInputStream());

            assertEquals(contentLength(get), contentLength(head));
            assertTrue(get.startsWith("HTTP/1.1 200 OK"), "the GET answer follows the HEAD answer directly: " + get);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Status line and headers, up to and including the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** A whole response framed by its Content-Length. */
    private static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        byte[] body = in.readNBytes(contentLength(head));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private static int contentLength(String response) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
