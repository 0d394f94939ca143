package dev.twin.replayer.internal.verify;

import dev.twin.recorder.Header;
import dev.twin.recorder.Headers;
import dev.twin.recorder.RecordedRequest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A recorded request aimed at the twin: same method, path, query, headers and body, with every value the twin
 * minted differently rewritten through the {@link IdMap}. Redacted credentials are sent as recorded; they are
 * stable per credential, so tenants stay apart. Headers about the connection or the recorded encoding are left
 * to the client.
 */
final class ReplayRequest {
    /** Set by the HTTP client itself, or describing how the recorded bytes travelled (they are stored decoded). */
    private static final Set<String> DROPPED = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "expect", "proxy-connection", "proxy-authorization",
            "content-encoding", "accept-encoding", "http2-settings");

    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~!$&'()*+,;=:@/?%";

    private ReplayRequest() {
    }

    static HttpRequest build(URI base, RecordedRequest recorded, IdMap ids, Duration timeout) {
        String target = escape(ids.rewritePath(recorded.path()))
                + (recorded.rawQuery() == null ? "" : "?" + escape(ids.rewriteQuery(recorded.rawQuery())));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "")
                + target)).timeout(timeout);
        for (Header header : recorded.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!DROPPED.contains(name) && !name.startsWith(":")) {
                request.header(header.name(), ids.rewrite(header.value()));
            }
        }
        byte[] body = recorded.body().bytes();
        if (body.length > 0 && isText(recorded)) {
            String text = new String(body, StandardCharsets.UTF_8);
            body = (isForm(recorded) ? ids.rewriteQuery(text) : ids.rewrite(text)).getBytes(StandardCharsets.UTF_8);
        }
        request.method(recorded.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return request.build();
    }

    /**
     * Percent-encodes what {@link URI} refuses ({@code expand[]=x}, spaces) and keeps everything else, existing
     * escapes included, as recorded.
     */
    static String escape(String pathOrQuery) {
        StringBuilder out = new StringBuilder(pathOrQuery.length());
        for (byte b : pathOrQuery.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && ALLOWED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isText(RecordedRequest recorded) {
        String type = contentType(recorded);
        return type.isEmpty() || type.contains("json") || type.contains("x-www-form-urlencoded")
                || type.startsWith("text/") || type.contains("xml");
    }

    private static boolean isForm(RecordedRequest recorded) {
        return contentType(recorded).contains("x-www-form-urlencoded");
    }

    private static String contentType(RecordedRequest recorded) {
        return Headers.first(recorded.headers(), "Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }
}
