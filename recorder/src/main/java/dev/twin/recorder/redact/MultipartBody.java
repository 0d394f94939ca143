package dev.twin.recorder.redact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes multipart/form-data parts (RFC 7578) with a given boundary. */
final class MultipartBody {
    private static final byte[] CRLF = {'\r', '\n'};

    private MultipartBody() {
    }

    static byte[] write(String boundary, List<MultipartRedaction.Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MultipartRedaction.Part part : parts) {
            ascii(out, "--" + boundary + "\r\n");
            StringBuilder disposition = new StringBuilder("Content-Disposition: form-data; name=\"")
                    .append(quoted(part.name())).append('"');
            if (part.isFile()) {
                disposition.append("; filename=\"").append(quoted(part.filename())).append('"');
            }
            utf8(out, disposition.append("\r\n").toString());
            if (part.isFile() && part.contentType() != null && !part.contentType().isEmpty()) {
                utf8(out, "Content-Type: " + part.contentType() + "\r\n");
            }
            out.writeBytes(CRLF);
            out.writeBytes(part.content());
            out.writeBytes(CRLF);
        }
        ascii(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    /** Quotes, CR and LF percent-encoded in a quoted name, as HTML forms do. */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void utf8(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
