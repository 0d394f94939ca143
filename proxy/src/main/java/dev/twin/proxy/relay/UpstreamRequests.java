package dev.twin.proxy.relay;

import dev.twin.proxy.Origin;
import dev.twin.proxy.RequestUris;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/** What changes in a client's request before it goes upstream; everything else passes as the client sent it. */
final class UpstreamRequests {
    private static final String PROXY_CONNECTION = "Proxy-Connection";
    private static final String HTTP2_SETTINGS = "HTTP2-Settings";

    private UpstreamRequests() {
    }

    static void prepare(HttpRequest request, Origin origin) {
        request.setUri(RequestUris.originForm(request.uri()));
        HttpHeaders headers = request.headers();
        headers.set(HttpHeaderNames.HOST, origin.hostHeader());
        // Meant for twin as a proxy, not for the upstream.
        headers.remove(PROXY_CONNECTION).remove(HttpHeaderNames.PROXY_AUTHORIZATION);
        declineHttp2Upgrade(headers);
    }

    /**
     * Clients such as the JDK's HttpClient offer {@code Upgrade: h2c} on plain http. twin records HTTP/1.1, so the
     * offer is not passed on; the client stays on HTTP/1.1, as the upgrade is optional.
     */
    private static void declineHttp2Upgrade(HttpHeaders headers) {
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, "h2c", true)) {
            return;
        }
        boolean close = headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        headers.remove(HttpHeaderNames.UPGRADE).remove(HTTP2_SETTINGS).remove(HttpHeaderNames.CONNECTION);
        if (close) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
    }
}
