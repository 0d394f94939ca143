package dev.twin.replayer.internal.form;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A {@code multipart/form-data} body (RFC 7578) read into its parts with Netty's decoder, in memory (the body is
 * already whole and within the server's size limit, so nothing blocks or touches the disk). A part is a text field
 * or an upload: an upload keeps only what it says of itself (its name, file name, media type and size), never its
 * bytes, so what a request uploads is never held beyond the request.
 */
public final class MultipartForm {
    private MultipartForm() {
    }

    /** A part read as text: a field ({@code purpose=identity_document}, {@code metadata[a]=b}). */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        public FormPair pair() {
            return new FormPair(name, value);
        }
    }

    /**
     * A part read as a file: only its description.
     *
     * @param filename  the file name the client gave, or null (a file sent as a plain field)
     * @param mediaType the part's Content-Type, {@code application/octet-stream} when it gives none
     * @param size      its length in bytes
     */
    public record Upload(String name, String filename, String mediaType, long size) {
        public Upload {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }

    /** Every part of a body, fields and uploads each in the order sent. */
    public record Parts(List<Field> fields, List<Upload> uploads) {
        public Parts {
            fields = List.copyOf(fields);
            uploads = List.copyOf(uploads);
        }
    }

    /** Why a body could not be read: {@code tooMany} when it has more parts than allowed, else malformed. */
    public static final class Unreadable extends Exception {
        private final boolean tooMany;

        Unreadable(String message, boolean tooMany) {
            super(message, null, false, false);
            this.tooMany = tooMany;
        }

        public boolean tooMany() {
            return tooMany;
        }
    }

    /**
     * Reads {@code body}.
     *
     * @param contentType the request's whole Content-Type header (its {@code boundary} parameter splits the body)
     * @param maxParts    at most this many parts are read; one more is {@link Unreadable#tooMany()}
     * @param isFile      whether a part sent without a file name is a file all the same, by its name (the schema
     *                    says so); a part with a file name is always one
     */
    public static Parts read(byte[] body, String contentType, int maxParts, Predicate<String> isFile)
            throws Unreadable {
        if (boundary(contentType) == null) {
            throw new Unreadable("its Content-Type names no boundary (multipart/form-data; boundary=...)", false);
        }
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType == null ? "" : contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                    StandardCharsets.UTF_8, maxParts + 1, body.length + 1);
            List<InterfaceHttpData> parts = decoder.getBodyHttpDatas();
            if (parts.size() > maxParts) {
                throw new Unreadable("more than " + maxParts + " parts", true);
            }
            if (parts.isEmpty() && !new String(body, StandardCharsets.ISO_8859_1).isBlank()) {
                throw new Unreadable("no part starts with its boundary", false);
            }
            List<Field> fields = new ArrayList<>();
            List<Upload> uploads = new ArrayList<>();
            for (InterfaceHttpData part : parts) {
                if (part instanceof FileUpload file) {
                    uploads.add(new Upload(file.getName(), emptyToNull(file.getFilename()),
                            file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
                            file.length()));
                } else if (part instanceof Attribute attribute) {
                    if (isFile.test(attribute.getName())) {
                        uploads.add(new Upload(attribute.getName(), null, "application/octet-stream",
                                attribute.length()));
                    } else {
                        fields.add(new Field(attribute.getName(), attribute.getValue()));
                    }
                }
            }
            return new Parts(fields, uploads);
        } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
            throw new Unreadable("more than " + maxParts + " parts", true);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException | HttpPostRequestDecoder.NotEnoughDataDecoderException
                 | HttpPostRequestDecoder.TooLongFormFieldException | IOException e) {
            throw new Unreadable(reason(e), false);
        } catch (RuntimeException e) {
            // the decoder's way of failing on some malformed bodies; still the body's fault, not the twin's
            throw new Unreadable("its parts are not well-formed", false);
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
    }

    /** The {@code boundary} parameter of a Content-Type, or null when it has none. */
    public static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String reason(Exception e) {
        if (e instanceof HttpPostRequestDecoder.NotEnoughDataDecoderException) {
            return "the body ends before its closing boundary";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
