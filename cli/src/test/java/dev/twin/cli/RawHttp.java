package dev.twin.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a raw socket, for requests no well-behaved client would send (broken request lines,
 * oversized headers, bodies that lie about their type). The answer is read by its {@code Content-Length} or chunked
 * framing, or to the end of the stream.
 */
final class RawHttp {
    /** What came back: the status (0 when the connection ended before a status line), the head and the body. */
    record Answer(int status, String head, String body) {
        boolean dropped() {
            return status == 0;
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} on a fresh connection and reads one answer. A connection the server resets or closes
     * while the request is still being written still has its answer read: a server may refuse a large request
     * before reading all of it.
     */
    static Answer exchange(int port, byte[] request, int readTimeoutMillis) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // refused mid-write; the answer, if any, is already on its way back
            }
            boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1)
                    .equals("HEAD ");
            return read(socket.getInputStream(), head);
        }
    }

    private static Answer read(InputStream in, boolean headRequest) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        try {
            while (matched < 4 && (b = in.read()) != -1) {
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        } catch (SocketException e) {
            // reset before or while the head arrived
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        if (matched < 4 || !headText.startsWith("HTTP/1.1 ")) {
            return new Answer(0, headText, "");
        }
        int status = Integer.parseInt(headText.substring(9, 12));
        String lower = headText.toLowerCase(Locale.ROOT);
        String body;
        if (headRequest || status == 204 || status == 304) {
            body = "";
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            body = readChunked(in);
        } else {
            int length = contentLength(lower);
            body = new String(in.readNBytes(Math.max(length, 0)), StandardCharsets.UTF_8);
        }
        return new Answer(status, headText, body);
    }

    private static int contentLength(String lowerHead) {
        int at = lowerHead.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = lowerHead.indexOf("\r\n", at + 2);
        return Integer.parseInt(lowerHead.substring(at + "\r\ncontent-length:".length(), end).trim());
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                line(in);
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
