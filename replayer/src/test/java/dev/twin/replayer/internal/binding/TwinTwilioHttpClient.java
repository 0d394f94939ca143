package dev.twin.replayer.internal.binding;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.util.List;
import java.util.Map;

/**
 * The Twilio SDK has no base-URL setting: this client sends each request the SDK builds for
 * {@code https://api.twilio.com} to the twin instead, unchanged otherwise.
 */
public final class TwinTwilioHttpClient extends NetworkHttpClient {
    private static final String TWILIO = "https://api.twilio.com";

    private final String twinBaseUrl;

    public TwinTwilioHttpClient(String twinBaseUrl) {
        this.twinBaseUrl = twinBaseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl();
        if (!url.startsWith(TWILIO)) {
            throw new IllegalArgumentException("not a Twilio API URL: " + url);
        }
        Request rewritten = new Request(request.getMethod(), twinBaseUrl + url.substring(TWILIO.length()));
        copy(request.getQueryParams(), rewritten::addQueryParam);
        copy(request.getPostParams(), rewritten::addPostParam);
        copy(request.getHeaderParams(), rewritten::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            rewritten.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            rewritten.setAuth(request.getUsername(), request.getPassword());
        }
        if (request.getContentType() != null) {
            rewritten.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            rewritten.setBody(request.getBody());
        }
        return super.makeRequest(rewritten);
    }

    private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
