package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CORS for the API's routes, as spec mocks answer it, so that a web page under development can call the twin:
 * a preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered 204
 * allowing that origin, method and headers; every other answer allows its request's origin (with credentials) or,
 * without an {@code Origin}, any. The {@code /__twin/} routes never pass through here: a page of another origin
 * must not read or change a twin's state (see docs/admin-security.md).
 */
final class Cors {
    static final Cors OFF = new Cors(false);
    static final Cors ON = new Cors(true);

    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    private static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    private static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    private static final String MAX_AGE = "Access-Control-Max-Age";
    /** A day: browsers cap it lower (Chromium at two hours), so this means "as long as you keep them". */
    private static final String PREFLIGHT_SECONDS = "86400";

    private final boolean enabled;

    private Cors(boolean enabled) {
        this.enabled = enabled;
    }

    static Cors of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    boolean enabled() {
        return enabled;
    }

    /** A browser asking whether it may send a request: {@code OPTIONS} with the two headers a preflight has. */
    boolean isPreflight(TwinRequest request) {
        return enabled && request.method().equals("OPTIONS") && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    /** 204 allowing the asking origin, the method and the headers it asked for. */
    TwinResponse preflight(TwinRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ALLOW_ORIGIN, request.header("origin"));
        headers.put(ALLOW_CREDENTIALS, "true");
        headers.put(ALLOW_METHODS, request.header("access-control-request-method").trim()
                .toUpperCase(Locale.ROOT));
        String asked = request.header("access-control-request-headers");
        if (asked != null && !asked.isBlank()) {
            headers.put(ALLOW_HEADERS, asked.trim());
        }
        headers.put(MAX_AGE, PREFLIGHT_SECONDS);
        headers.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        return new TwinResponse(204, headers, new byte[0]);
    }

    /** The answer with the CORS headers its request's origin needs; unchanged when CORS is off. */
    TwinResponse apply(TwinRequest request, TwinResponse response) {
        if (!enabled || response.header(ALLOW_ORIGIN) != null) {
            return response;
        }
        String origin = request.header("origin");
        if (origin == null) {
            return response.withHeader(ALLOW_ORIGIN, "*");
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(ALLOW_ORIGIN, origin);
        headers.put(ALLOW_CREDENTIALS, "true");
        String exposed = String.join(", ", response.headers().keySet());
        if (!exposed.isEmpty()) {
            headers.put(EXPOSE_HEADERS, exposed);
        }
        String vary = response.header("Vary");
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("Vary"));
        headers.put("Vary", vary == null ? "Origin" : vary + ", Origin");
        return new TwinResponse(response.status(), headers, response.body());
    }
}
