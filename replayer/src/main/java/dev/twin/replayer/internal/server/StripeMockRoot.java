package dev.twin.replayer.internal.server;

import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.spec.SpecDocument;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What SDK test suites written for stripe-mock look for before they run: {@code GET /} answered with a
 * {@code Stripe-Mock-Version} header (stripe-python, stripe-php, stripe-dotnet check it against a minimum). Served
 * only when one of the imported specs is Stripe's (its server is {@code api.stripe.com}) and no operation takes
 * {@code /}.
 */
final class StripeMockRoot {
    static final String VERSION_HEADER = "Stripe-Mock-Version";
    /** Above any minimum a suite asks for (they compare numerically; not every one accepts "master"). */
    static final String VERSION = "99.0.0";
    private static final byte[] BODY = ("{\"object\":\"twin\",\"message\":\"twin serving Stripe's OpenAPI spec "
            + "(stripe-mock compatible)\"}").getBytes(StandardCharsets.UTF_8);

    private StripeMockRoot() {
    }

    /** Whether one of the specs is Stripe's. */
    static boolean servesStripe(List<SpecDocument> specs) {
        for (SpecDocument spec : specs) {
            String url = spec.serverUrl();
            if (url == null) {
                continue;
            }
            try {
                String host = URI.create(url.replaceAll("\\{[^}]*}", "x")).getHost();
                if ("api.stripe.com".equalsIgnoreCase(host)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not a URL: not Stripe's
            }
        }
        return false;
    }

    /** {@code GET /} or {@code HEAD /}. */
    static boolean asks(TwinRequest request, String rawPath) {
        return rawPath.equals("/") && (request.method().equals("GET") || request.method().equals("HEAD"));
    }

    static TwinResponse answer() {
        return new TwinResponse(200, Map.of("Content-Type", "application/json", VERSION_HEADER, VERSION), BODY);
    }
}
