package dev.twin.replayer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A raw socket to a twin on 127.0.0.1, for requests no HTTP client would send (encoded admin paths, half a head,
 * oversized headers). Every read gives up after 20 s, so a server that never answers fails the test instead of
 * hanging it.
 */
public final class RawSocket implements AutoCloseable {
    private final Socket socket;

    private RawSocket(Socket socket) {
        this.socket = socket;
    }

    public static RawSocket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return new RawSocket(socket);
    }

    /** {@code method target} with {@code Host: 127.0.0.1} and the given header lines, no body. */
    public static String request(String method, String target, String... headerLines) {
        StringBuilder text = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    public RawSocket send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** One response framed by its Content-Length: status line, headers, blank line and body. */
    public String readResponse() throws IOException {
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        return head + new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
    }

    /** Everything until the server closes the connection; a read timeout means it did not. */
    public String readUntilClosed() throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** -1 once the server has closed its side. */
    public int read() throws IOException {
        return socket.getInputStream().read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public static int status(String response) {
        return response.length() < 12 ? -1 : Integer.parseInt(response.substring(9, 12));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) { // CR LF CR LF
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
