package dev.twin.proxy.record;

import dev.twin.proxy.Origin;
import dev.twin.proxy.RequestUris;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Failure;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedRequest;
import dev.twin.recorder.RecordedResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One exchange while it is still crossing the proxy: the pieces seen so far. */
final class ExchangeDraft {
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final String clientAddress;
    private final String method;
    private final Origin origin;
    private final String uri;
    private final List<Header> requestHeaders;
    private final String requestEncoding;
    private final BodyCapture requestBody;
    private final BodyCapture responseBody;
    private int status;
    private List<Header> responseHeaders = List.of();
    private String responseEncoding;
    private Failure failure;

    ExchangeDraft(HttpRequest request, Origin origin, String clientAddress, long maxBodyBytes) {
        this.clientAddress = clientAddress;
        this.method = request.method().name();
        this.origin = origin;
        this.uri = request.uri();
        this.requestHeaders = headers(request.headers(), origin);
        this.requestEncoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        this.requestBody = new BodyCapture(maxBodyBytes);
        this.responseBody = new BodyCapture(maxBodyBytes);
    }

    void requestContent(HttpContent content) {
        requestBody.append(content.content());
    }

    void responseHead(HttpResponse response) {
        status = response.status().code();
        responseHeaders = headers(response.headers(), null);
        responseEncoding = response.headers().get(HttpHeaderNames.CONTENT_ENCODING);
    }

    void responseContent(HttpContent content) {
        responseBody.append(content.content());
    }

    void fail(Failure cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    boolean failed() {
        return failure != null;
    }

    /**
     * True when the client has the whole response once its head is written: a response to HEAD, a 1xx, 204 or 304,
     * or a Content-Length of 0. (Otherwise the last content completes it, or the close for a close-delimited body.)
     */
    boolean headEndsResponse(HttpResponse response) {
        int code = response.status().code();
        return method.equals("HEAD") || code < 200 || code == 204 || code == 304
                || HttpUtil.getContentLength(response, -1L) == 0L;
    }

    /** Protocol switches (WebSocket) are relayed but not recorded yet. */
    boolean switchedProtocols() {
        return status == 101;
    }

    Exchange toExchange(String session) {
        long durationMicros = (System.nanoTime() - startNanos) / 1_000;
        String target = RequestUris.originForm(uri);
        int queryStart = target.indexOf('?');
        String path = queryStart < 0 ? target : target.substring(0, queryStart);
        String rawQuery = queryStart < 0 ? null : target.substring(queryStart + 1);
        RecordedRequest request = new RecordedRequest(method, origin == null ? "http" : origin.scheme(),
                origin == null ? "" : origin.host(), origin == null ? 0 : origin.port(), path, rawQuery,
                requestHeaders, requestBody.toBody(requestEncoding));
        RecordedResponse response = failure == null
                ? new RecordedResponse(status, responseHeaders, responseBody.toBody(responseEncoding))
                : null;
        return new Exchange(0, session, startedAt, durationMicros, clientAddress, request, response, failure, false);
    }

    /** Header lines in order; the Host header shows the upstream's authority rather than twin's own address. */
    private static List<Header> headers(HttpHeaders headers, Origin origin) {
        List<Header> list = new ArrayList<>(headers.size());
        for (Iterator<Map.Entry<String, String>> it = headers.iteratorAsString(); it.hasNext(); ) {
            Map.Entry<String, String> entry = it.next();
            boolean host = origin != null && HttpHeaderNames.HOST.contentEqualsIgnoreCase(entry.getKey());
            list.add(new Header(entry.getKey(), host ? origin.hostHeader() : entry.getValue()));
        }
        return list;
    }
}
