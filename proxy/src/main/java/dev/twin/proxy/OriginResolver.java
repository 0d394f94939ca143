package dev.twin.proxy;

import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;

/** Tells where a client's request should go. */
@FunctionalInterface
public interface OriginResolver {

    /** @return the origin to forward to, or null when the request does not name one twin can use */
    Origin originOf(HttpRequest request);

    /** Every request goes to the same origin (reverse proxy, intercepted tunnel). */
    static OriginResolver fixed(Origin origin) {
        return request -> origin;
    }

    /** The origin comes from the request's absolute URI, as clients send it to a forward proxy. */
    static OriginResolver fromAbsoluteUri() {
        return request -> {
            String uri = request.uri();
            if (!RequestUris.isAbsolute(uri)) {
                return null;
            }
            try {
                URI parsed = new URI(uri);
                return parsed.getHost() == null ? null : Origin.of(parsed.getScheme().toLowerCase(), parsed.getHost(),
                        parsed.getPort());
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        };
    }
}
