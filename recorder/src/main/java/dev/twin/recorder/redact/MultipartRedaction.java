package dev.twin.recorder.redact;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redacts a multipart/form-data body part by part, with the rules of every other body ({@link FieldRedaction}).
 * Netty's decoder does the parsing (in memory only: no part is ever written to a temporary file).
 *
 * <ul>
 *   <li>A text field is redacted like a form field of the same name; a card number anywhere makes the expiry
 *       fields secret too.</li>
 *   <li>A file part stays as it is unless a secret rule names it ({@code --redact id_scan}): then its content and
 *       filename are fingerprinted. A card number in a filename is masked.</li>
 *   <li>When something changed the body is written again with the same boundary, each part keeping its name,
 *       filename and (for files) Content-Type; other part headers are not kept. When nothing changed the original
 *       bytes are kept as they are.</li>
 *   <li>A body that cannot be parsed (no boundary, broken framing, or cut at the size cap) is replaced as a whole by
 *       its fingerprint: it may hold a secret twin cannot find, so it is never stored raw. The exchange itself is
 *       still recorded.</li>
 * </ul>
 */
final class MultipartRedaction {
    private final FieldRedaction fields;

    MultipartRedaction(FieldRedaction fields) {
        this.fields = fields;
    }

    /** The redacted body, or the same array when nothing had to change. */
    byte[] redact(String contentType, byte[] body, boolean truncated) {
        String boundary = boundary(contentType);
        if (boundary == null || truncated) {
            return whole(body);
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            // No limit on fields or buffered bytes: the whole body is in memory already, cut at --max-body.
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                    StandardCharsets.UTF_8, -1, -1);
            if (!decoder.isMultipart() || decoder.currentPartialHttpData() != null) {
                return whole(body);
            }
            List<Part> parts = new ArrayList<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                parts.add(Part.of(data));
            }
            if (parts.isEmpty() && body.length > 0) {
                return whole(body);
            }
            return redactParts(boundary, parts, body);
        } catch (DecoderException | IOException | IllegalArgumentException | IllegalStateException malformed) {
            return whole(body);
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
    }

    private byte[] redactParts(String boundary, List<Part> parts, byte[] original) {
        boolean card = false;
        for (Part part : parts) {
            card |= !part.isFile() && PaymentCard.isNumber(part.text());
        }
        List<Part> redacted = new ArrayList<>(parts.size());
        boolean changed = false;
        for (Part part : parts) {
            Part result = part.isFile() ? redactFile(part) : redactField(part, card);
            changed |= result != part;
            redacted.add(result);
        }
        return changed ? MultipartBody.write(boundary, redacted) : original;
    }

    private Part redactField(Part part, boolean card) {
        String value = part.text();
        String redacted = fields.redact(part.name(), value, card);
        return redacted == value ? part : part.withContent(redacted.getBytes(StandardCharsets.UTF_8));
    }

    private Part redactFile(Part part) {
        if (fields.namesSecret(part.name())) {
            return new Part(part.name(), Fingerprint.of(part.filename()), part.contentType(),
                    Fingerprint.ofBytes(part.content()).getBytes(StandardCharsets.UTF_8));
        }
        String filename = maskCardNumbers(part.filename());
        return filename.equals(part.filename()) ? part
                : new Part(part.name(), filename, part.contentType(), part.content());
    }

    /** A filename like {@code 4242 4242 4242 4242.pdf}: the part before the extension is checked. */
    private static String maskCardNumbers(String filename) {
        int dot = filename.lastIndexOf('.');
        String base = dot > 0 ? filename.substring(0, dot) : filename;
        return PaymentCard.isNumber(base) ? PaymentCard.maskNumber(base) + filename.substring(base.length())
                : filename;
    }

    private static byte[] whole(byte[] body) {
        return body.length == 0 ? body : Fingerprint.ofBytes(body).getBytes(StandardCharsets.UTF_8);
    }

    /** The boundary parameter of a multipart Content-Type, unquoted, or null. */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length()).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** One part as twin keeps it: filename null for a text field. */
    record Part(String name, String filename, String contentType, byte[] content) {
        static Part of(InterfaceHttpData data) throws IOException {
            if (data instanceof FileUpload file) {
                return new Part(file.getName(), file.getFilename(), file.getContentType(), file.get());
            }
            if (data instanceof Attribute attribute) {
                return new Part(attribute.getName(), null, null, attribute.get());
            }
            throw new IllegalStateException("unexpected multipart data " + data.getHttpDataType());
        }

        boolean isFile() {
            return filename != null;
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        Part withContent(byte[] newContent) {
            return new Part(name, filename, contentType, newContent);
        }
    }
}
