package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes a {@link TwinResponse} as HTTP/1.1 bytes in one buffer: the bytes Netty's {@code HttpResponseEncoder}
 * writes for the same response, without building a Netty response and its header objects per request (with a
 * few header lines per answer, that object building cost as much as the rest of the answer). Headers that are not
 * plain printable ASCII are left to Netty (it validates and encodes them its own way): {@link #encode} returns
 * null for those.
 */
final class ResponseBytes {
    static final String SANDBOX_HEADER = "Twin-Sandbox";

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SANDBOX_LINE = ascii(SANDBOX_HEADER + ": true\r\n");
    private static final byte[] CONTENT_LENGTH = ascii("content-length: ");
    private static final byte[] CONNECTION_CLOSE = ascii("connection: close\r\n");
    /** Status lines by code, built on first use: "HTTP/1.1 200 OK\r\n". */
    private static final byte[][] STATUS_LINES = new byte[1000][];
    /** Bodies larger than this are sent as a second buffer wrapping the array instead of being copied. */
    private static final int COPY_LIMIT = 16 * 1024;

    private ResponseBytes() {
    }

    /**
     * @return a buffer holding the status line, headers and (unless {@code head}) the body; or null when a header
     * needs Netty's own validation and encoding. The caller writes it below the HTTP encoder and releases nothing.
     */
    static ByteBuf encode(ByteBufAllocator alloc, TwinResponse response, boolean keepAlive, boolean head) {
        Map<String, String> headers = response.headers();
        byte[] status = statusLine(response.status());
        if (status == null) {
            return null;
        }
        byte[] body = response.body();
        int size = status.length + SANDBOX_LINE.length + CONTENT_LENGTH.length + 12 + CONNECTION_CLOSE.length + 2;
        boolean declaresLength = false;
        if (headers.size() > 1 && hasCaseDuplicates(headers)) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (!isToken(name) || !isPlainValue(header.getValue()) || isServerLine(name)) {
                return null;
            }
            declaresLength |= name.equals("Content-Length");
            size += name.length() + header.getValue().length() + 4;
        }
        boolean withBody = !head && body.length > 0;
        boolean copyBody = withBody && body.length <= COPY_LIMIT;
        ByteBuf out = alloc.ioBuffer(size + (copyBody ? body.length : 0));
        out.writeBytes(status);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            writeAscii(out, header.getKey());
            out.writeByte(':').writeByte(' ');
            writeAscii(out, header.getValue());
            out.writeBytes(CRLF);
        }
        out.writeBytes(SANDBOX_LINE);
        if (!declaresLength) {
            out.writeBytes(CONTENT_LENGTH);
            writeAscii(out, Integer.toString(body.length));
            out.writeBytes(CRLF);
        }
        if (!keepAlive) {
            out.writeBytes(CONNECTION_CLOSE);
        }
        out.writeBytes(CRLF);
        if (copyBody) {
            out.writeBytes(body);
        } else if (withBody) {
            return alloc.compositeBuffer(2).addComponents(true, out, io.netty.buffer.Unpooled.wrappedBuffer(body));
        }
        return out;
    }

    /** Null for statuses whose headers Netty's encoder adjusts (1xx, 204, 205, 304 never carry a body). */
    private static byte[] statusLine(int code) {
        if (code < 200 || code >= STATUS_LINES.length || code == 204 || code == 205 || code == 304) {
            return null;
        }
        byte[] line = STATUS_LINES[code];
        if (line == null) {
            line = ascii("HTTP/1.1 " + HttpResponseStatus.valueOf(code) + "\r\n");
            STATUS_LINES[code] = line; // racing threads build equal arrays
        }
        return line;
    }

    /**
     * Names Netty's headers would merge with the lines the server adds (it sets them case-insensitively): left
     * to Netty so the result stays the same. {@code Content-Length} spelled so is sent instead of the computed one.
     */
    private static boolean isServerLine(String name) {
        return name.length() == SANDBOX_HEADER.length() && name.equalsIgnoreCase(SANDBOX_HEADER)
                || name.length() == 14 && name.equalsIgnoreCase("content-length") && !name.equals("Content-Length")
                || name.length() == 10 && name.equalsIgnoreCase("connection");
    }

    /** Names differing in case only, which Netty's headers would merge into one line. */
    private static boolean hasCaseDuplicates(Map<String, String> headers) {
        String[] names = headers.keySet().toArray(new String[0]);
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                if (names[i].equalsIgnoreCase(names[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII and tabs. */
    private static boolean isPlainValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static void writeAscii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
